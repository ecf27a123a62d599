package dev.tributary.pgp;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which algorithms and sizes this library accepts, and how large a decompressed message may grow.
 * Each {@link PgpEncryptor} and {@link PgpDecryptor} has its own policy; there is no global one.
 *
 * <p>{@link #defaults()} refuses what is broken or weak today: the 64-bit-block ciphers (3DES,
 * CAST5, Blowfish), RSA (and DSA, ElGamal) keys under 2048 bits, SHA-1 or MD5 in signatures over
 * data and in certifications, SHA-1 in the self-signatures that bind a key's parts when they were
 * made from 2023-02-01 on (older ones count, as in Sequoia), and passwords hashed without iteration
 * (the simple and salted S2K) in messages encrypted with a password. {@link #legacySenders()}
 * accepts those too, for a partner whose old tool cannot do better; prefer asking them to upgrade.
 * Data without integrity protection is refused by every policy. Every policy honours a revocation
 * (of a key, subkey, user ID or certification) that verifies, whatever its hash and date: it can
 * only take something away.
 *
 * <p>Immutable and thread-safe.
 */
public final class PgpPolicy {
  /** The default limit on decompressed data: 16 GiB. */
  public static final long DEFAULT_MAX_DECOMPRESSED_BYTES = 16L << 30;

  private static final PgpPolicy DEFAULTS = builder().build();

  private final Set<SymmetricAlgorithm> symmetricAlgorithms;
  private final int minimumRsaBits;
  private final boolean sha1Signatures;
  private final boolean weakPasswordHashing;
  private final long maxDecompressedBytes;

  private PgpPolicy(Builder b) {
    this.symmetricAlgorithms = Set.copyOf(b.symmetricAlgorithms);
    this.minimumRsaBits = b.minimumRsaBits;
    this.sha1Signatures = b.sha1Signatures;
    this.weakPasswordHashing = b.weakPasswordHashing;
    this.maxDecompressedBytes = b.maxDecompressedBytes;
  }

  /** The default policy: see the class description. */
  public static PgpPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * A policy that also accepts legacy ciphers, 1024-bit RSA, SHA-1 signatures and passwords hashed
   * without iteration.
   */
  public static PgpPolicy legacySenders() {
    return builder()
        .acceptSymmetricAlgorithms(EnumSet.allOf(SymmetricAlgorithm.class))
        .minimumRsaBits(1024)
        .acceptSha1Signatures(true)
        .acceptWeakPasswordHashing(true)
        .build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this policy's settings, to change some of them. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.symmetricAlgorithms = EnumSet.copyOf(symmetricAlgorithms);
    b.minimumRsaBits = minimumRsaBits;
    b.sha1Signatures = sha1Signatures;
    b.weakPasswordHashing = weakPasswordHashing;
    b.maxDecompressedBytes = maxDecompressedBytes;
    return b;
  }

  public boolean accepts(SymmetricAlgorithm algorithm) {
    return symmetricAlgorithms.contains(algorithm);
  }

  public Set<SymmetricAlgorithm> symmetricAlgorithms() {
    return symmetricAlgorithms;
  }

  public int minimumRsaBits() {
    return minimumRsaBits;
  }

  public boolean acceptsSha1Signatures() {
    return sha1Signatures;
  }

  /** Whether a message's password may be hashed with the simple or salted S2K (no iteration). */
  public boolean acceptsWeakPasswordHashing() {
    return weakPasswordHashing;
  }

  public long maxDecompressedBytes() {
    return maxDecompressedBytes;
  }

  @Override
  public String toString() {
    return "PgpPolicy[ciphers="
        + symmetricAlgorithms
        + ", minimumRsaBits="
        + minimumRsaBits
        + ", sha1Signatures="
        + sha1Signatures
        + ", weakPasswordHashing="
        + weakPasswordHashing
        + ", maxDecompressedBytes="
        + maxDecompressedBytes
        + "]";
  }

  /** Builds a {@link PgpPolicy}; starts from the defaults. Not thread-safe. */
  public static final class Builder {
    private EnumSet<SymmetricAlgorithm> symmetricAlgorithms =
        EnumSet.complementOf(
            EnumSet.of(
                SymmetricAlgorithm.TRIPLE_DES,
                SymmetricAlgorithm.CAST5,
                SymmetricAlgorithm.BLOWFISH));
    private int minimumRsaBits = 2048;
    private boolean sha1Signatures;
    private boolean weakPasswordHashing;
    private long maxDecompressedBytes = DEFAULT_MAX_DECOMPRESSED_BYTES;

    private Builder() {}

    /**
     * The ciphers a message may use. Default: every cipher but 3DES, CAST5 and Blowfish. Also
     * limits what {@link PgpEncryptor.Builder#symmetricAlgorithm} may choose.
     */
    public Builder acceptSymmetricAlgorithms(Collection<SymmetricAlgorithm> algorithms) {
      Objects.requireNonNull(algorithms, "algorithms");
      if (algorithms.isEmpty()) {
        throw new IllegalArgumentException("accept at least one symmetric algorithm");
      }
      this.symmetricAlgorithms = EnumSet.copyOf(algorithms);
      return this;
    }

    /**
     * The smallest RSA, DSA or ElGamal key accepted, in bits. Default 2048 (NIST's floor); lower it
     * to 1024 only for a partner who cannot replace an old key.
     */
    public Builder minimumRsaBits(int bits) {
      if (bits < 1024) {
        throw new IllegalArgumentException("minimumRsaBits must be at least 1024: " + bits);
      }
      this.minimumRsaBits = bits;
      return this;
    }

    /**
     * Whether signatures may use SHA-1 (broken for collisions) at any date: signatures over data,
     * certifications, and the self-signatures that bind a key's user IDs and subkeys. Without this
     * (the default), a self-signature made with SHA-1 counts only if it was made before 2023-02-01,
     * as in BouncyCastle's and Sequoia's default policies: a key GnuPG before 2.1 bound with SHA-1
     * long ago can still be encrypted to, but a SHA-1 self-signature made since then binds nothing,
     * and a certificate bound only by such signatures cannot be encrypted to. This setting does not
     * concern revocations: one made with SHA-1 (or RIPEMD-160, MD5) at any date revokes if it
     * verifies, as GnuPG honours the SHA-1 revocations it still makes; ignoring it would keep a key
     * its owner gave up in use, while honouring a forged one can at most deny service.
     */
    public Builder acceptSha1Signatures(boolean accept) {
      this.sha1Signatures = accept;
      return this;
    }

    /**
     * Whether a message encrypted with a password may hash it with the simple or the salted S2K,
     * which do not iterate: one guess costs one hash, so a weak password falls fast. Default false
     * (such a message is refused with {@link PgpDataException.Reason#WEAK_ALGORITHM}); GnuPG,
     * Sequoia and OpenPGP.js write the iterated or the Argon2 S2K.
     */
    public Builder acceptWeakPasswordHashing(boolean accept) {
      this.weakPasswordHashing = accept;
      return this;
    }

    /**
     * The most bytes decompression may produce before decryption stops with {@link
     * PgpDataException.Reason#TOO_LARGE}: a guard against compression bombs. Default {@value
     * PgpPolicy#DEFAULT_MAX_DECOMPRESSED_BYTES} (16 GiB); raise it for larger files.
     */
    public Builder maxDecompressedBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxDecompressedBytes must be positive: " + bytes);
      }
      this.maxDecompressedBytes = bytes;
      return this;
    }

    public PgpPolicy build() {
      return new PgpPolicy(this);
    }
  }
}

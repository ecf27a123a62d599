package dev.tributary.pgp.internal;

import dev.tributary.pgp.PgpPolicy;
import dev.tributary.pgp.SymmetricAlgorithm;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.openpgp.api.OpenPGPPolicy;
import org.jspecify.annotations.Nullable;

/**
 * A {@link PgpPolicy} as BouncyCastle's OpenPGP API asks for it: BouncyCastle's default policy
 * ({@code OpenPGPDefaultPolicy} of 1.87, whose tables this repeats) with our policy's minimum RSA,
 * DSA and ElGamal size, symmetric algorithms, SHA-1 signatures and decompression limit.
 *
 * <p>Our own class rather than a configured {@code OpenPGPDefaultPolicy}, whose constructor parses
 * its cut-off dates with a {@code SimpleDateFormat}: that loads the JDK's time-zone names and
 * rules, some 0.2 s of one core and more of the JIT's at the start of every {@code sop} call.
 * Unlike it, this policy has a notation registry (empty), so a signature with a critical notation
 * is refused as RFC 9580 requires instead of failing on a null registry.
 */
@SuppressWarnings("deprecation") // the deprecated IDs still name old keys that exist
final class BcPolicy implements OpenPGPPolicy {
  /** 2023-02-01T00:00:00Z: BouncyCastle's cut-off for SHA-1 and RIPEMD-160 certifications. */
  private static final Date SHA1_CERTIFICATIONS_UNTIL = new Date(1_675_209_600_000L);

  /** 1997-02-01T00:00:00Z: BouncyCastle's cut-off for MD5 certifications. */
  private static final Date MD5_CERTIFICATIONS_UNTIL = new Date(854_755_200_000L);

  private static final int[] MODERN_HASHES = {
    HashAlgorithmTags.SHA3_512,
    HashAlgorithmTags.SHA3_256,
    HashAlgorithmTags.SHA512,
    HashAlgorithmTags.SHA384,
    HashAlgorithmTags.SHA256,
    HashAlgorithmTags.SHA224
  };

  /** Algorithm → the date signatures must be made before, or null for no limit. */
  private final Map<Integer, Date> certificationHashes = new HashMap<>();

  private final Map<Integer, Date> documentHashes = new HashMap<>();
  private final Set<Integer> symmetric = new HashSet<>();

  /** Algorithm → the minimum strength in bits, or null for any. */
  private final Map<Integer, Integer> publicKeyMinimum = new HashMap<>();

  private final long maxDecompressedBytes;
  private final OpenPGPNotationRegistry notations = new OpenPGPNotationRegistry();

  BcPolicy(PgpPolicy policy) {
    for (int hash : MODERN_HASHES) {
      certificationHashes.put(hash, null);
      documentHashes.put(hash, null);
    }
    if (policy.acceptsSha1Signatures()) {
      certificationHashes.put(HashAlgorithmTags.SHA1, null);
      documentHashes.put(HashAlgorithmTags.SHA1, null);
    } else {
      certificationHashes.put(HashAlgorithmTags.SHA1, SHA1_CERTIFICATIONS_UNTIL);
    }
    certificationHashes.put(HashAlgorithmTags.RIPEMD160, SHA1_CERTIFICATIONS_UNTIL);
    certificationHashes.put(HashAlgorithmTags.MD5, MD5_CERTIFICATIONS_UNTIL);

    for (SymmetricAlgorithm a : SymmetricAlgorithm.values()) {
      if (policy.accepts(a)) {
        symmetric.add(a.id());
      }
    }

    for (int alg :
        new int[] {
          PublicKeyAlgorithmTags.RSA_GENERAL,
          PublicKeyAlgorithmTags.RSA_ENCRYPT,
          PublicKeyAlgorithmTags.RSA_SIGN,
          PublicKeyAlgorithmTags.DSA,
          PublicKeyAlgorithmTags.ELGAMAL_ENCRYPT,
          PublicKeyAlgorithmTags.ELGAMAL_GENERAL
        }) {
      publicKeyMinimum.put(alg, policy.minimumRsaBits());
    }
    for (int alg :
        new int[] {
          PublicKeyAlgorithmTags.ECDSA,
          PublicKeyAlgorithmTags.EDDSA_LEGACY,
          PublicKeyAlgorithmTags.ECDH
        }) {
      publicKeyMinimum.put(alg, 250);
    }
    for (int alg = PublicKeyAlgorithmTags.X25519; alg <= 36; alg++) {
      if (alg != 29) { // 25-28 X25519, X448, Ed25519, Ed448; 30-36 the post-quantum ones
        publicKeyMinimum.put(alg, null);
      }
    }
    maxDecompressedBytes = policy.maxDecompressedBytes();
  }

  /**
   * From when every policy refuses certifications and self-signatures made with {@code hash},
   * whatever it says of SHA-1: 2023-02-01 for RIPEMD-160, 1997-02-01 for MD5; null for any other
   * hash (SHA-1 depends on {@link PgpPolicy#acceptsSha1Signatures}).
   */
  static @Nullable Date refusedSince(int hash) {
    return switch (hash) {
      case HashAlgorithmTags.RIPEMD160 -> SHA1_CERTIFICATIONS_UNTIL;
      case HashAlgorithmTags.MD5 -> MD5_CERTIFICATIONS_UNTIL;
      default -> null;
    };
  }

  @Override
  public boolean isAcceptableDocumentSignatureHashAlgorithm(int algorithm, Date created) {
    return acceptable(documentHashes, algorithm, created);
  }

  /**
   * Any hash this policy knows, made at any date: a revocation (of the key, a subkey, a user ID or
   * a certification) that verifies counts even made with SHA-1, RIPEMD-160 or MD5 after the cut-off
   * for signatures that grant something. Ignoring a real one keeps a key its owner gave up, maybe
   * because it leaked, in use (fail-open); honouring a forged one can at most deny service, and
   * forging one takes the owner's own signature over data the forger chose. Sequoia tolerates such
   * revocations for seven years past a hash's cut-off, GnuPG 2.2 honours SHA-1 ones.
   */
  @Override
  public boolean isAcceptableRevocationSignatureHashAlgorithm(int algorithm, Date created) {
    return certificationHashes.containsKey(algorithm);
  }

  @Override
  public boolean isAcceptableCertificationSignatureHashAlgorithm(int algorithm, Date created) {
    return acceptable(certificationHashes, algorithm, created);
  }

  private static boolean acceptable(Map<Integer, Date> hashes, int algorithm, Date created) {
    if (!hashes.containsKey(algorithm)) {
      return false;
    }
    Date until = hashes.get(algorithm);
    return until == null || created.before(until);
  }

  @Override
  public int getDefaultCertificationSignatureHashAlgorithm() {
    return HashAlgorithmTags.SHA512;
  }

  @Override
  public int getDefaultDocumentSignatureHashAlgorithm() {
    return HashAlgorithmTags.SHA512;
  }

  @Override
  public boolean isAcceptableSymmetricKeyAlgorithm(int algorithm) {
    return symmetric.contains(algorithm);
  }

  /** BouncyCastle's default, kept; our encryptor chooses its cipher itself. */
  @Override
  public int getDefaultSymmetricKeyAlgorithm() {
    return SymmetricAlgorithm.AES_128.id();
  }

  @Override
  public boolean isAcceptablePublicKeyStrength(int algorithm, int bits) {
    if (!publicKeyMinimum.containsKey(algorithm)) {
      return false;
    }
    Integer minimum = publicKeyMinimum.get(algorithm);
    return minimum == null || bits >= minimum;
  }

  @Override
  public long getMaximumDecompressedDataSize() {
    return maxDecompressedBytes;
  }

  @Override
  public OpenPGPNotationRegistry getNotationRegistry() {
    return notations;
  }
}

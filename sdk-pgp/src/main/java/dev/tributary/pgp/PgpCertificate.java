package dev.tributary.pgp;

import dev.tributary.core.auth.PgpPublicKey;
import dev.tributary.pgp.internal.ArmorText;
import dev.tributary.pgp.internal.CertificateMerge;
import dev.tributary.pgp.internal.Certifications;
import dev.tributary.pgp.internal.Engine;
import dev.tributary.pgp.internal.KeyDescriber;
import dev.tributary.pgp.internal.KeyEncoding;
import dev.tributary.pgp.internal.KeyRings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.openpgp.PGPPublicKeyRing;

/**
 * A parsed OpenPGP public key (certificate): what a message is encrypted to and what signatures are
 * verified with. Create one with {@link #parse(String)} from the ASCII-armored text a user pasted,
 * or {@link #of(PgpPublicKey)} from an authorization; both fail with a {@link PgpKeyException} that
 * says precisely what is wrong with the text.
 *
 * <p>Immutable and thread-safe; share it freely.
 */
public final class PgpCertificate {
  private final PGPPublicKeyRing ring;

  PgpCertificate(PGPPublicKeyRing ring) {
    this.ring = ring;
  }

  /**
   * Parses one ASCII-armored public key, which must begin with {@code -----BEGIN PGP PUBLIC KEY
   * BLOCK-----} and end with the matching footer.
   *
   * @throws PgpKeyException if the text is not one armored public key: the message says why
   */
  public static PgpCertificate parse(String armored) {
    Objects.requireNonNull(armored, "armored");
    List<PGPPublicKeyRing> rings =
        KeyRings.publicRings(ArmorText.decode(armored, ArmorText.Kind.PUBLIC));
    if (rings.size() != 1) {
      throw new PgpKeyException(
          "the block holds " + rings.size() + " public keys; give each key its own entry");
    }
    return new PgpCertificate(rings.get(0));
  }

  /** Parses the public key of an authorization; see {@link #parse(String)}. */
  public static PgpCertificate of(PgpPublicKey authorization) {
    return parse(Objects.requireNonNull(authorization, "authorization").armoredKey());
  }

  /**
   * Reads every certificate in {@code data}, ASCII-armored or binary (as command-line tools pass
   * them). Private keys are accepted too and reduced to their public part.
   *
   * @throws PgpKeyException if the data holds no certificate or is damaged
   */
  public static List<PgpCertificate> readAll(byte[] data) {
    Objects.requireNonNull(data, "data");
    List<PgpCertificate> certs = new ArrayList<>();
    for (PGPPublicKeyRing ring : KeyEncoding.readPublicRings(data)) {
      certs.add(new PgpCertificate(ring));
    }
    return certs;
  }

  /**
   * Reads every certificate in {@code data}, ASCII-armored or binary, as {@link #readAll} does, but
   * refuses private keys: for certificates that are passed on, where a private key would be a
   * mistake whose secret must not travel further.
   *
   * @throws PgpKeyException if the data holds no certificate, a private key, or is damaged
   */
  public static List<PgpCertificate> readAllPublic(byte[] data) {
    Objects.requireNonNull(data, "data");
    List<PgpCertificate> certs = new ArrayList<>();
    for (PGPPublicKeyRing ring : KeyEncoding.readPublicRingsOnly(data)) {
      certs.add(new PgpCertificate(ring));
    }
    return certs;
  }

  /**
   * This certificate with the updates that {@code update}, another copy of it, carries: new user
   * IDs, subkeys, self-signatures (renewed expiry, changed preferences), revocations, and
   * third-party certifications of its user IDs. Only what is bound to this certificate comes in: a
   * signature by its primary key only if it verifies, a new user ID only with a valid
   * self-signature, a new subkey only with a valid binding signature (and back-signature if it
   * signs). Third-party certifications come in on the user IDs that are bound; only their issuer's
   * certificate can check them ({@link #userIdsCertifiedBy} does). User attributes (photo IDs) and
   * third-party signatures over the keys themselves stay out. Signatures already here are not
   * doubled. This certificate is unchanged.
   *
   * @throws PgpKeyException if {@code update} is another certificate (its fingerprint differs)
   */
  public PgpCertificate merge(PgpCertificate update) {
    Objects.requireNonNull(update, "update");
    return new PgpCertificate(
        CertificateMerge.merge(KeyRings.copy(ring), KeyRings.copy(update.ring)));
  }

  /**
   * The user IDs of this certificate that one of {@code authorities} certified, as of {@code at}:
   * by a certification (signature types 0x10 to 0x13) that verifies, made by a key that could
   * certify for its authority then and still can at {@code at}, not expired, not made with a weak
   * hash (MD5, RIPEMD-160, SHA-1), and not revoked by a later certification revocation of the same
   * key (which revokes whatever its hash, if it verifies). If this certificate is itself among the
   * authorities, its own valid self-signatures count too. None if this certificate's primary key is
   * revoked or expired at {@code at}; none that its owner revoked. For checking that a partner's
   * key really is theirs, vouched for by a key one trusts.
   */
  public List<String> userIdsCertifiedBy(Collection<PgpCertificate> authorities, Instant at) {
    Objects.requireNonNull(authorities, "authorities");
    Objects.requireNonNull(at, "at");
    List<PGPPublicKeyRing> rings = new ArrayList<>();
    for (PgpCertificate a : authorities) {
      rings.add(Objects.requireNonNull(a, "authority").ring);
    }
    return Certifications.certifiedUserIds(ring, rings, Engine.of(PgpPolicy.defaults()), at);
  }

  PGPPublicKeyRing ring() {
    return ring;
  }

  /** The key rings of {@code certificates}, in their order: what the verifying calls check with. */
  static List<PGPPublicKeyRing> rings(List<PgpCertificate> certificates) {
    List<PGPPublicKeyRing> rings = new ArrayList<>(certificates.size());
    for (PgpCertificate c : certificates) {
      rings.add(c.ring());
    }
    return rings;
  }

  /** The primary key's fingerprint: upper-case hex without spaces. */
  public String fingerprint() {
    return KeyDescriber.fingerprint(ring.getPublicKey());
  }

  /** The primary key's ID: 16 upper-case hex digits. */
  public String keyId() {
    return KeyDescriber.keyId(ring.getPublicKey().getKeyID());
  }

  /** The user IDs, e.g. "Alice &lt;alice@example.com&gt;". */
  public List<String> userIds() {
    return describe().userIds();
  }

  /** Describes the certificate as of now, under the default policy. */
  public KeyDescription describe() {
    return describe(Instant.now());
  }

  /**
   * Describes the certificate as it stands at {@code at} (expiry and revocation depend on it; a key
   * made after it is unusable then: "not yet made: created …, after the time asked, …").
   */
  public KeyDescription describe(Instant at) {
    Objects.requireNonNull(at, "at");
    Engine engine = Engine.of(PgpPolicy.defaults());
    return KeyDescriber.describe(KeyRings.certificate(ring, engine), engine, at);
  }

  /** The certificate as ASCII-armored text. */
  public String armored() {
    return KeyEncoding.armor(ring);
  }

  /** The certificate's binary encoding. */
  public byte[] encoded() {
    return KeyEncoding.encode(ring);
  }

  @Override
  public String toString() {
    return "PgpCertificate[" + fingerprint() + "]";
  }
}

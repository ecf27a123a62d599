package dev.tributary.pgp;

import dev.tributary.core.auth.PgpPublicKey;
import dev.tributary.pgp.internal.ArmorText;
import dev.tributary.pgp.internal.Engine;
import dev.tributary.pgp.internal.KeyDescriber;
import dev.tributary.pgp.internal.KeyEncoding;
import dev.tributary.pgp.internal.KeyRings;
import java.time.Instant;
import java.util.ArrayList;
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

  PGPPublicKeyRing ring() {
    return ring;
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

  /** Describes the certificate as it stands at {@code at} (expiry and revocation depend on it). */
  public KeyDescription describe(Instant at) {
    Objects.requireNonNull(at, "at");
    return KeyDescriber.describe(KeyRings.certificate(ring, Engine.of(PgpPolicy.defaults())), at);
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

package dev.tributary.pgp.internal;

import dev.tributary.core.TributaryException;
import dev.tributary.pgp.PgpKeyException;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.bcpg.sig.RevocationReasonTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;

/**
 * Makes a key revocation signature (type 0x20) with the primary key, for {@link
 * dev.tributary.pgp.PgpKey#revocationCertificate}. Its reason is "no reason specified" (0): under
 * RFC 9580, section 5.2.3.31, that is a hard revocation, which invalidates every signature the key
 * ever made, as befits a key that may have leaked.
 */
public final class Revocation {
  private Revocation() {}

  /**
   * The public ring of {@code key} with a key revocation signature made {@code now} added, made
   * from a copy of the key's ring ({@link KeyRings#copy(PGPSecretKeyRing)}): the key is shared
   * between threads, and the certificate must share no signature object with it.
   */
  public static PGPPublicKeyRing revoke(UnlockedKeys key, Instant now) {
    PGPSecretKeyRing ring = KeyRings.copy(key.ring());
    PGPPublicKeyRing publicRing = new PGPPublicKeyRing(KeyEncoding.publicKeys(ring));
    PGPSecretKey primary = ring.getSecretKey();
    PGPPublicKey pub = primary.getPublicKey();
    String missing = UnlockedKeys.primarySecretMissing(primary, "revoke it");
    if (missing != null) {
      throw new PgpKeyException("cannot revoke key " + key.fingerprint() + ": " + missing);
    }
    try {
      PGPSignatureGenerator gen =
          Signing.generator(
              pub,
              key.privateKey(primary),
              PGPSignature.KEY_REVOCATION,
              Date.from(now),
              hashed -> hashed.setRevocationReason(false, RevocationReasonTags.NO_REASON, ""));
      PGPSignature revocation = gen.generateCertification(pub);
      PGPPublicKey revoked = PGPPublicKey.addCertification(publicRing.getPublicKey(), revocation);
      return PGPPublicKeyRing.insertPublicKey(publicRing, revoked);
    } catch (PGPException | RuntimeException e) {
      if (e instanceof TributaryException t) {
        throw t;
      }
      throw new PgpKeyException(
          "cannot revoke key "
              + key.fingerprint()
              + ": its primary key ("
              + KeyDescriber.algorithmName(pub)
              + ") cannot make the revocation signature",
          e);
    }
  }
}

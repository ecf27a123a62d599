package dev.tributary.pgp.internal;

import java.util.Date;
import java.util.Iterator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.jspecify.annotations.Nullable;

/**
 * The primary key's expiry from its newest valid direct-key signature. BouncyCastle 1.87 reads a
 * primary key's expiry from the user ID's self-signature when there is one, while GnuPG and RFC
 * 9580 also honour the direct-key signature (where BouncyCastle's own key generator puts it): the
 * earlier of the two is what every implementation agrees on.
 */
final class DirectKeyExpiry {
  private DirectKeyExpiry() {}

  static @Nullable Date of(PGPPublicKey primary, Date when) {
    PGPSignature newest = null;
    for (Iterator<PGPSignature> it = primary.getSignaturesOfType(PGPSignature.DIRECT_KEY);
        it.hasNext(); ) {
      PGPSignature sig = it.next();
      if (sig.getCreationTime().after(when) || !verifies(sig, primary)) {
        continue;
      }
      if (newest == null || sig.getCreationTime().after(newest.getCreationTime())) {
        newest = sig;
      }
    }
    if (newest == null) {
      return null;
    }
    PGPSignatureSubpacketVector hashed = newest.getHashedSubPackets();
    long seconds = hashed == null ? 0 : hashed.getKeyExpirationTime();
    return seconds <= 0 ? null : new Date(primary.getCreationTime().getTime() + seconds * 1000);
  }

  /** The earlier of two expiry dates, either of which may be absent. */
  static @Nullable Date earlier(@Nullable Date a, @Nullable Date b) {
    if (a == null) {
      return b;
    }
    return b == null || a.before(b) ? a : b;
  }

  private static boolean verifies(PGPSignature sig, PGPPublicKey primary) {
    try {
      sig.init(new BcPGPContentVerifierBuilderProvider(), primary);
      return sig.verifyCertification(primary);
    } catch (PGPException | RuntimeException e) {
      return false;
    }
  }
}

package dev.tributary.pgp.internal;

import static dev.tributary.pgp.internal.CertificateMerge.isBy;
import static dev.tributary.pgp.internal.CertificateMerge.verifies;

import java.util.Date;
import java.util.Iterator;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.jspecify.annotations.Nullable;

/**
 * Why the newest self-signature of a key that no self-signature binds does not bind it, where the
 * signature itself tells: it has expired or holds a critical subpacket or notation that is not
 * understood ({@link SignatureSubpackets}), it is older than the subkey it binds, or it binds a
 * signing subkey without the subkey's own primary key binding signature (a back-signature, RFC
 * 9580, section 5.2.1; {@code internal.RecipientSelector#unbound} says the rest). Stateless.
 */
final class SelfSignatureProblems {
  private SelfSignatureProblems() {}

  /** Why {@code key}'s newest self-signature by {@code primary} made by {@code when} is void. */
  static @Nullable String of(PGPPublicKey key, PGPPublicKey primary, Date when) {
    PGPSignature newest = null;
    for (Iterator<PGPSignature> it = key.getSignatures(); it.hasNext(); ) {
      PGPSignature sig = it.next();
      if (isSelfSignature(sig, key)
          && isBy(sig, primary)
          && !sig.getCreationTime().after(when)
          && (newest == null || sig.getCreationTime().after(newest.getCreationTime()))) {
        newest = sig;
      }
    }
    if (newest == null || !verifiesOver(newest, key, primary)) {
      return null;
    }
    String problem = SignatureSubpackets.problem(newest, when.toInstant());
    if (problem != null) {
      return "its newest self-signature does not count: " + problem;
    }
    if (key.isMasterKey()) {
      return null;
    }
    if (newest.getCreationTime().before(key.getCreationTime())) {
      return "its newest binding signature is older than the subkey it binds";
    }
    PGPSignatureSubpacketVector hashed = newest.getHashedSubPackets();
    int flags = hashed == null ? 0 : hashed.getKeyFlags();
    if ((flags & (KeyFlags.SIGN_DATA | KeyFlags.CERTIFY_OTHER)) != 0
        && !backSigned(newest, key, primary, when)) {
      return "its newest binding signature lets it sign, but holds no valid primary key binding"
          + " signature made by the subkey (a back-signature, which RFC 9580, section 5.2.1,"
          + " requires of a signing subkey)";
    }
    return null;
  }

  /**
   * Why the newest self-signature by {@code primary} on its user ID {@code userId} made by {@code
   * when} does not bind the user ID, where the signature itself tells (it has expired, or holds a
   * critical subpacket or notation that is not understood), or null.
   */
  static @Nullable String ofUserId(PGPPublicKey primary, String userId, Date when) {
    PGPSignature newest = null;
    for (Iterator<PGPSignature> it = primary.getSignaturesForID(userId);
        it != null && it.hasNext(); ) {
      PGPSignature sig = it.next();
      if (PGPSignature.isCertification(sig.getSignatureType())
          && isBy(sig, primary)
          && !sig.getCreationTime().after(when)
          && (newest == null || sig.getCreationTime().after(newest.getCreationTime()))) {
        newest = sig;
      }
    }
    PGPSignature found = newest;
    if (found == null
        || !verifies(found, primary, () -> found.verifyCertification(userId, primary))) {
      return null;
    }
    String problem = SignatureSubpackets.problem(found, when.toInstant());
    return problem == null ? null : "its newest self-signature does not count: " + problem;
  }

  private static boolean isSelfSignature(PGPSignature sig, PGPPublicKey key) {
    int type = sig.getSignatureType();
    return key.isMasterKey()
        ? type == PGPSignature.DIRECT_KEY || PGPSignature.isCertification(type)
        : type == PGPSignature.SUBKEY_BINDING;
  }

  private static boolean verifiesOver(PGPSignature sig, PGPPublicKey key, PGPPublicKey primary) {
    if (sig.getSignatureType() == PGPSignature.SUBKEY_BINDING) {
      return verifies(sig, primary, () -> sig.verifyCertification(primary, key));
    }
    if (sig.getSignatureType() == PGPSignature.DIRECT_KEY) {
      return verifies(sig, primary, () -> sig.verifyCertification(primary));
    }
    for (Iterator<byte[]> ids = primary.getRawUserIDs(); ids.hasNext(); ) {
      byte[] id = ids.next();
      for (Iterator<PGPSignature> it = primary.getSignaturesForID(id); it.hasNext(); ) {
        if (it.next() == sig) {
          return verifies(sig, primary, () -> sig.verifyCertification(id, primary));
        }
      }
    }
    return false;
  }

  /** Whether {@code binding} embeds a back-signature by {@code sub} that verifies and counts. */
  private static boolean backSigned(
      PGPSignature binding, PGPPublicKey sub, PGPPublicKey primary, Date when) {
    try {
      for (PGPSignatureSubpacketVector area :
          new PGPSignatureSubpacketVector[] {
            binding.getHashedSubPackets(), binding.getUnhashedSubPackets()
          }) {
        PGPSignatureList embedded = area == null ? null : area.getEmbeddedSignatures();
        for (int i = 0; embedded != null && i < embedded.size(); i++) {
          PGPSignature back = embedded.get(i);
          if (back.getSignatureType() == PGPSignature.PRIMARYKEY_BINDING
              && SignatureSubpackets.problem(back, when.toInstant()) == null
              && verifies(back, sub, () -> back.verifyCertification(primary, sub))) {
            return true;
          }
        }
      }
      return false;
    } catch (PGPException | RuntimeException e) {
      return false;
    }
  }
}

package dev.tributary.pgp.internal;

import dev.tributary.pgp.PgpKeyException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.PGPUserAttributeSubpacketVector;
import org.jspecify.annotations.Nullable;

/**
 * Merges the updates of one copy of a certificate into another, for {@link
 * dev.tributary.pgp.PgpCertificate#merge}. Only what is bound to the certificate comes in:
 *
 * <ul>
 *   <li>signatures the primary key made (direct-key, revocations, user ID self-signatures, subkey
 *       bindings) only if they verify; a signing subkey's binding also needs its back-signature;
 *   <li>a new user ID only with a self-signature that verifies, a new subkey only with a binding
 *       signature that verifies;
 *   <li>third-party certifications and certification revocations of the user IDs that are bound
 *       (they can be checked only against their issuer's certificate, as {@link
 *       Certifications#certifiedUserIds} does);
 *   <li>no user attributes (photo IDs) and no third-party signatures over the keys themselves.
 * </ul>
 *
 * The base certificate's own packets stay as they are; signatures already there are not doubled.
 */
public final class CertificateMerge {
  private CertificateMerge() {}

  /**
   * {@code base} with the bound updates of {@code update}.
   *
   * @throws PgpKeyException if {@code update} has another primary key
   */
  public static PGPPublicKeyRing merge(PGPPublicKeyRing base, PGPPublicKeyRing update) {
    PGPPublicKey primary = base.getPublicKey();
    if (!primary.hasFingerprint(update.getPublicKey().getFingerprint())) {
      throw new PgpKeyException(
          "cannot merge certificate "
              + KeyDescriber.fingerprint(update.getPublicKey())
              + " into certificate "
              + KeyDescriber.fingerprint(primary)
              + ": their primary keys differ; only updates of the same certificate merge");
    }
    List<PGPPublicKey> keys = new ArrayList<>();
    keys.add(boundPrimary(base, update.getPublicKey()));
    for (Iterator<PGPPublicKey> it = update.getPublicKeys(); it.hasNext(); ) {
      PGPPublicKey subkey = it.next();
      if (!subkey.isMasterKey()) {
        PGPPublicKey bound = boundSubkey(base, primary, subkey);
        if (bound != null) {
          keys.add(bound);
        }
      }
    }
    try {
      return PGPPublicKeyRing.join(base, new PGPPublicKeyRing(keys));
    } catch (PGPException | RuntimeException e) {
      throw new PgpKeyException(
          "cannot merge the updates into certificate "
              + KeyDescriber.fingerprint(primary)
              + ": the update is damaged; export it again",
          e);
    }
  }

  /** The update's primary key with only the signatures and user IDs bound to it. */
  private static PGPPublicKey boundPrimary(PGPPublicKeyRing base, PGPPublicKey primary) {
    PGPPublicKey kept = primary;
    for (PGPSignature sig : list(primary.getKeySignatures())) {
      if (!(isBy(sig, primary) && verifies(sig, primary, () -> sig.verifyCertification(primary)))) {
        kept = removed(kept, PGPPublicKey.removeCertification(kept, sig));
      }
    }
    for (String userId : list(primary.getUserIDs())) {
      kept = boundUserId(base, kept, primary, userId);
    }
    for (PGPUserAttributeSubpacketVector attribute : list(primary.getUserAttributes())) {
      kept = removed(kept, PGPPublicKey.removeCertification(kept, attribute));
    }
    return kept;
  }

  /**
   * {@code kept} with {@code userId} and its acceptable signatures, or without it when it is new
   * and no self-signature binds it.
   */
  private static PGPPublicKey boundUserId(
      PGPPublicKeyRing base, PGPPublicKey kept, PGPPublicKey primary, String userId) {
    boolean bound = hasUserId(base.getPublicKey(), userId);
    PGPPublicKey result = kept;
    for (PGPSignature sig : list(primary.getSignaturesForID(userId))) {
      int type = sig.getSignatureType();
      boolean acceptable;
      if (isBy(sig, primary)) {
        acceptable =
            (PGPSignature.isCertification(type) || type == PGPSignature.CERTIFICATION_REVOCATION)
                && verifies(sig, primary, () -> sig.verifyCertification(userId, primary));
        bound |= acceptable && PGPSignature.isCertification(type);
      } else {
        acceptable =
            PGPSignature.isCertification(type) || type == PGPSignature.CERTIFICATION_REVOCATION;
      }
      if (!acceptable) {
        result = removed(result, PGPPublicKey.removeCertification(result, userId, sig));
      }
    }
    return bound ? result : removed(result, PGPPublicKey.removeCertification(result, userId));
  }

  /** {@code subkey} with only its verified bindings and revocations; null if it stays out. */
  private static @Nullable PGPPublicKey boundSubkey(
      PGPPublicKeyRing base, PGPPublicKey primary, PGPPublicKey subkey) {
    boolean bound = base.getPublicKey(subkey.getKeyIdentifier()) != null;
    PGPPublicKey kept = subkey;
    for (PGPSignature sig : list(subkey.getSignatures())) {
      int type = sig.getSignatureType();
      boolean binding = type == PGPSignature.SUBKEY_BINDING && backSigned(sig, primary, subkey);
      boolean acceptable =
          (binding || type == PGPSignature.SUBKEY_REVOCATION)
              && isBy(sig, primary)
              && verifies(sig, primary, () -> sig.verifyCertification(primary, subkey));
      bound |= acceptable && binding;
      if (!acceptable) {
        kept = removed(kept, PGPPublicKey.removeCertification(kept, sig));
      }
    }
    return bound ? kept : null;
  }

  /**
   * Whether a subkey binding signature that lets the subkey sign embeds a primary key binding
   * signature (RFC 9580, section 5.2.1) that verifies; true for one that does not let it sign.
   */
  private static boolean backSigned(PGPSignature binding, PGPPublicKey primary, PGPPublicKey sub) {
    PGPSignatureSubpacketVector hashed = binding.getHashedSubPackets();
    if (hashed == null || (hashed.getKeyFlags() & KeyFlags.SIGN_DATA) == 0) {
      return true;
    }
    for (PGPSignatureSubpacketVector area :
        new PGPSignatureSubpacketVector[] {hashed, binding.getUnhashedSubPackets()}) {
      try {
        PGPSignatureList embedded = area == null ? null : area.getEmbeddedSignatures();
        for (int i = 0; embedded != null && i < embedded.size(); i++) {
          PGPSignature back = embedded.get(i);
          if (back.getSignatureType() == PGPSignature.PRIMARYKEY_BINDING
              && verifies(back, sub, () -> back.verifyCertification(primary, sub))) {
            return true;
          }
        }
      } catch (PGPException | RuntimeException e) {
        // a damaged embedded signature binds nothing
      }
    }
    return false;
  }

  static boolean hasUserId(PGPPublicKey primary, String userId) {
    return list(primary.getUserIDs()).contains(userId);
  }

  /** Whether {@code sig} names {@code key} as its issuer. */
  static boolean isBy(PGPSignature sig, PGPPublicKey key) {
    return sig.getKeyIdentifiers().stream().anyMatch(id -> id.matches(key.getKeyIdentifier()));
  }

  /** What BouncyCastle says of a signature initialised for its key. */
  interface Check {
    boolean matches() throws PGPException;
  }

  /** Whether {@code sig} by {@code signer} passes {@code check}; false if it cannot be checked. */
  static boolean verifies(PGPSignature sig, PGPPublicKey signer, Check check) {
    try {
      sig.init(JdkRsa.verifiers(), signer);
      return check.matches();
    } catch (PGPException | RuntimeException e) {
      return false;
    }
  }

  private static PGPPublicKey removed(PGPPublicKey before, @Nullable PGPPublicKey after) {
    return after == null ? before : after;
  }

  static <T> List<T> list(Iterator<T> it) {
    List<T> items = new ArrayList<>();
    it.forEachRemaining(items::add);
    return items;
  }
}

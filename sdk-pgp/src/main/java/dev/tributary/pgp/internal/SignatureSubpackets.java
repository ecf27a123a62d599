package dev.tributary.pgp.internal;

import java.time.Instant;
import java.util.Set;
import org.bouncycastle.bcpg.SignatureSubpacket;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.bcpg.sig.NotationData;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.jspecify.annotations.Nullable;

/**
 * What the hashed subpackets of a signature over data say against its validity, which
 * BouncyCastle's check of the signature itself does not look at: that it has expired, or that its
 * maker marked as critical a subpacket or notation that this verifier does not understand. Only the
 * hashed area counts: anyone may change the unhashed one (Sequoia reads it the same way).
 * Stateless.
 */
final class SignatureSubpackets {
  /**
   * The subpacket types RFC 9580 (section 5.2.3.7) assigns, and 34 (LibrePGP's preferred encryption
   * modes, which GnuPG writes): understood, if critical, as Sequoia understands them. The reserved
   * types (37 and 38 too) and the private or experimental ones (100 to 110) are not.
   */
  private static final Set<Integer> UNDERSTOOD =
      Set.of(
          SignatureSubpacketTags.CREATION_TIME,
          SignatureSubpacketTags.EXPIRE_TIME,
          SignatureSubpacketTags.EXPORTABLE,
          SignatureSubpacketTags.TRUST_SIG,
          SignatureSubpacketTags.REG_EXP,
          SignatureSubpacketTags.REVOCABLE,
          SignatureSubpacketTags.KEY_EXPIRE_TIME,
          SignatureSubpacketTags.PREFERRED_SYM_ALGS,
          SignatureSubpacketTags.REVOCATION_KEY,
          SignatureSubpacketTags.ISSUER_KEY_ID,
          SignatureSubpacketTags.NOTATION_DATA, // a critical notation is checked by its name
          SignatureSubpacketTags.PREFERRED_HASH_ALGS,
          SignatureSubpacketTags.PREFERRED_COMP_ALGS,
          SignatureSubpacketTags.KEY_SERVER_PREFS,
          SignatureSubpacketTags.PREFERRED_KEY_SERV,
          SignatureSubpacketTags.PRIMARY_USER_ID,
          SignatureSubpacketTags.POLICY_URL,
          SignatureSubpacketTags.KEY_FLAGS,
          SignatureSubpacketTags.SIGNER_USER_ID,
          SignatureSubpacketTags.REVOCATION_REASON,
          SignatureSubpacketTags.FEATURES,
          SignatureSubpacketTags.SIGNATURE_TARGET,
          SignatureSubpacketTags.EMBEDDED_SIGNATURE,
          SignatureSubpacketTags.ISSUER_FINGERPRINT,
          SignatureSubpacketTags.LIBREPGP_PREFERRED_ENCRYPTION_MODES,
          SignatureSubpacketTags.INTENDED_RECIPIENT_FINGERPRINT,
          SignatureSubpacketTags.PREFERRED_AEAD_ALGORITHMS);

  private SignatureSubpackets() {}

  /**
   * Why {@code sig}'s hashed subpackets make it invalid as of {@code now}, or null if they do not:
   * a critical subpacket or notation not understood (RFC 9580, section 5.2.3.7: "the evaluator
   * SHOULD consider the signature to be in error"; GnuPG and Sequoia do), or an expiration time
   * that has passed (section 5.2.3.18).
   */
  static @Nullable String problem(PGPSignature sig, Instant now) {
    PGPSignatureSubpacketVector hashed = sig.getHashedSubPackets();
    if (hashed == null) {
      return null; // a version 3 signature has no subpackets
    }
    for (SignatureSubpacket s : hashed.toArray()) {
      if (s.isCritical() && !UNDERSTOOD.contains(s.getType())) {
        return "the signature holds a critical subpacket of type "
            + s.getType()
            + ", which is not understood (RFC 9580, section 5.2.3.7)";
      }
    }
    for (NotationData n : hashed.getNotationDataOccurrences()) {
      if (n.isCritical()) {
        // No notation is understood: the name, the signer's text, is not repeated.
        return "the signature holds a critical notation, which is not understood (RFC 9580,"
            + " section 5.2.3.24)";
      }
    }
    long lifetime = hashed.getSignatureExpirationTime(); // seconds; 0 for none
    if (lifetime > 0) {
      Instant expiry = sig.getCreationTime().toInstant().plusSeconds(lifetime);
      if (!now.isBefore(expiry)) {
        return "the signature expired on " + expiry + ", as its maker set";
      }
    }
    return null;
  }
}

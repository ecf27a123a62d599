package dev.tributary.pgp.internal;

import dev.tributary.pgp.KeyRevocation;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.bcpg.sig.RevocationReason;
import org.bouncycastle.bcpg.sig.RevocationReasonTags;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.jspecify.annotations.Nullable;

/**
 * Reads a revocation signature's Reason for Revocation (RFC 9580, section 5.2.3.31): its code, and
 * whether it makes a hard revocation (see {@link KeyRevocation}). BouncyCastle and Sequoia take a
 * key revocation with code 32 ("user ID no longer valid") as soft; that code means nothing for a
 * key, so it is taken as hard here: in doubt, a revoked key's old signatures are not trusted. Only
 * the hashed area counts: a reason in the unhashed area could have been put there by anyone.
 * Stateless.
 */
final class RevocationReasons {
  /** The code {@link #code} gives when the revocation gives no reason. */
  static final int NONE = -1;

  private RevocationReasons() {}

  /** The reason's code, 0 to 255, or {@link #NONE}. */
  static int code(PGPSignature revocation) {
    RevocationReason reason = subpacket(revocation);
    return reason == null ? NONE : reason.getRevocationReason() & 0xFF;
  }

  /**
   * Whether {@code revocation} is hard: all but superseded (1) and retired (3), and 32 on a user ID
   * or certification revocation.
   */
  static boolean hard(PGPSignature revocation) {
    int code = code(revocation);
    return switch (code) {
      case RevocationReasonTags.KEY_SUPERSEDED, RevocationReasonTags.KEY_RETIRED -> false;
      case RevocationReasonTags.USER_NO_LONGER_VALID -> !ofUserId(revocation);
      default -> true;
    };
  }

  /** Whether {@code revocation} revokes a user ID (or a certification), not a key. */
  static boolean ofUserId(PGPSignature revocation) {
    return revocation.getSignatureType() == PGPSignature.CERTIFICATION_REVOCATION;
  }

  /** The reason in words, as {@link KeyRevocation#reason()} gives it. */
  static String words(int code) {
    return switch (code) {
      case NONE -> "no reason given";
      case RevocationReasonTags.NO_REASON -> "no reason specified";
      case RevocationReasonTags.KEY_SUPERSEDED -> "key superseded";
      case RevocationReasonTags.KEY_COMPROMISED -> "key compromised";
      case RevocationReasonTags.KEY_RETIRED -> "key retired";
      case RevocationReasonTags.USER_NO_LONGER_VALID -> "user ID no longer valid";
      default -> (code >= 100 && code <= 110 ? "private reason " : "unknown reason ") + code;
    };
  }

  /** {@code revocation} as the public API shows it. */
  static KeyRevocation describe(PGPSignature revocation) {
    RevocationReason reason = subpacket(revocation);
    int code = code(revocation);
    return new KeyRevocation(
        revocation.getCreationTime().toInstant(),
        code,
        words(code),
        hard(revocation),
        reason == null ? "" : reason.getRevocationDescription());
  }

  /** "2025-03-01: key superseded, a soft revocation": its day, reason and kind, for messages. */
  static String dayAndKind(PGPSignature revocation) {
    return Days.of(revocation.getCreationTime()) + ": " + describe(revocation).kind();
  }

  private static @Nullable RevocationReason subpacket(PGPSignature revocation) {
    PGPSignatureSubpacketVector hashed = revocation.getHashedSubPackets();
    return hashed == null
        ? null
        : (RevocationReason) hashed.getSubpacket(SignatureSubpacketTags.REVOCATION_REASON);
  }
}

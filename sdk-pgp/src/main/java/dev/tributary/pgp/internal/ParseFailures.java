package dev.tributary.pgp.internal;

import dev.tributary.pgp.PgpDataException;
import dev.tributary.pgp.PgpDataException.Reason;
import dev.tributary.pgp.PgpKeyException;
import java.io.EOFException;
import java.util.Map;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPPadding;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignatureList;

/**
 * BouncyCastle's parsing failures, and what it parsed, in our words. Its messages may name its
 * classes, print object hashes or be just "null", so they are kept only in the cause, for whoever
 * debugs; its class names never reach a message.
 */
final class ParseFailures {
  private static final Map<Class<?>, String> NAMES =
      Map.of(
          PGPPublicKeyRing.class, "a public key",
          PGPSecretKeyRing.class, "a private key",
          PGPSignatureList.class, "a signature",
          PGPOnePassSignatureList.class, "a one-pass signature",
          PGPLiteralData.class, "literal data",
          PGPCompressedData.class, "compressed data",
          PGPEncryptedDataList.class, "encrypted data",
          PGPPadding.class, "a padding packet",
          PGPMarker.class, "a marker packet");

  private ParseFailures() {}

  /**
   * A {@link Reason#MALFORMED} failure for data BouncyCastle could not parse, or whose armor was
   * damaged ({@link ArmorDecoder.Damage}, told in its own words).
   *
   * @param subject what was being read, as it starts a sentence: "the signature"
   */
  static PgpDataException malformed(String subject, Throwable cause) {
    ArmorDecoder.Damage damage = ArmorDecoder.Damage.find(cause);
    if (damage != null) {
      return new PgpDataException(Reason.MALFORMED, damage.getMessage(), cause);
    }
    return new PgpDataException(
        Reason.MALFORMED,
        endsEarly(cause)
            ? subject + " ends inside a packet: it is truncated"
            : subject + " is damaged: its packets cannot be read",
        cause);
  }

  /** A failure for key data BouncyCastle could not parse, armored or binary. */
  static PgpKeyException damagedKey(Throwable cause) {
    return new PgpKeyException(
        endsEarly(cause)
            ? "the key data ends inside a packet: it is truncated; export the key again"
            : "the key data cannot be read: it is damaged, not an OpenPGP key, or in a format this"
                + " library does not support",
        cause);
  }

  /** What BouncyCastle's object factory returned, as a message names it: "a signature". */
  static String describe(Object parsed) {
    return NAMES.entrySet().stream()
        .filter(n -> n.getKey().isInstance(parsed))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse("a packet of another kind");
  }

  /** Whether {@code t} or one of its causes says the data ended early. */
  static boolean endsEarly(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof EOFException) {
        return true;
      }
    }
    return false;
  }
}

package dev.tributary.pgp.internal;

import dev.tributary.pgp.PgpDataException;
import dev.tributary.pgp.PgpDataException.Reason;
import java.io.EOFException;

/**
 * BouncyCastle's parsing failures in our words. Its messages may name its classes, print object
 * hashes or be just "null", so they are kept only in the cause, for whoever debugs.
 */
final class ParseFailures {
  private ParseFailures() {}

  /**
   * A {@link Reason#MALFORMED} failure for data BouncyCastle could not parse.
   *
   * @param subject what was being read, as it starts a sentence: "the signature"
   */
  static PgpDataException malformed(String subject, Throwable cause) {
    return new PgpDataException(
        Reason.MALFORMED,
        endsEarly(cause)
            ? subject + " ends inside a packet: it is truncated"
            : subject + " is damaged: its packets cannot be read",
        cause);
  }

  /** Whether {@code t} or one of its causes says the data ended early. */
  private static boolean endsEarly(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof EOFException) {
        return true;
      }
    }
    return false;
  }
}

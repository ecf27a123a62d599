package dev.tributary.pgp;

import org.jspecify.annotations.Nullable;

/**
 * The message failed its integrity check: it was modified, or it is truncated. Every such failure
 * gives this one exception with one message, whatever the detail (a wrong MDC, a bad AEAD tag, a
 * missing end), so that the error is no oracle for an attacker. Any plaintext already streamed out
 * must be discarded; the file-level API has already deleted it.
 */
public class PgpIntegrityException extends PgpDataException {
  private static final long serialVersionUID = 1L;

  /** The one message every integrity failure carries. */
  public static final String MESSAGE =
      "the message failed its integrity check: it was modified or truncated in transit;"
          + " discard any output and ask the sender for the file again";

  public PgpIntegrityException(@Nullable Throwable cause) {
    super(Reason.INTEGRITY_CHECK_FAILED, MESSAGE, cause);
  }
}

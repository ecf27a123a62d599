package dev.tributary.pgp;

import dev.tributary.core.ValidationException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An OpenPGP message (or signature) is unusable: not OpenPGP at all, malformed, without integrity
 * protection, using an algorithm the policy refuses, or too large once decompressed. The input is
 * bad, not the configuration: the job reports the file and goes on. {@link #reason()} tells which.
 */
public class PgpDataException extends ValidationException {
  private static final long serialVersionUID = 1L;

  /** Why the data was refused. */
  public enum Reason {
    /** The input is not OpenPGP data (or not the kind expected, such as a key instead of data). */
    NOT_OPENPGP,
    /** The packets are damaged or out of order. */
    MALFORMED,
    /** The message has no integrity protection (no MDC, no AEAD) or uses the null cipher. */
    NO_INTEGRITY_PROTECTION,
    /** The integrity check failed: the message was modified or truncated. */
    INTEGRITY_CHECK_FAILED,
    /** An algorithm the policy does not accept. */
    WEAK_ALGORITHM,
    /**
     * A packet version or algorithm this library does not implement, or a message asking for more
     * work than any real one: more than 16 signatures to check, more than 256 session key packets,
     * more than 16 password packets to try or 128 private-key decryptions to find its session key,
     * an Argon2 password hashing of more than 2 GiB, or more work than 2 GiB in two passes.
     */
    UNSUPPORTED,
    /** Decompressed data exceeded the policy's limit (a compression bomb?). */
    TOO_LARGE,
    /** The signature policy requires a valid signature, and there is none. */
    BAD_SIGNATURE
  }

  private final Reason reason;

  public PgpDataException(Reason reason, String message) {
    this(reason, message, null);
  }

  public PgpDataException(Reason reason, String message, @Nullable Throwable cause) {
    super(message, null, -1, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}

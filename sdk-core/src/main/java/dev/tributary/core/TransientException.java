package dev.tributary.core;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A temporary failure ({@link ErrorClass#TRANSIENT}): a timeout, a dropped connection, a rate limit
 * or a server error. The runtime retries it with backoff, waiting at least {@link #retryAfter()}
 * when the remote side gave one.
 */
public class TransientException extends TributaryException {
  private static final long serialVersionUID = 1L;

  private final @Nullable Duration retryAfter;

  public TransientException(String message) {
    this(message, null, null);
  }

  public TransientException(String message, @Nullable Throwable cause) {
    this(message, null, cause);
  }

  /**
   * @param retryAfter how long the remote side asked us to wait, or {@code null} if it did not say
   * @throws IllegalArgumentException if {@code retryAfter} is negative
   */
  public TransientException(
      String message, @Nullable Duration retryAfter, @Nullable Throwable cause) {
    super(ErrorClass.TRANSIENT, message, cause);
    if (retryAfter != null && retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
    }
    this.retryAfter = retryAfter;
  }

  @Override
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}

package dev.tributary.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The root of the SDK's one unchecked exception tree. Its {@link #errorClass()} decides what
 * happens next; the subclasses {@link ConfigException}, {@link TransientException}, {@link
 * ValidationException} and {@link SystemException} fix it and carry data of their own. Checked
 * causes from third-party libraries are wrapped and kept as the {@linkplain #getCause() cause}.
 *
 * <p>Messages never contain secrets: credentials, keys, passphrases or header values.
 */
public abstract class TributaryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorClass errorClass;

  protected TributaryException(ErrorClass errorClass, String message, @Nullable Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.errorClass = Objects.requireNonNull(errorClass, "errorClass");
  }

  /** What kind of failure this is, and therefore whether to stop, retry or skip the item. */
  public final ErrorClass errorClass() {
    return errorClass;
  }

  /** How long the remote side asked us to wait before trying again, if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.empty();
  }
}

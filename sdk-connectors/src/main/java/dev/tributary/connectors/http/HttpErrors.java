package dev.tributary.connectors.http;

import dev.tributary.core.ConfigException;
import dev.tributary.core.SystemException;
import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import dev.tributary.core.ValidationException;
import dev.tributary.core.retry.HttpStatusPolicy;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns error responses into the classified exceptions of {@link HttpError}: the class, the message
 * and the {@code Retry-After} come from the {@link HttpStatusPolicy}; this adds the status, the
 * request and a redacted excerpt of the body.
 */
final class HttpErrors {
  private HttpErrors() {}

  static TributaryException toException(
      HttpStatusPolicy policy,
      int status,
      @Nullable String retryAfter,
      String request,
      String excerpt,
      Clock clock) {
    TributaryException base = policy.toException(status, retryAfter, request, clock);
    String message = base.getMessage() + (excerpt.isEmpty() ? "" : "; response: " + excerpt);
    Details d = new Details(status, request, excerpt);
    return switch (base.errorClass()) {
      case CONFIG -> new ConfigError(((ConfigException) base).setting().orElse(null), message, d);
      case TRANSIENT -> new TransientError(message, base.retryAfter().orElse(null), d);
      case VALIDATION -> new ValidationError(message, d);
      case SYSTEM -> new SystemError(message, d);
    };
  }

  /** Serializable, as the exceptions that carry it are. */
  record Details(int status, String request, String excerpt) implements Serializable {
    Optional<String> responseExcerpt() {
      return excerpt.isEmpty() ? Optional.empty() : Optional.of(excerpt);
    }
  }

  /** An {@link HttpError} answered from its {@link Details}: one body for the four classes. */
  interface Detailed extends HttpError {
    Details details();

    @Override
    default int status() {
      return details().status();
    }

    @Override
    default String request() {
      return details().request();
    }

    @Override
    default Optional<String> responseExcerpt() {
      return details().responseExcerpt();
    }
  }

  static final class ConfigError extends ConfigException implements Detailed {
    private static final long serialVersionUID = 1L;
    private final Details details;

    ConfigError(@Nullable String setting, String message, Details details) {
      super(setting, message, null);
      this.details = details;
    }

    @Override
    public Details details() {
      return details;
    }
  }

  static final class TransientError extends TransientException implements Detailed {
    private static final long serialVersionUID = 1L;
    private final Details details;

    TransientError(String message, @Nullable Duration retryAfter, Details details) {
      super(message, retryAfter, null);
      this.details = details;
    }

    @Override
    public Details details() {
      return details;
    }
  }

  static final class ValidationError extends ValidationException implements Detailed {
    private static final long serialVersionUID = 1L;
    private final Details details;

    ValidationError(String message, Details details) {
      super(message);
      this.details = details;
    }

    @Override
    public Details details() {
      return details;
    }
  }

  static final class SystemError extends SystemException implements Detailed {
    private static final long serialVersionUID = 1L;
    private final Details details;

    SystemError(String message, Details details) {
      super(message);
      this.details = details;
    }

    @Override
    public Details details() {
      return details;
    }
  }
}

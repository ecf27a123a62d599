package dev.tributary.connectors.facebook;

import dev.tributary.connectors.facebook.GraphErrors.GraphDetails;
import dev.tributary.core.ConfigException;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.SystemException;
import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import dev.tributary.core.ValidationException;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The exceptions behind {@link GraphError}: one per error class, all carrying the details. */
final class GraphExceptions {
  private GraphExceptions() {}

  /** The details of a Graph error, for the connector's own decisions. */
  interface Detailed extends GraphError {
    GraphDetails details();

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

    @Override
    default int code() {
      return details().code();
    }

    @Override
    default int subcode() {
      return details().subcode();
    }

    @Override
    default Optional<String> traceId() {
      return details().traceId();
    }
  }

  static TributaryException config(@Nullable String setting, String message, GraphDetails d) {
    return new Config(setting, message, d);
  }

  static TributaryException transientError(
      String message, @Nullable Duration wait, GraphDetails d) {
    return new Transient(message, wait, d);
  }

  static TributaryException of(
      ErrorClass errorClass, String message, Optional<Duration> wait, GraphDetails d) {
    return switch (errorClass) {
      case CONFIG -> new Config("authorization", message, d);
      case TRANSIENT -> new Transient(message, wait.orElse(null), d);
      case VALIDATION -> new Validation(message, d);
      case SYSTEM -> new SystemError(message, d);
    };
  }

  static final class Config extends ConfigException implements Detailed {
    private static final long serialVersionUID = 1L;
    private final GraphDetails details;

    Config(@Nullable String setting, String message, GraphDetails details) {
      super(setting, message, null);
      this.details = details;
    }

    @Override
    public GraphDetails details() {
      return details;
    }
  }

  static final class Transient extends TransientException implements Detailed {
    private static final long serialVersionUID = 1L;
    private final GraphDetails details;

    Transient(String message, @Nullable Duration wait, GraphDetails details) {
      super(message, wait, null);
      this.details = details;
    }

    @Override
    public GraphDetails details() {
      return details;
    }
  }

  static final class Validation extends ValidationException implements Detailed {
    private static final long serialVersionUID = 1L;
    private final GraphDetails details;

    Validation(String message, GraphDetails details) {
      super(message);
      this.details = details;
    }

    @Override
    public GraphDetails details() {
      return details;
    }
  }

  static final class SystemError extends SystemException implements Detailed {
    private static final long serialVersionUID = 1L;
    private final GraphDetails details;

    SystemError(String message, GraphDetails details) {
      super(message);
      this.details = details;
    }

    @Override
    public GraphDetails details() {
      return details;
    }
  }
}

package dev.tributary.core.connector;

import dev.tributary.core.auth.Authorization;
import java.time.Clock;
import java.util.Objects;

/**
 * What a connector gets for one call: its checked configuration, its authorization, a clock (use it
 * rather than {@code Instant.now()}, so that tests control time) and the {@link RunReporter} of the
 * run it is part of.
 *
 * @param config the connector's configuration, already checked against its descriptor
 * @param authorization the credential to use
 * @param clock the time source
 * @param reporter where to report bytes moved and ask whether to stop
 */
public record ConnectorContext(
    ConnectorConfig config, Authorization authorization, Clock clock, RunReporter reporter) {
  public ConnectorContext {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(authorization, "authorization");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(reporter, "reporter");
  }

  /** A context outside any run: nothing is reported, nothing asks to stop. */
  public ConnectorContext(ConnectorConfig config, Authorization authorization, Clock clock) {
    this(config, authorization, clock, RunReporter.none());
  }

  /** A context with the system UTC clock, outside any run. */
  public static ConnectorContext of(ConnectorConfig config, Authorization authorization) {
    return new ConnectorContext(config, authorization, Clock.systemUTC());
  }
}

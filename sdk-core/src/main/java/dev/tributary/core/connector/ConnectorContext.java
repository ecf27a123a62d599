package dev.tributary.core.connector;

import dev.tributary.core.auth.Authorization;
import java.time.Clock;
import java.util.Objects;

/**
 * What a connector gets for one call: its checked configuration, its authorization and a clock (use
 * it rather than {@code Instant.now()}, so that tests control time).
 *
 * @param config the connector's configuration, already checked against its descriptor
 * @param authorization the credential to use
 * @param clock the time source
 */
public record ConnectorContext(ConnectorConfig config, Authorization authorization, Clock clock) {
  public ConnectorContext {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(authorization, "authorization");
    Objects.requireNonNull(clock, "clock");
  }

  /** A context with the system UTC clock. */
  public static ConnectorContext of(ConnectorConfig config, Authorization authorization) {
    return new ConnectorContext(config, authorization, Clock.systemUTC());
  }
}

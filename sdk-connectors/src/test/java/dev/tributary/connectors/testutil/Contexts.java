package dev.tributary.connectors.testutil;

import dev.tributary.core.auth.Authorization;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.Frequency;
import dev.tributary.core.connector.IntegrationPattern;
import dev.tributary.core.connector.IntegrationType;
import dev.tributary.core.connector.RunReporter;
import dev.tributary.core.connector.Technique;
import java.time.Clock;
import java.util.Map;

/** Connector contexts for tests of the HTTP layer, which needs a context but no connector. */
public final class Contexts {
  private static final ConnectorDescriptor NONE =
      ConnectorDescriptor.builder("http-test")
          .name("HTTP test")
          .type(IntegrationType.SERVER_TO_SERVER)
          .patterns(IntegrationPattern.EXPORT)
          .techniques(Technique.REST_API)
          .frequencies(Frequency.ONE_TIME)
          .build();

  private Contexts() {}

  public static ConnectorContext of(Authorization auth, Clock clock, RunReporter reporter) {
    return new ConnectorContext(ConnectorConfig.parse(NONE, Map.of()), auth, clock, reporter);
  }

  public static ConnectorContext of(Authorization auth, Clock clock) {
    return of(auth, clock, RunReporter.none());
  }
}

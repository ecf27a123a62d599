package dev.tributary.connectors.testutil;

import dev.tributary.core.auth.Authorization;
import dev.tributary.core.connector.Connector;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.testing.kit.ConnectorCompatibilityKit;
import dev.tributary.testing.time.ManualClock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The compatibility kit for a connector configured by a map of settings: its configuration is
 * {@link #settings}, which the test fills (with the address of its fake third party, if any); it
 * needs no credential unless {@link #authorization()} says otherwise; and its {@link #context()}
 * reads {@link #clock}.
 *
 * @param <C> the connector's type
 */
public abstract class SettingsKit<C extends Connector> extends ConnectorCompatibilityKit {
  /** When {@link #clock} stands unless the test says otherwise. */
  protected static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  protected final ManualClock clock;
  protected final C connector;

  /** The configuration, empty until the test fills it. */
  protected final Map<String, String> settings = new HashMap<>();

  protected SettingsKit(C connector) {
    this(connector, NOW);
  }

  /** A kit whose clock stands at {@code start}. */
  protected SettingsKit(C connector, Instant start) {
    this.connector = connector;
    this.clock = new ManualClock(start);
  }

  @Override
  protected C connector() {
    return connector;
  }

  @Override
  protected Map<String, String> configuration() {
    return settings;
  }

  @Override
  protected Authorization authorization() {
    return Authorization.none();
  }

  @Override
  protected ConnectorContext context() {
    return new ConnectorContext(
        ConnectorConfig.parse(connector.descriptor(), configuration()), authorization(), clock);
  }
}

package dev.tributary.connectors.newrelic;

import java.net.URI;
import java.util.Locale;

/** The New Relic data center an account reports to, and its Event API host. */
enum Region {
  US("https://insights-collector.newrelic.com"),
  EU("https://insights-collector.eu01.nr-data.net"),
  /** New Relic's FedRAMP-moderate endpoint. */
  FEDRAMP("https://gov-insights-collector.newrelic.com");

  private final URI base;

  Region(String base) {
    this.base = URI.create(base);
  }

  URI base() {
    return base;
  }

  static Region parse(String value) {
    return valueOf(value.strip().toUpperCase(Locale.ROOT));
  }
}

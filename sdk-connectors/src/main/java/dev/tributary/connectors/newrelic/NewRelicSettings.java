package dev.tributary.connectors.newrelic;

import static dev.tributary.connectors.newrelic.NewRelicEventConnector.*;

import dev.tributary.core.ConfigException;
import dev.tributary.core.auth.ApiKey;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.connector.ConnectorConfig;
import java.net.URI;
import java.util.Locale;

/** A New Relic export's settings, read and checked once per call. */
record NewRelicSettings(URI eventsUrl, NewRelicEvents.Types types) {
  private static final String EVENT_TYPE_SYNTAX = "[A-Za-z0-9_:]{1,255}";

  static NewRelicSettings of(ConnectorConfig c) {
    String account = c.string(ACCOUNT_ID).strip();
    if (!account.matches("[0-9]{1,20}")) {
      throw new ConfigException(
          ACCOUNT_ID, "\"account_id\" is the New Relic account's number, not " + account, null);
    }
    Region region;
    try {
      region = Region.parse(c.string(REGION));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          REGION, "\"region\" is US, EU or FEDRAMP, not " + c.string(REGION), null);
    }
    URI base = c.optionalUrl(API_URL).orElse(region.base());
    String scheme = base.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new ConfigException(API_URL, "\"api_url\" must be an http or https URL: " + base, null);
    }
    String root = base.toString().replaceAll("/+$", "");
    return new NewRelicSettings(
        URI.create(root + "/v1/accounts/" + account + "/events"),
        new NewRelicEvents.Types(
            eventType(c, METRIC_EVENT_TYPE), eventType(c, EVENT_EVENT_TYPE), c.string(SOURCE)));
  }

  private static String eventType(ConnectorConfig c, String setting) {
    String type = c.string(setting).strip();
    if (!type.matches(EVENT_TYPE_SYNTAX) || type.matches("Metric(Raw|[0-9].*)?")) {
      throw new ConfigException(
          setting,
          "\""
              + setting
              + "\" must be 1 to 255 letters, digits, _ and :, and not one New Relic forbids"
              + " (Metric, MetricRaw, Metric followed by a digit): "
              + type,
          null);
    }
    return type;
  }

  /**
   * Checks that {@code auth} is a key New Relic's Event API reads: a license key in {@code Api-Key}
   * or an insert key in {@code X-Insert-Key}.
   */
  static void checkKey(Authorization auth) {
    if (!(auth instanceof ApiKey k)
        || k.placement() != ApiKey.Placement.HEADER
        || !(k.name().equalsIgnoreCase("Api-Key") || k.name().equalsIgnoreCase("X-Insert-Key"))) {
      throw new ConfigException(
          "authorization",
          "New Relic's Event API takes a license key in the Api-Key header"
              + " (Authorization.apiKeyHeader(\"Api-Key\", key)) or an insert key in X-Insert-Key,"
              + " not a "
              + auth.kind()
              + (auth instanceof ApiKey k ? " in " + k.placement() + " " + k.name() : ""),
          null);
    }
  }
}

package dev.tributary.connectors.clearbit;

import static dev.tributary.connectors.clearbit.ClearbitEnrichmentConnector.*;

import dev.tributary.connectors.enrichment.HttpEnrichmentConnector;
import dev.tributary.connectors.http.HttpSettings;
import dev.tributary.connectors.internal.FieldPointers;
import dev.tributary.core.ConfigException;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorDescriptor;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A Clearbit enrichment's settings, read and checked once per call, and the configuration of the
 * generic per-user HTTP enrichment they amount to.
 */
record ClearbitSettings(Lookup lookup, ConnectorConfig generic) {

  static ClearbitSettings of(ConnectorConfig c, ConnectorDescriptor genericDescriptor) {
    Lookup lookup;
    try {
      lookup = Lookup.parse(c.string(LOOKUP));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          LOOKUP, "\"lookup\" is combined, person or company, not " + c.string(LOOKUP), null);
    }
    URI base = c.optionalUrl(API_URL).orElse(lookup.defaultBase());
    String scheme = base.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new ConfigException(API_URL, "\"api_url\" must be an http or https URL: " + base, null);
    }
    FieldPointers fields = FieldPointers.parse(c.list(FIELDS), FIELDS);
    if (fields.isEmpty()) {
      fields = FieldPointers.of(lookup.defaultFields());
    }
    URI url = lookup.url(base);
    Map<String, String> values = new LinkedHashMap<>();
    values.put(HttpSettings.ENDPOINT, url.toString());
    values.put(HttpEnrichmentConnector.IDENTIFIERS, lookup.identifier());
    values.put(HttpEnrichmentConnector.FIELDS, fields.toSetting());
    values.put(HttpEnrichmentConnector.QUEUED_RETRY_AFTER, c.string(QUEUED_RETRY_AFTER));
    c.optionalString(HttpSettings.HEADERS).ifPresent(h -> values.put(HttpSettings.HEADERS, h));
    HttpSettings.headers(c); // refuses an Authorization line by this connector's setting name
    return new ClearbitSettings(lookup, ConnectorConfig.parse(genericDescriptor, values));
  }
}

package dev.tributary.connectors.fullcontact;

import static dev.tributary.connectors.fullcontact.FullContactEnrichmentConnector.*;

import dev.tributary.connectors.http.HttpSettings;
import dev.tributary.connectors.internal.FieldPointers;
import dev.tributary.core.ConfigException;
import dev.tributary.core.connector.ConnectorConfig;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A FullContact enrichment's settings, read and checked once per call. */
record FullContactSettings(
    URI endpoint,
    List<String> identifiers,
    FieldPointers fields,
    List<String> dataFilter,
    @Nullable String confidence,
    Duration queuedRetryAfter) {

  /** Identity kinds the connector sends, and the request field (a list) each goes in. */
  static final Map<String, String> REQUEST_FIELDS = Map.of("email", "emails", "phone", "phones");

  private static final Set<String> CONFIDENCE = Set.of("LOW", "MED", "HIGH", "MAX");

  static FullContactSettings of(ConnectorConfig c) {
    List<String> identifiers = c.list(IDENTIFIERS);
    if (identifiers.isEmpty() || !REQUEST_FIELDS.keySet().containsAll(identifiers)) {
      throw new ConfigException(
          IDENTIFIERS,
          "\"identifiers\" names the identity kinds sent to FullContact: email, phone or both, not "
              + identifiers,
          null);
    }
    FieldPointers fields = FieldPointers.parse(c.list(FIELDS), FIELDS);
    String confidence = c.optionalString(CONFIDENCE_LEVEL).map(String::strip).orElse(null);
    if (confidence != null) {
      confidence = confidence.toUpperCase(Locale.ROOT);
      if (!CONFIDENCE.contains(confidence)) {
        throw new ConfigException(
            CONFIDENCE_LEVEL, "\"confidence\" is LOW, MED, HIGH or MAX, not " + confidence, null);
      }
    }
    return new FullContactSettings(
        HttpSettings.endpoint(c),
        identifiers,
        fields.isEmpty() ? FieldPointers.of(DEFAULT_FIELDS) : fields,
        c.list(DATA_FILTER),
        confidence,
        c.duration(QUEUED_RETRY_AFTER));
  }

  /**
   * The request body for a user (a multi-field request), or {@code null} when the user has none of
   * the identifiers.
   */
  @Nullable Map<String, Object> body(Map<String, String> identities) {
    Map<String, Object> body = new LinkedHashMap<>();
    for (String kind : identifiers) {
      String value = identities.get(kind);
      if (value != null && !value.isBlank()) {
        body.put(REQUEST_FIELDS.get(kind), List.of(value.strip()));
      }
    }
    if (body.isEmpty()) {
      return null;
    }
    if (!dataFilter.isEmpty()) {
      body.put("dataFilter", new ArrayList<>(dataFilter));
    }
    if (confidence != null) {
      body.put("confidence", confidence);
    }
    return body;
  }
}

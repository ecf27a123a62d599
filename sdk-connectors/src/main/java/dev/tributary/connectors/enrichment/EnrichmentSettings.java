package dev.tributary.connectors.enrichment;

import static dev.tributary.connectors.enrichment.HttpEnrichmentConnector.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.connectors.http.HttpSettings;
import dev.tributary.connectors.internal.json.JsonCodec;
import dev.tributary.connectors.internal.json.JsonPath;
import dev.tributary.core.ConfigException;
import dev.tributary.core.connector.ConnectorConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An enrichment's settings, read and checked once per call. */
record EnrichmentSettings(
    URI endpoint,
    List<String> identifiers,
    Map<String, String> params,
    Map<String, String> fields,
    String resultPointer,
    Duration queuedRetryAfter) {

  static EnrichmentSettings of(ConnectorConfig c, String defaultResultPointer) {
    List<String> identifiers = c.list(IDENTIFIERS);
    if (identifiers.isEmpty()) {
      throw new ConfigException(
          IDENTIFIERS, "\"identifiers\" must name at least one identity kind, such as email", null);
    }
    Map<String, String> params = pairs(c, IDENTIFIER_PARAMS);
    for (String kind : params.keySet()) {
      if (!identifiers.contains(kind)) {
        throw new ConfigException(
            IDENTIFIER_PARAMS,
            "\"identifier_params\" renames " + kind + ", which is not among the identifiers",
            null);
      }
    }
    Map<String, String> fields = pairs(c, FIELDS);
    fields.replaceAll((target, source) -> source.startsWith("/") ? source : "/" + source);
    String pointer = c.optionalString(RESULT_POINTER).orElse(defaultResultPointer);
    if (!JsonPath.isPointer(pointer)) {
      throw new ConfigException(
          RESULT_POINTER, "\"result_pointer\" must be a JSON pointer such as /person", null);
    }
    return new EnrichmentSettings(
        HttpSettings.endpoint(c),
        identifiers,
        params,
        fields,
        pointer,
        c.duration(QUEUED_RETRY_AFTER));
  }

  /** {@code a=b} entries of a list setting; a bare {@code a} stands for {@code a=a}. */
  private static Map<String, String> pairs(ConnectorConfig c, String name) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String entry : c.list(name)) {
      int eq = entry.indexOf('=');
      String key = (eq < 0 ? entry : entry.substring(0, eq)).strip();
      String value = (eq < 0 ? entry : entry.substring(eq + 1)).strip();
      if (key.isEmpty() || value.isEmpty()) {
        throw new ConfigException(name, "\"" + name + "\" entries are name=value: " + entry, null);
      }
      pairs.put(key, value);
    }
    return pairs;
  }

  /** The identifiers of one user this provider looks up by, under their query/body names. */
  Map<String, String> lookup(Map<String, String> identities) {
    Map<String, String> lookup = new LinkedHashMap<>();
    for (String kind : identifiers) {
      String value = identities.get(kind);
      if (value != null && !value.isBlank()) {
        lookup.put(params.getOrDefault(kind, kind), value);
      }
    }
    return lookup;
  }

  /** The fields of a found person, as {@link #fields} maps them (or all top-level ones). */
  Map<String, Object> map(JsonNode person) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (fields.isEmpty()) {
      Iterator<Map.Entry<String, JsonNode>> it = person.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        put(out, e.getKey(), e.getValue());
      }
    } else {
      fields.forEach((target, pointer) -> put(out, target, person.at(pointer)));
    }
    return out;
  }

  private static void put(Map<String, Object> out, String name, JsonNode node) {
    @Nullable Object value = JsonCodec.fromTree(node);
    if (value != null) {
      out.put(name, value);
    }
  }
}

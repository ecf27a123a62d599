package dev.tributary.connectors.tagmanager;

import static dev.tributary.connectors.tagmanager.TagManagerPullConnector.*;

import dev.tributary.core.ConfigException;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The tag-manager connector's settings: the flavor's defaults with the user's overrides, as the
 * configuration of the generic data-layer connector ({@link #generic}), plus what the vendor layer
 * does on top (renames, the events to collect, identities carried between pushes).
 *
 * @param identityPaths identity kind to path, for identities carried from earlier pushes
 * @param mappedFields the names of the typed fields, which come first in an event
 */
record TagManagerSettings(
    Flavor flavor,
    ConnectorConfig generic,
    boolean renameEvents,
    boolean carryIdentities,
    Set<String> collect,
    Map<String, String> identityPaths,
    List<String> mappedFields,
    @Nullable String defaultEventName) {

  static TagManagerSettings of(ConnectorConfig c, ConnectorDescriptor genericDescriptor) {
    Flavor flavor = flavor(c.string(FLAVOR));
    List<String> identities =
        c.keys().contains(IDENTITIES) ? c.list(IDENTITIES) : flavor.identities;
    List<String> fields = fields(flavor.fields, c.list(FIELDS));
    List<String> ignore =
        c.keys().contains(IGNORE_EVENTS) ? c.list(IGNORE_EVENTS) : flavor.ignoreEvents;
    String defaultName =
        c.optionalString(DEFAULT_EVENT_NAME)
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .orElse(flavor.defaultEventName);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("event_path", flavor.eventPath);
    if (defaultName != null) {
      values.put("default_event_name", defaultName);
    }
    values.put("ignore_events", String.join(",", ignore));
    values.put("identities", String.join(",", identities));
    values.put("fields", String.join(",", fields));
    c.optionalString(TIMESTAMP_PATH).ifPresent(t -> values.put("timestamp_path", t));
    values.put("max_body_bytes", Long.toString(c.integer(MAX_BODY_BYTES)));
    return new TagManagerSettings(
        flavor,
        ConnectorConfig.parse(genericDescriptor, values),
        c.bool(RENAME_EVENTS),
        c.bool(CARRY_IDENTITIES),
        collect(c.list(COLLECT_EVENTS)),
        pairs(identities),
        List.copyOf(pairs(fields).keySet()),
        defaultName);
  }

  private static Flavor flavor(String raw) {
    try {
      return Flavor.valueOf(raw.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          FLAVOR, "\"flavor\" must be gtm or tealium, not \"" + raw + "\"", e);
    }
  }

  /** The flavor's fields, each replaced by the user's field of the same name, then the rest. */
  private static List<String> fields(List<String> defaults, List<String> extra) {
    Map<String, String> byName = new LinkedHashMap<>();
    defaults.forEach(f -> byName.put(name(f), f));
    extra.forEach(f -> byName.put(name(f), f));
    return new ArrayList<>(byName.values());
  }

  private static String name(String entry) {
    int eq = entry.indexOf('=');
    return (eq < 0 ? entry : entry.substring(0, eq)).strip();
  }

  private static Map<String, String> pairs(List<String> entries) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String entry : entries) {
      int eq = entry.indexOf('=');
      if (eq > 0) {
        String path = entry.substring(eq + 1).strip();
        int colon = path.lastIndexOf(':');
        out.put(entry.substring(0, eq).strip(), colon < 0 ? path : path.substring(0, colon));
      }
    }
    return out;
  }

  private static Set<String> collect(List<String> names) {
    Set<String> out = new LinkedHashSet<>();
    for (String name : names) {
      if (name.equals(GA4_ECOMMERCE)) {
        out.addAll(GA4_ECOMMERCE_EVENTS);
      } else {
        out.add(name);
      }
    }
    return out;
  }
}

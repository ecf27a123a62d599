package dev.tributary.connectors.pull;

import dev.tributary.core.ConfigException;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.mapping.FieldMapping;
import dev.tributary.core.mapping.FieldRule;
import dev.tributary.core.mapping.FieldType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The pull connector's settings as an sdk-core {@link FieldMapping} whose sources are dotted paths
 * ({@code identities = email=user.email}, {@code fields = revenue=ecommerce.value:number}), and the
 * paths it reads. Immutable.
 */
record PathMapping(FieldMapping mapping, Set<String> paths) {

  /**
   * Reads the {@code identities}, {@code fields} and {@code timestamp_path} settings.
   *
   * @throws ConfigException naming the setting and the entry that is not {@code name=path[:type]}
   */
  static PathMapping of(ConnectorConfig config) {
    FieldMapping.Builder b = FieldMapping.builder();
    Set<String> paths = new LinkedHashSet<>();
    for (String entry : config.list("identities")) {
      String[] kv = split(entry, "identities");
      if (kv[1].contains(":")) {
        throw new ConfigException(
            "identities", "identities are text: drop the type from \"" + entry + "\"", null);
      }
      b.identity(kv[0], kv[1]);
      paths.add(kv[1]);
    }
    for (String entry : config.list("fields")) {
      String[] kv = split(entry, "fields");
      int colon = kv[1].lastIndexOf(':');
      String path = colon < 0 ? kv[1] : kv[1].substring(0, colon).trim();
      FieldType type = colon < 0 ? FieldType.STRING : type(kv[1].substring(colon + 1), entry);
      try {
        b.field(FieldRule.of(kv[0]).from(path).as(type));
      } catch (IllegalArgumentException e) {
        throw new ConfigException("fields", "fields: " + e.getMessage(), e);
      }
      paths.add(path);
    }
    @Nullable String timestamp = config.optionalString("timestamp_path").orElse(null);
    if (timestamp != null && !timestamp.isBlank()) {
      b.timestamp(timestamp.trim());
      paths.add(timestamp.trim());
    }
    try {
      return new PathMapping(b.build(), Collections.unmodifiableSet(paths));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("fields", e.getMessage(), e);
    }
  }

  private static String[] split(String entry, String setting) {
    int eq = entry.indexOf('=');
    if (eq < 1 || eq == entry.length() - 1) {
      throw new ConfigException(
          setting, setting + " entries are name=path, not \"" + entry + "\"", null);
    }
    return new String[] {entry.substring(0, eq).trim(), entry.substring(eq + 1).trim()};
  }

  private static FieldType type(String name, String entry) {
    try {
      return FieldType.valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> known = new ArrayList<>();
      for (FieldType t : FieldType.values()) {
        known.add(t.name().toLowerCase(Locale.ROOT));
      }
      throw new ConfigException(
          "fields",
          "unknown type \"" + name.trim() + "\" in \"" + entry + "\"; use one of " + known,
          e);
    }
  }
}

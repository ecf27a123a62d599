package dev.tributary.core.connector;

import dev.tributary.core.ConfigException;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.schedule.FixedRateSchedule;
import dev.tributary.core.schedule.Schedule;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A connector's configuration values, checked against its {@link ConnectorDescriptor}: every
 * required field present, no unknown keys, every value of its field's type. Values arrive as text
 * (from a form or a configuration file) and are read back through typed getters, with the field's
 * default when absent.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows secret fields as {@value
 * Secret#REDACTED}.
 */
public final class ConnectorConfig {
  private static final Set<String> URL_SCHEMES = Set.of("http", "https", "sftp", "file");

  private final Map<String, ConfigField> fields;
  private final Map<String, String> values;

  private ConnectorConfig(Map<String, ConfigField> fields, Map<String, String> values) {
    this.fields = fields;
    this.values = values;
  }

  /**
   * Checks {@code values} against {@code descriptor}'s configuration fields.
   *
   * @throws ConfigException listing every problem at once: missing required fields, unknown keys
   *     and values of the wrong type (secret values are never quoted)
   */
  public static ConnectorConfig parse(ConnectorDescriptor descriptor, Map<String, String> values) {
    Map<String, ConfigField> fields = new LinkedHashMap<>();
    descriptor.configuration().forEach(f -> fields.put(f.name(), f));
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> e : values.entrySet()) {
      ConfigField field = fields.get(e.getKey());
      if (field == null) {
        problems.add("unknown setting \"" + e.getKey() + "\"" + suggestion(e.getKey(), fields));
      } else {
        String problem = typeProblem(field, Objects.requireNonNull(e.getValue(), e.getKey()));
        if (problem != null) {
          problems.add(problem);
        }
      }
    }
    for (ConfigField field : fields.values()) {
      if (field.required() && isBlank(values.get(field.name()))) {
        problems.add("\"" + field.name() + "\" is required: " + field.description());
      }
    }
    if (!problems.isEmpty()) {
      String setting = problems.size() == 1 ? firstQuoted(problems.get(0)) : null;
      throw new ConfigException(
          setting,
          "the configuration of connector "
              + descriptor.id()
              + " is not valid: "
              + String.join("; ", problems),
          null);
    }
    return new ConnectorConfig(
        Collections.unmodifiableMap(fields),
        Collections.unmodifiableMap(new LinkedHashMap<>(values)));
  }

  private static boolean isBlank(@Nullable String value) {
    return value == null || value.isBlank();
  }

  private static String firstQuoted(String problem) {
    int open = problem.indexOf('"');
    return problem.substring(open + 1, problem.indexOf('"', open + 1));
  }

  private static String suggestion(String key, Map<String, ConfigField> fields) {
    String normalized = key.toLowerCase(Locale.ROOT).replace('-', '_');
    return fields.containsKey(normalized)
        ? "; did you mean \"" + normalized + "\"?"
        : "; known settings: " + String.join(", ", fields.keySet());
  }

  private static @Nullable String typeProblem(ConfigField field, String value) {
    String shown = field.secret() ? "the value" : "\"" + value + "\"";
    try {
      convert(field, value);
      return null;
    } catch (RuntimeException e) {
      return "\"" + field.name() + "\" must be " + expectation(field.type()) + ", not " + shown;
    }
  }

  private static String expectation(ConfigFieldType type) {
    return switch (type) {
      case INTEGER -> "a whole number";
      case NUMBER -> "a number";
      case BOOLEAN -> "true or false";
      case URL -> "an absolute http, https, sftp or file URL";
      case DURATION -> "a duration such as 30s, 5m, 1h or PT5M";
      case SCHEDULE -> "a schedule such as \"daily 02:30 Europe/Berlin\"";
      case STRING, LIST, TEMPLATE -> "text";
    };
  }

  private static Object convert(ConfigField field, String value) {
    String v = value.trim();
    return switch (field.type()) {
      case INTEGER -> Long.parseLong(v);
      case NUMBER -> Double.parseDouble(v);
      case BOOLEAN -> parseBoolean(v);
      case URL -> parseUrl(v);
      case DURATION -> ((FixedRateSchedule) Schedule.parse("every " + v)).period();
      case SCHEDULE -> Schedule.parse(v);
      case LIST ->
          Arrays.stream(v.split(","))
              .map(String::trim)
              .filter(s -> !s.isEmpty())
              .collect(Collectors.toUnmodifiableList());
      case STRING, TEMPLATE -> value;
    };
  }

  private static boolean parseBoolean(String v) {
    if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
      throw new IllegalArgumentException("not a boolean");
    }
    return Boolean.parseBoolean(v);
  }

  private static URI parseUrl(String v) {
    try {
      URI uri = new URI(v);
      if (!uri.isAbsolute() || !URL_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(v);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private <T> Optional<T> get(String name, ConfigFieldType type, Class<T> as) {
    ConfigField field = fields.get(name);
    if (field == null) {
      throw new IllegalArgumentException("no configuration field named " + name);
    }
    if (field.type() != type && !(type == ConfigFieldType.STRING)) {
      throw new IllegalArgumentException(name + " is a " + field.type() + " field, not " + type);
    }
    String raw = values.get(name);
    if (isBlank(raw)) {
      raw = field.defaultValue();
    }
    if (raw == null) {
      return Optional.empty();
    }
    return Optional.of(as.cast(type == ConfigFieldType.STRING ? raw : convert(field, raw)));
  }

  private <T> T require(Optional<T> value, String name) {
    return value.orElseThrow(
        () -> new ConfigException(name, "\"" + name + "\" is not set and has no default", null));
  }

  /** The text of field {@code name} (any type), or its default; empty if neither is set. */
  public Optional<String> optionalString(String name) {
    return get(name, ConfigFieldType.STRING, String.class);
  }

  /** The text of field {@code name}, or its default. */
  public String string(String name) {
    return require(optionalString(name), name);
  }

  /** The value of a (secret) field wrapped in a {@link Secret}, so that it cannot leak. */
  public Optional<Secret> secret(String name) {
    return optionalString(name).map(Secret::of);
  }

  public long integer(String name) {
    return require(get(name, ConfigFieldType.INTEGER, Long.class), name);
  }

  public Optional<Long> optionalInteger(String name) {
    return get(name, ConfigFieldType.INTEGER, Long.class);
  }

  public double number(String name) {
    return require(get(name, ConfigFieldType.NUMBER, Double.class), name);
  }

  public boolean bool(String name) {
    return require(get(name, ConfigFieldType.BOOLEAN, Boolean.class), name);
  }

  public URI url(String name) {
    return require(get(name, ConfigFieldType.URL, URI.class), name);
  }

  public Optional<URI> optionalUrl(String name) {
    return get(name, ConfigFieldType.URL, URI.class);
  }

  public Duration duration(String name) {
    return require(get(name, ConfigFieldType.DURATION, Duration.class), name);
  }

  public Schedule schedule(String name) {
    return require(get(name, ConfigFieldType.SCHEDULE, Schedule.class), name);
  }

  public Optional<Schedule> optionalSchedule(String name) {
    return get(name, ConfigFieldType.SCHEDULE, Schedule.class);
  }

  @SuppressWarnings("unchecked")
  public List<String> list(String name) {
    return get(name, ConfigFieldType.LIST, List.class).orElse(List.of());
  }

  /** The keys that were set explicitly (not defaults). */
  public Set<String> keys() {
    return values.keySet();
  }

  @Override
  public String toString() {
    return values.entrySet().stream()
        .map(
            e ->
                e.getKey()
                    + "="
                    + (fields.get(e.getKey()).secret() ? Secret.REDACTED : e.getValue()))
        .collect(Collectors.joining(", ", "ConnectorConfig[", "]"));
  }
}

package dev.tributary.connectors.pull;

import dev.tributary.connectors.internal.json.JsonCodec;
import dev.tributary.connectors.internal.json.JsonPath;
import dev.tributary.core.ConfigException;
import dev.tributary.core.ValidationException;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConfigField;
import dev.tributary.core.connector.ConfigFieldType;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.Frequency;
import dev.tributary.core.connector.IntegrationPattern;
import dev.tributary.core.connector.IntegrationType;
import dev.tributary.core.connector.PullConnector;
import dev.tributary.core.connector.ResultingData;
import dev.tributary.core.connector.Technique;
import dev.tributary.core.mapping.MappedRecord;
import dev.tributary.core.model.Event;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Pull, server side: turns a data-layer object a page posted — a tag manager's push such as {@code
 * {"event":"purchase","ecommerce":{"value":49.9,"currency":"EUR"},"user":{"email":"…"}}} — into an
 * {@link Event}. The name comes from {@code event_path}; identities and typed fields from dotted
 * paths through sdk-core's {@link dev.tributary.core.mapping.FieldMapping} ({@code identities =
 * email=user.email}, {@code fields = revenue=ecommerce.value:number}); every top-level key no rule
 * read is kept as it came, as a raw field (a nested object is kept whole even when a rule read one
 * of its leaves: raw means as sent). Mapped fields come first and win over a raw key of the same
 * name.
 *
 * <p>Tag-manager system events ({@code gtm.js}, {@code gtm.dom}, …) are dropped by default ({@code
 * ignore_events}). Malformed input is a {@link ValidationException} naming the path: a path through
 * text, a value that is not of its field's type, a missing or non-text event name.
 *
 * <p>Stateless and thread-safe.
 */
public final class DataLayerPullConnector implements PullConnector {
  /** What this connector is; listed in {@code ConnectorCatalogue}. */
  public static final ConnectorDescriptor DESCRIPTOR =
      ConnectorDescriptor.builder("data-layer-pull")
          .name("Data layer pull")
          .description(
              "Collects the data-layer pushes a page posts (Google Tag Manager's dataLayer and"
                  + " the like) as events, with identities and typed fields read from paths and"
                  + " every other key kept raw.")
          .type(IntegrationType.CLIENT_SIDE)
          .patterns(IntegrationPattern.PULL)
          .techniques(Technique.WEBHOOK)
          .frequencies(Frequency.REAL_TIME)
          .resultingData(ResultingData.RAW_EVENTS)
          .config(opt("event_path", "Where the event's name is.", "event"))
          .config(
              opt(
                  "default_event_name",
                  "The name of pushes that carry none; unset, such pushes are refused.",
                  null))
          .config(
              ConfigField.optional(
                  "ignore_events",
                  ConfigFieldType.LIST,
                  "Event names to drop; a trailing * matches a prefix.",
                  "gtm.*"))
          .config(
              ConfigField.optional(
                  "identities",
                  ConfigFieldType.LIST,
                  "Identities as kind=path, such as email=user.email.",
                  ""))
          .config(
              ConfigField.optional(
                  "fields",
                  ConfigFieldType.LIST,
                  "Typed fields as name=path[:type], such as revenue=ecommerce.value:number.",
                  ""))
          .config(
              opt(
                  "timestamp_path",
                  "Where the event's time is (ISO-8601 or epoch milliseconds); unset, the time"
                      + " of receipt.",
                  null))
          .config(
              ConfigField.optional(
                  "max_body_bytes",
                  ConfigFieldType.INTEGER,
                  "The largest posted body pullJson takes.",
                  "65536"))
          .build();

  private DataLayerPullConnector() {}

  public static DataLayerPullConnector create() {
    return new DataLayerPullConnector();
  }

  private static ConfigField opt(String name, String text, @Nullable String value) {
    return ConfigField.optional(name, ConfigFieldType.STRING, text, value);
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public CheckResult check(ConnectorContext context) {
    CheckResult base = PullConnector.super.check(context);
    if (!base.isOk()) {
      return base;
    }
    try {
      PathMapping.of(context.config());
    } catch (ConfigException e) {
      return CheckResult.problem(e.setting().orElse("fields"), e.getMessage());
    }
    if (context.config().integer("max_body_bytes") < 1) {
      return CheckResult.problem("max_body_bytes", "max_body_bytes must be at least 1");
    }
    return CheckResult.ok();
  }

  /**
   * Maps one data-layer object.
   *
   * @return the event, or nothing when the event is ignored
   * @throws ValidationException naming the path that is wrong
   * @throws ConfigException when the mapping settings are not valid
   */
  @Override
  public List<Event> pull(ConnectorContext context, Map<String, @Nullable Object> dataLayer) {
    Objects.requireNonNull(dataLayer, "dataLayer");
    ConnectorConfig config = context.config();
    String namePath = config.string("event_path");
    String name = name(dataLayer, namePath, config);
    if (ignored(name, config.list("ignore_events"))) {
      return List.of();
    }
    PathMapping paths = PathMapping.of(config);
    Map<String, @Nullable Object> input = new LinkedHashMap<>(dataLayer);
    input.remove(namePath);
    for (String path : paths.paths()) {
      if (!input.containsKey(path)) {
        input.put(path, JsonPath.find(dataLayer, path));
      }
    }
    MappedRecord mapped = paths.mapping().apply(input);
    Map<String, @Nullable Object> fields = new LinkedHashMap<>(mapped.fields());
    mapped.unmapped().forEach(fields::putIfAbsent);
    return List.of(
        new Event(
            name,
            mapped.recordedAt().orElse(context.clock().instant()),
            mapped.identities(),
            fields));
  }

  /**
   * Decodes a posted body — one JSON object, or an array of them (a page batching its pushes) — and
   * maps each.
   *
   * @throws ValidationException for a body that is too large, not JSON or not objects (naming the
   *     position), or a push that {@link #pull} refuses (prefixed with its position)
   */
  public List<Event> pullJson(ConnectorContext context, byte[] body) {
    long max = context.config().integer("max_body_bytes");
    if (body.length > max) {
      throw new ValidationException(
          "the body has " + body.length + " bytes; at most " + max + " are taken (max_body_bytes)");
    }
    Object doc = JsonCodec.parse(body);
    if (doc instanceof Map<?, ?> map) {
      return pull(context, cast(map));
    }
    if (!(doc instanceof List<?> list)) {
      throw new ValidationException(
          "post one data-layer object or an array of them, not " + JsonPath.kind(doc));
    }
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> map)) {
        throw new ValidationException(
            "push " + i + " must be an object, not " + JsonPath.kind(list.get(i)));
      }
      try {
        events.addAll(pull(context, cast(map)));
      } catch (ValidationException e) {
        throw new ValidationException(
            "push " + i + ": " + e.getMessage(), e.field().orElse(null), -1, e);
      }
    }
    return events;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, @Nullable Object> cast(Map<?, ?> map) {
    return (Map<String, @Nullable Object>) map;
  }

  private static String name(
      Map<String, @Nullable Object> dataLayer, String path, ConnectorConfig config) {
    Object value = JsonPath.find(dataLayer, path);
    if (value == null) {
      return config
          .optionalString("default_event_name")
          .filter(s -> !s.isBlank())
          .orElseThrow(
              () ->
                  new ValidationException(
                      "path \""
                          + path
                          + "\": the push has no event name; set default_event_name to collect"
                          + " such pushes",
                      path,
                      -1,
                      null));
    }
    if (!(value instanceof String s) || s.isBlank()) {
      throw new ValidationException(
          "path \"" + path + "\": the event name must be text, not " + JsonPath.kind(value),
          path,
          -1,
          null);
    }
    return s;
  }

  private static boolean ignored(String name, List<String> patterns) {
    for (String p : patterns) {
      if (p.endsWith("*") ? name.startsWith(p.substring(0, p.length() - 1)) : name.equals(p)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "DataLayerPullConnector";
  }
}

package dev.tributary.connectors.webhook;

import dev.tributary.connectors.internal.json.JsonCodec;
import dev.tributary.connectors.internal.json.JsonPath;
import dev.tributary.core.ValidationException;
import dev.tributary.core.model.Event;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns a verified webhook body into events: a JSON object is one event, an array of objects is one
 * event each. Each event keeps the whole object as its raw fields, untouched; its name, time and
 * identities are read from configured paths. Immutable and thread-safe.
 */
final class InboundEvents {
  /** Epoch numbers below this are seconds (until the year 5138), above it milliseconds. */
  private static final long MILLIS_THRESHOLD = 100_000_000_000L;

  private final String namePath;
  private final String defaultName;
  private final String timestampPath;
  private final String identitiesPath;
  private final Map<String, String> identityPaths;
  private final int maxEvents;

  InboundEvents(
      String namePath,
      String defaultName,
      String timestampPath,
      String identitiesPath,
      Map<String, String> identityPaths,
      int maxEvents) {
    this.namePath = namePath;
    this.defaultName = defaultName;
    this.timestampPath = timestampPath;
    this.identitiesPath = identitiesPath;
    this.identityPaths = Collections.unmodifiableMap(new LinkedHashMap<>(identityPaths));
    this.maxEvents = maxEvents;
  }

  int maxEvents() {
    return maxEvents;
  }

  /** Thrown when an array holds more events than allowed. */
  static final class TooManyEvents extends ValidationException {
    private static final long serialVersionUID = 1L;

    TooManyEvents(String message) {
      super(message);
    }
  }

  /**
   * The events of {@code body}, all valid or none.
   *
   * @throws ValidationException what is wrong, naming the event's position and the path
   */
  List<Event> parse(byte[] body, Instant receivedAt) {
    Object doc = JsonCodec.parse(body);
    if (doc instanceof Map<?, ?> map) {
      return List.of(event(cast(map), receivedAt, ""));
    }
    if (!(doc instanceof List<?> list)) {
      throw new ValidationException(
          "the body must be a JSON object or an array of objects, not " + JsonPath.kind(doc));
    }
    if (list.size() > maxEvents) {
      throw new TooManyEvents(
          "the body holds " + list.size() + " events; send at most " + maxEvents + " at a time");
    }
    List<Event> events = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> map)) {
        throw new ValidationException(
            "event " + i + " must be a JSON object, not " + JsonPath.kind(list.get(i)));
      }
      events.add(event(cast(map), receivedAt, "event " + i + ": "));
    }
    return events;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, @Nullable Object> cast(Map<?, ?> map) {
    return (Map<String, @Nullable Object>) map;
  }

  private Event event(Map<String, @Nullable Object> raw, Instant receivedAt, String where) {
    try {
      return new Event(name(raw), time(raw, receivedAt), identities(raw), raw);
    } catch (ValidationException e) {
      throw new ValidationException(where + e.getMessage(), e.field().orElse(null), -1, e);
    }
  }

  private String name(Map<String, @Nullable Object> raw) {
    Object value = JsonPath.find(raw, namePath);
    if (value == null) {
      return defaultName;
    }
    if (!(value instanceof String s) || s.isBlank()) {
      throw invalid(namePath, "the event name must be non-empty text, not " + JsonPath.kind(value));
    }
    return s;
  }

  private Instant time(Map<String, @Nullable Object> raw, Instant receivedAt) {
    Object value = JsonPath.find(raw, timestampPath);
    if (value == null) {
      return receivedAt;
    }
    if (value instanceof String s) {
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e) {
        throw invalid(timestampPath, "\"" + shorten(s) + "\" is not an ISO-8601 date-time");
      }
    }
    if (value instanceof Number n && !(n instanceof BigDecimal d && d.scale() > 0)) {
      long epoch = n.longValue();
      return Math.abs(epoch) < MILLIS_THRESHOLD
          ? Instant.ofEpochSecond(epoch)
          : Instant.ofEpochMilli(epoch);
    }
    throw invalid(
        timestampPath,
        "a time must be ISO-8601 text or whole epoch seconds, not " + JsonPath.kind(value));
  }

  private Map<String, String> identities(Map<String, @Nullable Object> raw) {
    Map<String, String> ids = new LinkedHashMap<>();
    if (!identitiesPath.isEmpty() && JsonPath.find(raw, identitiesPath) instanceof Map<?, ?> m) {
      m.forEach(
          (kind, value) -> {
            String text = identityText(value);
            if (text != null) {
              ids.put(String.valueOf(kind), text);
            }
          });
    }
    identityPaths.forEach(
        (kind, path) -> {
          String text = identityText(JsonPath.find(raw, path));
          if (text != null) {
            ids.put(kind, text);
          }
        });
    return ids;
  }

  private static @Nullable String identityText(@Nullable Object value) {
    if (value instanceof String s && !s.isBlank()) {
      return s;
    }
    if (value instanceof Number n && !(n instanceof BigDecimal)) {
      return n.toString();
    }
    return null;
  }

  private static ValidationException invalid(String path, String message) {
    return new ValidationException("path \"" + path + "\": " + message, path, -1, null);
  }

  private static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}

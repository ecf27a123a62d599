package dev.tributary.connectors.newrelic;

import dev.tributary.connectors.metrics.MonitoringEvent;
import dev.tributary.connectors.metrics.Telemetry;
import dev.tributary.core.ValidationException;
import dev.tributary.core.model.Metric;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns telemetry into New Relic custom events within the Event API's documented limits, which New
 * Relic enforces only after it has answered 200 (it then drops the event and records an {@code
 * NrIntegrationError}): at most 255 attributes, names of at most 255 characters, string values of
 * at most 4096 characters (longer ones are cut, as a message is still worth reading), flat string
 * and number values only, a {@code timestamp} within a day of now. An event that cannot be made to
 * fit is refused here, alone ({@code VALIDATION}), rather than lost in silence.
 */
final class NewRelicEvents {
  static final int MAX_ATTRIBUTES = 255;
  static final int MAX_NAME_LENGTH = 255;
  static final int MAX_VALUE_LENGTH = 4096;
  static final Duration MAX_SKEW = Duration.ofHours(24);

  /** Names New Relic reserves or drops, and the ones this class sets itself. */
  private static final Set<String> RESERVED =
      Set.of(
          "eventType",
          "timestamp",
          "accountId",
          "appId",
          "entity.guid",
          "entity.name",
          "entity.type",
          "source");

  private NewRelicEvents() {}

  /** What every event carries. */
  record Types(String metricEventType, String eventEventType, String source) {}

  /**
   * The custom event for {@code telemetry}.
   *
   * @throws ValidationException if it cannot be sent within the documented limits
   */
  static Map<String, Object> of(Telemetry telemetry, Types types, Instant now) {
    if (telemetry instanceof Telemetry.Measurement m) {
      return metric(m.metric(), types, now);
    }
    return event((MonitoringEvent) telemetry, types, now);
  }

  private static Map<String, Object> metric(Metric m, Types types, Instant now) {
    if (!Double.isFinite(m.value())) {
      throw new ValidationException("metric " + m.name() + " has no finite value: " + m.value());
    }
    Map<String, Object> event = start(types.metricEventType(), m.timestamp(), types, now);
    fixed(event, "metricName", m.name());
    double v = m.value();
    event.put("value", v == Math.rint(v) && Math.abs(v) < 1e15 ? (Object) (long) v : (Object) v);
    if (!m.unit().isEmpty()) {
      fixed(event, "unit", m.unit());
    }
    m.dimensions().forEach((k, value) -> attribute(event, k, value));
    return checked(event, "metric " + m.name());
  }

  private static Map<String, Object> event(MonitoringEvent e, Types types, Instant now) {
    Map<String, Object> event = start(types.eventEventType(), e.occurredAt(), types, now);
    fixed(event, "type", e.type());
    fixed(event, "severity", e.severity().name());
    fixed(event, "message", e.message());
    e.attributes().forEach((k, value) -> attribute(event, k, value));
    return checked(event, e.type() + " event");
  }

  private static Map<String, Object> start(String type, Instant at, Types types, Instant now) {
    if (Duration.between(at, now).abs().compareTo(MAX_SKEW) > 0) {
      throw new ValidationException(
          "telemetry from "
              + at
              + " is more than a day from now ("
              + now
              + "); New Relic drops events whose timestamp is not within a day");
    }
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("eventType", type);
    event.put("timestamp", at.toEpochMilli());
    event.put("source", cut(types.source()));
    return event;
  }

  private static void fixed(Map<String, Object> event, String name, String value) {
    event.put(name, cut(value));
  }

  /** A dimension or attribute; one that clashes with a reserved or fixed name is prefixed. */
  private static void attribute(Map<String, Object> event, String name, String value) {
    String key = RESERVED.contains(name) || event.containsKey(name) ? "attribute." + name : name;
    if (key.isEmpty() || key.length() > MAX_NAME_LENGTH) {
      throw new ValidationException(
          "attribute name of "
              + key.length()
              + " characters; New Relic takes names of 1 to "
              + MAX_NAME_LENGTH,
          name.isEmpty() ? null : name.substring(0, Math.min(40, name.length())),
          -1,
          null);
    }
    event.put(key, cut(value));
  }

  private static Map<String, Object> checked(Map<String, Object> event, String what) {
    if (event.size() > MAX_ATTRIBUTES) {
      throw new ValidationException(
          what
              + " has "
              + event.size()
              + " attributes; New Relic takes at most "
              + MAX_ATTRIBUTES
              + " per event: send fewer dimensions");
    }
    return event;
  }

  /** {@code value} cut to the longest string New Relic stores, never inside a surrogate pair. */
  static String cut(String value) {
    if (value.length() <= MAX_VALUE_LENGTH) {
      return value;
    }
    int end = MAX_VALUE_LENGTH;
    if (Character.isHighSurrogate(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(0, end);
  }
}

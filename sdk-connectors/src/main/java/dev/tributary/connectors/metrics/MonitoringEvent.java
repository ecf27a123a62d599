package dev.tributary.connectors.metrics;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something a monitoring tool should show or alert on: a run finished (and how), an item was
 * rejected. Messages come from the SDK's exceptions, which never hold secrets; items themselves
 * (personal data) are never part of an event.
 *
 * @param type what happened, such as {@code run_finished} or {@code item_rejected}
 * @param severity how bad it is
 * @param occurredAt when
 * @param message one line for a human
 * @param attributes what it is about ({@code job}, {@code status}, {@code error_class}, ...)
 */
public record MonitoringEvent(
    String type,
    Severity severity,
    Instant occurredAt,
    String message,
    Map<String, String> attributes)
    implements Telemetry {
  /** How bad it is. */
  public enum Severity {
    INFO,
    WARNING,
    ERROR
  }

  public MonitoringEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(message, "message");
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }
}

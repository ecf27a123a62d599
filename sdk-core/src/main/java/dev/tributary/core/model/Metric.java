package dev.tributary.core.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A measurement: a run statistic exported to a monitoring tool, or an insight imported from an ad
 * platform.
 *
 * @param name the metric's name, such as {@code tributary.items.written} or {@code impressions}
 * @param value the measured value
 * @param unit the unit ({@code count}, {@code bytes}, {@code ms}, {@code USD}), empty if none
 * @param timestamp when it was measured, or the start of the period it covers
 * @param dimensions what it is broken down by ({@code job}, {@code campaign_id}, ...)
 */
public record Metric(
    String name, double value, String unit, Instant timestamp, Map<String, String> dimensions) {
  public Metric {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(timestamp, "timestamp");
    dimensions = Values.orderedCopy(dimensions, "dimensions");
  }
}

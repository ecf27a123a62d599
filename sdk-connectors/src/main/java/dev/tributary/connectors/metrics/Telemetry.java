package dev.tributary.connectors.metrics;

import dev.tributary.core.model.Metric;
import java.util.Objects;

/**
 * What the metrics export sends: a {@link Measurement} of a {@link Metric} (run statistics, or any
 * metric the host records) or a {@link MonitoringEvent} (a run that failed, an item rejected).
 */
public sealed interface Telemetry permits Telemetry.Measurement, MonitoringEvent {
  /** A metric to send. */
  record Measurement(Metric metric) implements Telemetry {
    public Measurement {
      Objects.requireNonNull(metric, "metric");
    }
  }

  /** {@code metric} as telemetry. */
  static Telemetry of(Metric metric) {
    return new Measurement(metric);
  }
}

package dev.tributary.connectors.metrics;

import dev.tributary.core.ErrorClass;
import dev.tributary.core.TributaryException;
import dev.tributary.core.job.RunSnapshot;
import dev.tributary.core.job.RunStatus;
import dev.tributary.core.model.Metric;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the runtime's run outcomes into telemetry: one metric per counter of a finished {@link
 * RunSnapshot} ({@code tributary.run.items_read}, {@code .items_written}, {@code .items_rejected},
 * {@code .items_retried}, {@code .bytes}, {@code .duration} in ms, {@code .errors} per {@code
 * error_class}), dimensioned by {@code job} and {@code status}, and a {@code run_finished} event:
 * INFO when the run succeeded, WARNING when it stopped or rejected items, ERROR when it failed.
 */
public final class RunMetrics {
  private RunMetrics() {}

  /** The telemetry of a finished run, time-stamped {@code now}. */
  public static List<Telemetry> of(RunSnapshot run, Instant now) {
    Map<String, String> dims = new LinkedHashMap<>();
    dims.put("job", run.jobId());
    dims.put("status", run.status().name());
    List<Telemetry> out = new ArrayList<>();
    out.add(metric("tributary.run.items_read", run.itemsRead(), "count", now, dims));
    out.add(metric("tributary.run.items_written", run.itemsWritten(), "count", now, dims));
    out.add(metric("tributary.run.items_rejected", run.itemsRejected(), "count", now, dims));
    out.add(metric("tributary.run.items_retried", run.itemsRetried(), "count", now, dims));
    out.add(metric("tributary.run.bytes", run.bytes(), "bytes", now, dims));
    out.add(metric("tributary.run.duration", run.elapsed().toMillis(), "ms", now, dims));
    for (Map.Entry<ErrorClass, Long> e : run.errors().entrySet()) {
      Map<String, String> withClass = new LinkedHashMap<>(dims);
      withClass.put("error_class", e.getKey().name());
      out.add(metric("tributary.run.errors", e.getValue(), "count", now, withClass));
    }
    out.add(finished(run, now));
    return out;
  }

  private static Telemetry metric(
      String name, double value, String unit, Instant at, Map<String, String> dims) {
    return Telemetry.of(new Metric(name, value, unit, at, dims));
  }

  private static MonitoringEvent finished(RunSnapshot run, Instant now) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("job", run.jobId());
    attributes.put("run", Long.toString(run.runNumber()));
    attributes.put("status", run.status().name());
    run.failureCause().ifPresent(f -> attributes.put("error_class", f.errorClass().name()));
    MonitoringEvent.Severity severity =
        run.status() == RunStatus.FAILED
            ? MonitoringEvent.Severity.ERROR
            : run.status() == RunStatus.STOPPED || run.itemsRejected() > 0
                ? MonitoringEvent.Severity.WARNING
                : MonitoringEvent.Severity.INFO;
    return new MonitoringEvent("run_finished", severity, now, run.toString(), attributes);
  }

  /** An {@code item_rejected} WARNING naming the job and the reason, never the item. */
  public static MonitoringEvent rejection(
      String jobId, long runNumber, TributaryException error, Instant now) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("job", jobId);
    attributes.put("run", Long.toString(runNumber));
    attributes.put("error_class", error.errorClass().name());
    return new MonitoringEvent(
        "item_rejected", MonitoringEvent.Severity.WARNING, now, error.getMessage(), attributes);
  }
}

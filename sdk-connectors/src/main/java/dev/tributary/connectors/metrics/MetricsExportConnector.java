package dev.tributary.connectors.metrics;

import dev.tributary.connectors.http.HttpRequest;
import dev.tributary.connectors.http.HttpSettings;
import dev.tributary.connectors.http.HttpTransport;
import dev.tributary.connectors.internal.BatchSizes;
import dev.tributary.core.ValidationException;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConfigField;
import dev.tributary.core.connector.ConfigFieldType;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.ExportConnector;
import dev.tributary.core.connector.Frequency;
import dev.tributary.core.connector.IntegrationPattern;
import dev.tributary.core.connector.IntegrationType;
import dev.tributary.core.connector.ItemResult;
import dev.tributary.core.connector.RateLimit;
import dev.tributary.core.connector.ResultingData;
import dev.tributary.core.connector.Technique;
import dev.tributary.core.model.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Metrics export: sends run statistics and monitoring events (see {@link MetricsReporter}, or any
 * {@link Telemetry} through {@code Job.exporting}) as JSON to a monitoring endpoint, optionally
 * gzipped:
 *
 * <pre>{@code
 * {"source": "tributary", "sent_at": "2026-12-01T10:00:00Z",
 *  "metrics": [{"name": "tributary.run.items_written", "value": 120, "unit": "count",
 *               "timestamp": "...", "dimensions": {"job": "vip-export", "status": "SUCCEEDED"}}],
 *  "events": [{"type": "run_finished", "severity": "ERROR", "occurred_at": "...",
 *              "message": "...", "attributes": {...}}]}
 * }</pre>
 *
 * A metric whose value is not a finite number cannot be written as JSON and is rejected alone
 * ({@code VALIDATION}); the endpoint answers for the rest of the batch as a whole. Immutable and
 * thread-safe.
 */
public final class MetricsExportConnector implements ExportConnector<Telemetry> {
  /** What this connector is; listed in {@code ConnectorCatalogue}. */
  public static final ConnectorDescriptor DESCRIPTOR = Descriptor.DESCRIPTOR;

  public static final String SOURCE = "source";
  public static final String GZIP = "gzip";

  private final HttpTransport transport;
  private final int maxBatchSize;

  private MetricsExportConnector(HttpTransport transport, int maxBatchSize) {
    this.transport = transport;
    this.maxBatchSize = maxBatchSize;
  }

  /** At most 500 items per request, on a transport of its own. */
  public static MetricsExportConnector create() {
    return create(HttpTransport.create(), 500);
  }

  /** At most {@code maxBatchSize} items per request, on {@code transport}. */
  public static MetricsExportConnector create(HttpTransport transport, int maxBatchSize) {
    BatchSizes.atLeastOne(maxBatchSize);
    return new MetricsExportConnector(Objects.requireNonNull(transport, "transport"), maxBatchSize);
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return Descriptor.DESCRIPTOR;
  }

  @Override
  public int maxBatchSize() {
    return maxBatchSize;
  }

  @Override
  public RateLimit rateLimit(ConnectorConfig config) {
    return HttpSettings.rateLimit(config);
  }

  @Override
  public BatchResult write(ConnectorContext context, List<Telemetry> batch) {
    List<ItemResult> results = new ArrayList<>(batch.size());
    List<Object> metrics = new ArrayList<>();
    List<Object> events = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      Telemetry t = batch.get(i);
      if (t instanceof Telemetry.Measurement m && !Double.isFinite(m.metric().value())) {
        results.add(
            ItemResult.failed(
                i,
                new ValidationException(
                    "metric "
                        + m.metric().name()
                        + " has no finite value: "
                        + m.metric().value())));
        continue;
      }
      results.add(ItemResult.ok(i));
      if (t instanceof Telemetry.Measurement m) {
        metrics.add(json(m.metric()));
      } else if (t instanceof MonitoringEvent e) {
        events.add(json(e));
      }
    }
    if (metrics.isEmpty() && events.isEmpty()) {
      return new BatchResult(results);
    }
    ConnectorConfig config = context.config();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("source", config.string(SOURCE));
    body.put("sent_at", context.clock().instant().toString());
    body.put("metrics", metrics);
    body.put("events", events);
    HttpRequest.Builder request =
        HttpRequest.post(HttpSettings.endpoint(config)).json(body).gzip(config.bool(GZIP));
    HttpSettings.withHeaders(request, config);
    transport.execute(context, request.build());
    return new BatchResult(results);
  }

  private static Map<String, Object> json(Metric m) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", m.name());
    double v = m.value();
    json.put("value", v == Math.rint(v) && Math.abs(v) < 1e15 ? (Object) (long) v : (Object) v);
    json.put("unit", m.unit());
    json.put("timestamp", m.timestamp().toString());
    json.put("dimensions", m.dimensions());
    return json;
  }

  private static Map<String, Object> json(MonitoringEvent e) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", e.type());
    json.put("severity", e.severity().name());
    json.put("occurred_at", e.occurredAt().toString());
    json.put("message", e.message());
    json.put("attributes", e.attributes());
    return json;
  }

  /** Checks the settings and the authorization (and reads {@code check_url} when set). */
  @Override
  public CheckResult check(ConnectorContext context) {
    return HttpSettings.check(this, transport, context, List.of());
  }

  @Override
  public String toString() {
    return "MetricsExportConnector[maxBatchSize=" + maxBatchSize + "]";
  }

  private static final class Descriptor {
    static final ConnectorDescriptor DESCRIPTOR = build();

    private static ConnectorDescriptor build() {
      ConnectorDescriptor.Builder b =
          ConnectorDescriptor.builder("metrics-export")
              .name("Metrics export")
              .description(
                  "Sends run statistics and monitoring events (failed runs, rejected items) as"
                      + " JSON to a monitoring endpoint, batched, optionally gzipped.")
              .type(IntegrationType.SERVER_TO_SERVER)
              .patterns(IntegrationPattern.EXPORT)
              .techniques(Technique.REST_API)
              .frequencies(Frequency.NEAR_REAL_TIME, Frequency.CONTINUOUS)
              .resultingData(ResultingData.METRICS)
              .config(HttpSettings.endpoint("The monitoring endpoint batches are posted to."))
              .config(
                  ConfigField.optional(
                      SOURCE,
                      ConfigFieldType.STRING,
                      "The \"source\" every batch names, to tell installations apart.",
                      "tributary"))
              .config(
                  ConfigField.optional(
                      GZIP, ConfigFieldType.BOOLEAN, "Compress request bodies with gzip.", "false"))
              .config(HttpSettings.headers())
              .config(HttpSettings.checkUrl());
      HttpSettings.rateLimit().forEach(b::config);
      return HttpSettings.acceptHttpAuthorizations(b).build();
    }
  }
}

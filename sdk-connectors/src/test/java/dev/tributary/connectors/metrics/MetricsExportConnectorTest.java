package dev.tributary.connectors.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ItemResult;
import dev.tributary.core.model.Metric;
import dev.tributary.testing.kit.ConnectorCompatibilityKit;
import dev.tributary.testing.time.ManualClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class MetricsExportConnectorTest extends ConnectorCompatibilityKit {
  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();

  @StartStop final MockWebServer server = new MockWebServer();
  final ManualClock clock = new ManualClock(T0);
  final MetricsExportConnector connector = MetricsExportConnector.create();
  boolean failurePending;

  @Override
  protected MetricsExportConnector connector() {
    return connector;
  }

  @Override
  protected Map<String, String> configuration() {
    return Map.of("endpoint", server.url("/api/v1/ingest").toString());
  }

  @Override
  protected Authorization authorization() {
    return Authorization.apiKeyHeader("DD-API-KEY", Secret.of("m0nitor-key-123"));
  }

  @Override
  protected void exerciseOnce(ConnectorContext context) {
    if (!failurePending) {
      server.enqueue(new MockResponse.Builder().code(202).build());
    }
    failurePending = false;
    connector.write(context, List.of(Telemetry.of(metric("x", 1))));
  }

  @Override
  protected boolean failNextCall(int status, @Nullable Integer retryAfterSeconds) {
    MockResponse.Builder r = new MockResponse.Builder().code(status);
    if (retryAfterSeconds != null) {
      r.addHeader("Retry-After", retryAfterSeconds);
    }
    server.enqueue(r.build());
    failurePending = true;
    return true;
  }

  static Metric metric(String name, double value) {
    return new Metric(name, value, "count", T0, Map.of("job", "vip-export"));
  }

  ConnectorContext context(Map<String, String> extra) {
    Map<String, String> values = new HashMap<>(configuration());
    values.putAll(extra);
    return new ConnectorContext(
        ConnectorConfig.parse(connector.descriptor(), values), authorization(), clock);
  }

  @Test
  void metricsAndEvents_arePostedAsOneJsonDocument() throws Exception {
    server.enqueue(new MockResponse.Builder().code(202).build());
    MonitoringEvent failed =
        new MonitoringEvent(
            "run_finished",
            MonitoringEvent.Severity.ERROR,
            T0,
            "vip-export run 3 FAILED",
            Map.of("job", "vip-export"));

    BatchResult r =
        connector.write(
            context(Map.of("source", "eu-prod")),
            List.of(
                Telemetry.of(metric("tributary.run.items_written", 120)),
                failed,
                Telemetry.of(metric("ratio", 0.25))));

    assertThat(r.allSucceeded()).isTrue();
    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeaders().get("DD-API-KEY")).isEqualTo("m0nitor-key-123");
    assertThat(JSON.readTree(request.getBody().utf8()))
        .isEqualTo(
            JSON.readTree(
                "{\"source\":\"eu-prod\",\"sent_at\":\"2026-12-01T10:00:00Z\",\"metrics\":["
                    + "{\"name\":\"tributary.run.items_written\",\"value\":120,\"unit\":\"count\","
                    + "\"timestamp\":\"2026-12-01T10:00:00Z\",\"dimensions\":{\"job\":\"vip-export\"}},"
                    + "{\"name\":\"ratio\",\"value\":0.25,\"unit\":\"count\","
                    + "\"timestamp\":\"2026-12-01T10:00:00Z\",\"dimensions\":{\"job\":\"vip-export\"}}],"
                    + "\"events\":[{\"type\":\"run_finished\",\"severity\":\"ERROR\","
                    + "\"occurred_at\":\"2026-12-01T10:00:00Z\",\"message\":\"vip-export run 3 FAILED\","
                    + "\"attributes\":{\"job\":\"vip-export\"}}]}"));
  }

  @Test
  void gzip_compressesTheDocument() throws Exception {
    server.enqueue(new MockResponse.Builder().code(202).build());
    connector.write(context(Map.of("gzip", "true")), List.of(Telemetry.of(metric("x", 1))));
    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeaders().get("Content-Encoding")).isEqualTo("gzip");
    try (var in = new GZIPInputStream(new ByteArrayInputStream(request.getBody().toByteArray()))) {
      JsonNode body = JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      assertThat(body.at("/metrics/0/name").asText()).isEqualTo("x");
    }
  }

  @Test
  void nonFiniteValue_isRejectedAlone_andTheRestIsSent() throws Exception {
    server.enqueue(new MockResponse.Builder().code(202).build());
    BatchResult r =
        connector.write(
            context(Map.of()),
            List.of(Telemetry.of(metric("nan", Double.NaN)), Telemetry.of(metric("ok", 2))));

    assertThat(r.items().get(0).errorClass()).contains(ErrorClass.VALIDATION);
    assertThat(r.items().get(1).succeeded()).isTrue();
    assertThat(JSON.readTree(server.takeRequest().getBody().utf8()).path("metrics")).hasSize(1);
  }

  @Test
  void onlyBadItems_sendNothing() {
    BatchResult r =
        connector.write(
            context(Map.of()), List.of(Telemetry.of(metric("inf", Double.POSITIVE_INFINITY))));
    assertThat(r.items()).extracting(ItemResult::succeeded).containsExactly(false);
    assertThat(server.getRequestCount()).isZero();
  }
}

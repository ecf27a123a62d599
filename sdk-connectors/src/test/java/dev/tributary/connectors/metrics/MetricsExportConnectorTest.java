package dev.tributary.connectors.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.connectors.testutil.QueuedServerKit;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ItemResult;
import dev.tributary.core.model.Metric;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class MetricsExportConnectorTest extends QueuedServerKit {
  static final ObjectMapper JSON = new ObjectMapper();

  final MetricsExportConnector connector = MetricsExportConnector.create();

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
  protected MockResponse answerToOneCall() {
    return new MockResponse.Builder().code(202).build();
  }

  @Override
  protected void callOnce(ConnectorContext context) {
    connector.write(context, List.of(Telemetry.of(metric("x", 1))));
  }

  static Metric metric(String name, double value) {
    return new Metric(name, value, "count", T0, Map.of("job", "vip-export"));
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

package dev.tributary.connectors.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.core.ConfigException;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.ValidationException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.job.Job;
import dev.tributary.core.job.JobRunner;
import dev.tributary.core.job.RunSnapshot;
import dev.tributary.core.job.RunStatus;
import dev.tributary.core.model.Metric;
import dev.tributary.core.retry.RetryOptions;
import dev.tributary.testing.kit.ConnectorCompatibilityKit;
import dev.tributary.testing.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The reporter as a JobRunner listener, on real threads synchronised by flush(): no sleeps. */
@Timeout(60)
class MetricsReporterTest extends ConnectorCompatibilityKit {
  static final ObjectMapper JSON = new ObjectMapper();

  @StartStop final MockWebServer server = new MockWebServer();
  final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
  final MetricsExportConnector connector = MetricsExportConnector.create();
  final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
  final List<Integer> script = new CopyOnWriteArrayList<>();

  @Override
  protected MetricsExportConnector connector() {
    return connector;
  }

  @Override
  protected Map<String, String> configuration() {
    return Map.of("endpoint", server.url("/ingest").toString());
  }

  @Override
  protected Authorization authorization() {
    return Authorization.bearer(Secret.of("rep0rter-token"));
  }

  @Override
  protected void exerciseOnce(ConnectorContext context) {
    serve();
    connector.write(
        context, List.of(Telemetry.of(new Metric("x", 1, "", clock.instant(), Map.of()))));
  }

  @Override
  protected boolean failNextCall(int status, @Nullable Integer retryAfterSeconds) {
    script.add(status);
    return true;
  }

  /** Records each body; answers the scripted statuses first, then 202. */
  void serve() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            int status = script.isEmpty() ? 202 : script.remove(0);
            if (status < 400) {
              try {
                bodies.add(JSON.readTree(request.getBody().utf8()));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            }
            return new MockResponse.Builder().code(status).addHeader("Retry-After", "7").build();
          }
        });
  }

  MetricsReporter reporter(boolean rejections) {
    serve();
    return MetricsReporter.builder(
            connector,
            ConnectorConfig.parse(connector.descriptor(), configuration()),
            authorization())
        .clock(clock)
        .sleeper(clock)
        .retry(RetryOptions.builder().maxAttempts(2).jitter(0).build())
        .reportRejections(rejections)
        .build();
  }

  RunSnapshot runJob(MetricsReporter reporter, boolean fail) throws Exception {
    try (JobRunner runner = JobRunner.builder().listener(reporter).build()) {
      Job job =
          Job.custom(
                  "nightly",
                  connector,
                  ConnectorConfig.parse(connector.descriptor(), configuration()),
                  authorization(),
                  ctx -> {
                    ctx.itemsRead(3);
                    ctx.itemsWritten(2);
                    ctx.itemRejected("row 7", new ValidationException("row 7: bad email"));
                    if (fail) {
                      throw new ConfigException("authorization", "HTTP 401 from POST /x", null);
                    }
                  })
              .build();
      return runner.add(job).runNow().get(30, TimeUnit.SECONDS);
    }
  }

  static List<String> names(JsonNode body) {
    List<String> names = new ArrayList<>();
    body.path("metrics")
        .forEach(m -> names.add(m.path("name").asText() + "=" + m.path("value").asText()));
    return names;
  }

  @Test
  void finishedRun_sendsItsCountersAndAnEvent() throws Exception {
    try (MetricsReporter reporter = reporter(false)) {
      RunSnapshot run = runJob(reporter, false);
      reporter.flush().get(30, TimeUnit.SECONDS);

      assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(bodies).hasSize(1);
      JsonNode body = bodies.get(0);
      assertThat(names(body))
          .contains(
              "tributary.run.items_read=3",
              "tributary.run.items_written=2",
              "tributary.run.items_rejected=1",
              "tributary.run.errors=1");
      assertThat(body.at("/metrics/0/dimensions"))
          .isEqualTo(JSON.readTree("{\"job\":\"nightly\",\"status\":\"SUCCEEDED\"}"));
      JsonNode event = body.at("/events/0");
      assertThat(event.path("type").asText()).isEqualTo("run_finished");
      assertThat(event.path("severity").asText()).isEqualTo("WARNING"); // an item was rejected
      assertThat(reporter.delivered()).isEqualTo(body.path("metrics").size() + 1);
      assertThat(reporter.dropped()).isZero();
    }
  }

  @Test
  void failedRun_isAnErrorEvent_andRejectionsAreReportedWhenAsked() throws Exception {
    try (MetricsReporter reporter = reporter(true)) {
      runJob(reporter, true);
      reporter.flush().get(30, TimeUnit.SECONDS);

      List<JsonNode> events = new ArrayList<>();
      bodies.forEach(b -> b.path("events").forEach(events::add));
      assertThat(events)
          .extracting(e -> e.path("type").asText() + "/" + e.path("severity").asText())
          .containsExactly("item_rejected/WARNING", "run_finished/ERROR");
      assertThat(events.get(0).path("message").asText()).isEqualTo("row 7: bad email");
      assertThat(events.get(1).at("/attributes/error_class").asText()).isEqualTo("CONFIG");
    }
  }

  @Test
  void endpointOverloadedOnce_isRetriedAfterItsRetryAfter() throws Exception {
    try (MetricsReporter reporter = reporter(false)) {
      script.add(503);
      runJob(reporter, false);
      reporter.flush().get(30, TimeUnit.SECONDS);

      assertThat(bodies).hasSize(1);
      assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(7));
      assertThat(reporter.dropped()).isZero();
    }
  }

  @Test
  void endpointDown_dropsTelemetry_andNeverFailsTheJob() throws Exception {
    try (MetricsReporter reporter = reporter(false)) {
      script.addAll(List.of(500, 500));
      RunSnapshot run = runJob(reporter, false);
      reporter.flush().get(30, TimeUnit.SECONDS);

      assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(reporter.delivered()).isZero();
      assertThat(reporter.dropped()).isGreaterThan(0);
      assertThat(reporter.lastFailure().orElseThrow().errorClass()).isEqualTo(ErrorClass.TRANSIENT);

      runJob(reporter, false); // recovered
      reporter.flush().get(30, TimeUnit.SECONDS);
      assertThat(reporter.delivered()).isGreaterThan(0);
      assertThat(reporter.lastFailure()).isEmpty();
    }
  }

  @Test
  void close_sendsWhatIsPending() throws Exception {
    MetricsReporter reporter = reporter(false);
    reporter.offer(Telemetry.of(new Metric("custom.gauge", 4, "", clock.instant(), Map.of())));
    reporter.close();
    assertThat(bodies)
        .singleElement()
        .satisfies(b -> assertThat(names(b)).containsExactly("custom.gauge=4"));
    reporter.offer(Telemetry.of(new Metric("late", 1, "", clock.instant(), Map.of())));
    assertThat(reporter.dropped()).isEqualTo(1);
  }
}

package dev.tributary.connectors.newrelic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.connectors.metrics.MetricsReporter;
import dev.tributary.connectors.testutil.Fixtures;
import dev.tributary.core.ValidationException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.job.Job;
import dev.tributary.core.job.JobRunner;
import dev.tributary.core.job.RunSnapshot;
import dev.tributary.core.job.RunStatus;
import dev.tributary.core.retry.RetryOptions;
import dev.tributary.testing.time.ManualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The runtime's {@code MetricsReporter} sending a finished run's metrics and its run_finished event
 * to New Relic through this connector, on real threads synchronised by flush().
 */
@Timeout(60)
class NewRelicReporterTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
  final NewRelicEventConnector connector = NewRelicEventConnector.create();

  @Test
  void finishedRun_arrivesAsTributaryMetricAndTributaryEventEvents() throws Exception {
    server.enqueue(Fixtures.json(getClass(), 200, "success-200.json"));
    ConnectorConfig config =
        ConnectorConfig.parse(
            connector.descriptor(),
            Map.of("account_id", "1234567", "api_url", server.url("/").toString()));
    Authorization key = Authorization.apiKeyHeader("Api-Key", Secret.of("NRAL-reporter-k3y"));
    RunSnapshot run;
    try (MetricsReporter reporter =
            MetricsReporter.builder(connector, config, key)
                .clock(clock)
                .sleeper(clock)
                .retry(RetryOptions.builder().maxAttempts(2).jitter(0).build())
                .build();
        JobRunner runner = JobRunner.builder().listener(reporter).build()) {
      Job job =
          Job.custom(
                  "nightly",
                  connector,
                  config,
                  key,
                  ctx -> {
                    ctx.itemsRead(3);
                    ctx.itemsWritten(2);
                    ctx.itemRejected("row 7", new ValidationException("row 7: bad email"));
                  })
              .build();
      run = runner.add(job).runNow().get(30, TimeUnit.SECONDS);
      reporter.flush().get(30, TimeUnit.SECONDS);
      assertThat(reporter.dropped()).isZero();
    }

    assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    RecordedRequest post = server.takeRequest();
    assertThat(post.getTarget()).isEqualTo("/v1/accounts/1234567/events");
    assertThat(post.getHeaders().get("Content-Encoding")).isEqualTo("gzip");
    List<String> seen = new ArrayList<>();
    for (JsonNode e : NewRelicEventConnectorTest.events(post)) {
      seen.add(
          e.path("eventType").asText()
              + ":"
              + (e.has("metricName")
                  ? e.path("metricName").asText() + "=" + e.path("value").asText()
                  : e.path("type").asText() + "/" + e.path("severity").asText()));
      assertThat(e.path("job").asText()).isEqualTo("nightly");
    }
    assertThat(seen)
        .contains(
            "TributaryMetric:tributary.run.items_read=3",
            "TributaryMetric:tributary.run.items_written=2",
            "TributaryMetric:tributary.run.items_rejected=1",
            "TributaryEvent:run_finished/WARNING");
  }
}

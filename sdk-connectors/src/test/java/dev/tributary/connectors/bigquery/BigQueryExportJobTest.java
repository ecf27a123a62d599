package dev.tributary.connectors.bigquery;

import static dev.tributary.connectors.bigquery.BigQueryExportConnectorTest.purchase;
import static dev.tributary.connectors.bigquery.FakeBigQuery.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.Page;
import dev.tributary.core.job.Job;
import dev.tributary.core.job.JobHandle;
import dev.tributary.core.job.JobRunner;
import dev.tributary.core.job.RunSnapshot;
import dev.tributary.core.job.RunStatus;
import dev.tributary.core.job.Source;
import dev.tributary.core.model.Event;
import dev.tributary.core.retry.RetryOptions;
import dev.tributary.core.state.StateStore;
import dev.tributary.testing.time.ManualClock;
import dev.tributary.testing.time.VirtualTimeJobs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The BigQuery export under the JobRunner in virtual time (manual clock and scheduler, no sleeps):
 * the runtime sends again only the rows BigQuery did not insert for a retryable reason, with their
 * insert IDs unchanged, and rejects the invalid row with BigQuery's reason.
 */
@Timeout(60)
class BigQueryExportJobTest {
  @StartStop final MockWebServer server = new MockWebServer();
  final FakeBigQuery bigQuery = new FakeBigQuery();
  final VirtualTimeJobs jobs = VirtualTimeJobs.startingAt(Instant.parse("2026-12-01T10:05:00Z"));
  final ManualClock clock = jobs.clock();
  final BigQueryExportConnector connector = BigQueryExportConnector.create();
  final List<Event> events =
      List.of(purchase("ann", 1), purchase("bob", "lots"), purchase("cy", 3));

  @BeforeEach
  void serve() {
    server.setDispatcher(bigQuery);
  }

  RunSnapshot run() throws Exception {
    JobRunner runner = jobs.runner(StateStore.inMemory());
    Map<String, String> settings =
        Map.of(
            "project_id", "acme-data",
            "dataset_id", "analytics",
            "table_id", "events",
            "api_url", server.url("/").toString());
    Source<Event> source =
        (from, max) -> new Page<>(events, Checkpoint.at(String.valueOf(events.size())), true);
    JobHandle job =
        runner.add(
            Job.exporting(
                    "bigquery",
                    connector,
                    ConnectorConfig.parse(connector.descriptor(), settings),
                    FakeBigQuery.serviceAccount(server),
                    source)
                .retry(RetryOptions.builder().jitter(0).build())
                .build());
    RunSnapshot snapshot = jobs.runNow(job);
    runner.close();
    return snapshot;
  }

  List<String> rejected() {
    return jobs.rejected(Event.class, e -> e.identities().get("email"));
  }

  @Test
  void stoppedRows_areSentAgainWithTheirInsertIds_theInvalidRowIsRejectedWithItsReason()
      throws Exception {
    bigQuery.insertScript.add(fixture(200, "insertall-200-insert-errors.json"));

    RunSnapshot run = run();

    assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(run.itemsWritten()).isEqualTo(2);
    assertThat(run.itemsRejected()).isEqualTo(1);
    List<List<String>> ids = bigQuery.insertIds();
    assertThat(ids).hasSize(2);
    assertThat(ids.get(1)).containsExactly(ids.get(0).get(0), ids.get(0).get(2));
    assertThat(rejected())
        .containsExactly(
            "bob@acme.example: BigQuery did not insert the row (invalid): amount: Cannot convert"
                + " value to floating point (bad value): lots");
    assertThat(bigQuery.tokenRequests).hasSize(1);
  }

  @Test
  void backendError503_isRetriedByTheRuntime_withTheSameInsertIds() throws Exception {
    bigQuery.insertScript.add(
        fixture(503, "error-503-backend.json").newBuilder().addHeader("Retry-After", "9").build());

    RunSnapshot run = run();

    assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(run.itemsWritten()).isEqualTo(3);
    assertThat(bigQuery.insertIds()).hasSize(2);
    assertThat(bigQuery.insertIds().get(1)).isEqualTo(bigQuery.insertIds().get(0));
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(9));
    assertThat(rejected()).isEmpty();
  }
}

package dev.tributary.connectors.clearbit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.connectors.enrichment.EnrichmentTask;
import dev.tributary.connectors.testutil.Fixtures;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.Page;
import dev.tributary.core.identity.IdentityKey;
import dev.tributary.core.identity.IdentityResolver;
import dev.tributary.core.identity.ProfileStore;
import dev.tributary.core.identity.SourceRecord;
import dev.tributary.core.job.Job;
import dev.tributary.core.job.JobHandle;
import dev.tributary.core.job.JobRunner;
import dev.tributary.core.job.RunSnapshot;
import dev.tributary.core.job.RunStatus;
import dev.tributary.core.model.Profile;
import dev.tributary.core.retry.RetryOptions;
import dev.tributary.core.state.StateStore;
import dev.tributary.testing.time.VirtualTimeJobs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A queued (202) Clearbit lookup asked again two minutes later by the runtime, then merged. */
@Timeout(60)
class ClearbitEnrichmentJobTest {
  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  @StartStop final MockWebServer server = new MockWebServer();
  final VirtualTimeJobs jobs = VirtualTimeJobs.startingAt(T0);
  final ClearbitEnrichmentConnector connector = ClearbitEnrichmentConnector.create();
  final ProfileStore store = ProfileStore.inMemory();
  final IdentityResolver resolver =
      IdentityResolver.builder(store).keys(IdentityKey.email("email")).build();

  @Test
  void queuedLookup_isAskedAgainAfterTheDefaultWait_andMerged() throws Exception {
    resolver.resolve(
        new SourceRecord(Map.of("email", "ann@acme.example"), Map.of("plan", "pro"), T0, "crm"));
    Profile ann =
        store.get(store.find("email", "ann@acme.example").orElseThrow()).orElseThrow().profile();
    server.enqueue(new MockResponse.Builder().code(202).build());
    server.enqueue(
        Fixtures.jsonBody(
            200,
            "{\"person\":"
                + Fixtures.text(getClass(), "person.json")
                + ",\"company\":"
                + Fixtures.text(getClass(), "company.json")
                + "}"));
    EnrichmentTask task =
        EnrichmentTask.builder(
                connector,
                (from, max) -> new Page<>(List.of(ann), Checkpoint.at("1"), true),
                resolver)
            .sourceName("clearbit")
            .build();
    try (JobRunner runner = jobs.runner(StateStore.inMemory())) {
      JobHandle job =
          runner.add(
              Job.custom(
                      "clearbit",
                      connector,
                      ConnectorConfig.parse(
                          connector.descriptor(), Map.of("api_url", server.url("/").toString())),
                      Authorization.bearer(Secret.of("sk_job_s3cret")),
                      task)
                  .retry(RetryOptions.builder().jitter(0).build())
                  .build());
      RunSnapshot done = jobs.runNow(job);

      assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(done.itemsWritten()).isEqualTo(1);
    }
    // only the 202's wait: the rate limit (600 a minute, one request per 100 ms of the runner's
    // clock) has long been free again when the second request goes out two minutes later
    assertThat(jobs.clock().sleeps()).containsExactly(Duration.ofMinutes(2));
    assertThat(server.getRequestCount()).isEqualTo(2);
    Profile merged =
        store.get(store.find("email", "ann@acme.example").orElseThrow()).orElseThrow().profile();
    assertThat(merged.fields())
        .containsEntry("company_name", "Acme Analytics")
        .containsEntry("job_title", "Head of Data")
        .containsEntry("plan", "pro");
  }
}

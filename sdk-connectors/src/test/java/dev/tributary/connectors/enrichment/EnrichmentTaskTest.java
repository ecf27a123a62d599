package dev.tributary.connectors.enrichment;

import static dev.tributary.connectors.enrichment.FakeProvider.person;
import static dev.tributary.connectors.enrichment.FakeProvider.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.ErrorClass;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.EnrichmentConnector;
import dev.tributary.core.identity.IdentityKey;
import dev.tributary.core.identity.IdentityResolver;
import dev.tributary.core.identity.ProfileStore;
import dev.tributary.core.identity.SourceRecord;
import dev.tributary.core.job.Job;
import dev.tributary.core.job.JobRunner;
import dev.tributary.core.job.RunSnapshot;
import dev.tributary.core.job.RunStatus;
import dev.tributary.core.model.Profile;
import dev.tributary.core.retry.RetryOptions;
import dev.tributary.core.state.StateStore;
import dev.tributary.testing.TestSources;
import dev.tributary.testing.kit.ConnectorCompatibilityKit;
import dev.tributary.testing.time.ManualClock;
import dev.tributary.testing.time.VirtualTimeJobs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enriching an audience under the JobRunner in virtual time: merged into profiles by identity
 * resolution, queued users asked again after their hint, 429s retried, users without an identifier
 * rejected, the cache sparing a second run, and a restart resuming at the page that failed.
 */
@Timeout(60)
class EnrichmentTaskTest extends ConnectorCompatibilityKit {
  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeProvider provider = new FakeProvider();
  final VirtualTimeJobs jobs = VirtualTimeJobs.startingAt(T0);
  final ManualClock clock = jobs.clock();
  final EnrichmentCache cache = EnrichmentCache.builder().build();
  final EnrichmentConnector connector = cache.wrap(HttpEnrichmentConnector.perUser());
  final ProfileStore store = ProfileStore.inMemory();
  final IdentityResolver resolver =
      IdentityResolver.builder(store)
          .keys(IdentityKey.email("email"), IdentityKey.trimmed("user_id"))
          .build();
  List<Profile> audience;

  @BeforeEach
  void setUp() {
    server.setDispatcher(provider);
    for (String name : List.of("ann", "bob", "cy", "dee")) {
      resolver.resolve(
          new SourceRecord(
              Map.of("email", name + "@x.com"),
              Map.of("plan", "free"),
              T0.minusSeconds(60),
              "crm"));
    }
    resolver.resolve(
        new SourceRecord(Map.of("user_id", "u-5"), Map.of(), T0.minusSeconds(60), "crm"));
    audience =
        List.of("ann@x.com", "bob@x.com", "cy@x.com", "dee@x.com").stream()
            .map(e -> profile("email", e))
            .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
    audience.add(profile("user_id", "u-5"));
    provider
        .answer("ann@x.com", person("{\"company\":\"Acme\",\"plan\":\"ignored\"}"))
        .answer("cy@x.com", status(202, "60"), person("{\"company\":\"Cyan\"}"))
        .answer("dee@x.com", status(429, "5"), person("{\"company\":\"Dee Ltd\"}"));
  }

  Profile profile(String kind, String value) {
    return store.get(store.find(kind, value).orElseThrow()).orElseThrow().profile();
  }

  @Override
  protected EnrichmentConnector connector() {
    return connector;
  }

  @Override
  protected Map<String, String> configuration() {
    return Map.of(
        "endpoint", server.url("/find").toString(), "identifiers", "email", "fields", "company");
  }

  @Override
  protected Authorization authorization() {
    return Authorization.apiKeyHeader("X-Key", Secret.of("task-k3y-secret"));
  }

  @Override
  protected void exerciseOnce(ConnectorContext context) {
    var r = connector.enrich(context, List.of(Map.of("email", "ann@x.com"))).get(0);
    if (r.error() != null) {
      throw r.error();
    }
  }

  @Override
  protected boolean failNextCall(int status, @Nullable Integer retryAfterSeconds) {
    provider.answer("ann@x.com", status(status, String.valueOf(retryAfterSeconds)));
    return true;
  }

  RunSnapshot run(JobRunner runner, RetryOptions retry, int pageSize, boolean restartEachRun)
      throws Exception {
    var handle =
        runner.job("enrich").orElseGet(() -> runner.add(job(retry, pageSize, restartEachRun)));
    return jobs.runNow(handle);
  }

  Job job(RetryOptions retry, int pageSize, boolean restartEachRun) {
    EnrichmentTask task =
        EnrichmentTask.builder(connector, TestSources.paged(audience), resolver)
            .sourceName("provider")
            .pageSize(pageSize)
            .build();
    return Job.custom(
            "enrich",
            connector,
            ConnectorConfig.parse(connector.descriptor(), configuration()),
            authorization(),
            task)
        .retry(retry)
        .restartEachRun(restartEachRun)
        .build();
  }

  static RetryOptions noJitter() {
    return RetryOptions.builder().jitter(0).build();
  }

  @Test
  void audience_isEnriched_queuedAndRateLimitedUsersAskedAgain_noIdentifierRejected()
      throws Exception {
    RunSnapshot run = run(jobs.runner(StateStore.inMemory()), noJitter(), 500, false);

    assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(run.itemsRead()).isEqualTo(5);
    assertThat(run.itemsWritten()).isEqualTo(3); // ann, cy, dee; bob is unknown to the provider
    assertThat(run.itemsRejected()).isEqualTo(1);
    assertThat(jobs.rejected(Profile.class, Profile::id))
        .singleElement()
        .asString()
        .endsWith("the profile has no email to look up");
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(5));
    assertThat(provider.asked)
        .containsExactly(
            "ann@x.com", "bob@x.com", "cy@x.com", "cy@x.com", "dee@x.com", "dee@x.com");
    assertThat(profile("email", "ann@x.com").fields())
        .containsEntry("company", "Acme")
        .containsEntry("plan", "free"); // only the mapped field came in
    assertThat(profile("email", "cy@x.com").field("company")).contains("Cyan");
    assertThat(profile("email", "bob@x.com").field("company")).isEmpty();
    assertThat(store.size()).isEqualTo(5); // merged into the existing profiles, none created
  }

  @Test
  void secondRun_isAnsweredFromTheCache() throws Exception {
    JobRunner runner = jobs.runner(StateStore.inMemory());
    run(runner, noJitter(), 2, true);
    provider.asked.clear();

    RunSnapshot second = run(runner, noJitter(), 2, true);

    assertThat(second.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(second.itemsWritten()).isEqualTo(3);
    assertThat(provider.asked).isEmpty(); // found and not-found answers both cached
  }

  @Test
  void stillQueuedAfterTheRetries_failsTheRun_andARestartResumesAtThatPage(@TempDir Path state)
      throws Exception {
    provider.answer("cy@x.com", status(202, "30"));
    JobRunner first = jobs.runner(StateStore.directory(state));
    RunSnapshot failed =
        run(first, RetryOptions.builder().maxAttempts(2).jitter(0).build(), 2, false);
    assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(failed.failure().errorClass()).isEqualTo(ErrorClass.TRANSIENT);
    assertThat(failed.itemsWritten()).isEqualTo(1); // ann, on the committed first page
    first.close();

    provider.answer("cy@x.com", person("{\"company\":\"Cyan\"}"));
    provider.asked.clear();
    RunSnapshot resumed = run(jobs.runner(StateStore.directory(state)), noJitter(), 2, false);

    assertThat(resumed.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(provider.asked).containsExactly("cy@x.com", "dee@x.com", "dee@x.com");
    assertThat(profile("email", "cy@x.com").field("company")).contains("Cyan");
  }

  @Test
  void refusedKey_failsTheRunAsConfig() throws Exception {
    provider.answer("ann@x.com", status(401, null));
    RunSnapshot run = run(jobs.runner(StateStore.inMemory()), noJitter(), 500, false);
    assertThat(run.failure().errorClass()).isEqualTo(ErrorClass.CONFIG);
    assertThat(run.failure().getMessage()).doesNotContain("task-k3y-secret");
    assertThat(provider.asked).containsExactly("ann@x.com");
  }
}

package dev.tributary.connectors.fullcontact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.connectors.enrichment.EnrichmentCache;
import dev.tributary.connectors.enrichment.EnrichmentTask;
import dev.tributary.connectors.testutil.Fixtures;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.EnrichmentConnector;
import dev.tributary.core.connector.Page;
import dev.tributary.core.identity.IdentityKey;
import dev.tributary.core.identity.IdentityResolver;
import dev.tributary.core.identity.ProfileStore;
import dev.tributary.core.identity.SourceRecord;
import dev.tributary.core.job.Job;
import dev.tributary.core.job.JobRunner;
import dev.tributary.core.job.RunSnapshot;
import dev.tributary.core.job.RunStatus;
import dev.tributary.core.job.Source;
import dev.tributary.core.model.Profile;
import dev.tributary.core.retry.RetryOptions;
import dev.tributary.core.state.StateStore;
import dev.tributary.testing.time.VirtualTimeJobs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * FullContact under {@code EnrichmentTask} and the JobRunner in virtual time: 202 "queued" answers
 * asked again after their wait, a 429 without Retry-After retried by the runtime's backoff, found
 * persons merged into profiles by identity resolution, and a second run answered by the cache.
 */
@Timeout(60)
class FullContactEnrichmentJobTest {
  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();

  @StartStop final MockWebServer server = new MockWebServer();
  final VirtualTimeJobs jobs = VirtualTimeJobs.startingAt(T0);
  final EnrichmentConnector connector =
      EnrichmentCache.builder().build().wrap(FullContactEnrichmentConnector.create());
  final ProfileStore store = ProfileStore.inMemory();
  final IdentityResolver resolver =
      IdentityResolver.builder(store).keys(IdentityKey.email("email")).build();
  final Map<String, Deque<MockResponse>> script = new ConcurrentHashMap<>();
  final List<String> asked = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() {
    for (String name : List.of("ann", "bob", "cy")) {
      resolver.resolve(
          new SourceRecord(
              Map.of("email", name + "@acme.example"), Map.of("plan", "free"), T0, "crm"));
    }
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String email;
            try {
              email = JSON.readTree(request.getBody().utf8()).at("/emails/0").asText();
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
            asked.add(email);
            Deque<MockResponse> answers = script.get(email);
            if (answers == null) {
              return fixture(404, "person-enrich-404.json");
            }
            return answers.size() > 1 ? answers.poll() : answers.peek();
          }
        });
  }

  static MockResponse fixture(int status, String name) {
    return Fixtures.json(FullContactEnrichmentJobTest.class, status, name);
  }

  void answer(String email, MockResponse... answers) {
    script.put(email, new ArrayDeque<>(List.of(answers)));
  }

  Profile profile(String email) {
    return store.get(store.find("email", email).orElseThrow()).orElseThrow().profile();
  }

  Source<Profile> audience() {
    List<Profile> all =
        List.of(
            profile("ann@acme.example"), profile("bob@acme.example"), profile("cy@acme.example"));
    return (from, max) -> {
      int start = from.cursorValue().map(Integer::parseInt).orElse(0);
      int end = Math.min(all.size(), start + max);
      return new Page<>(all.subList(start, end), Checkpoint.at(String.valueOf(end)), end == 3);
    };
  }

  RunSnapshot run(JobRunner runner) throws Exception {
    EnrichmentTask task =
        EnrichmentTask.builder(connector, audience(), resolver).sourceName("fullcontact").build();
    var handle =
        runner
            .job("enrich")
            .orElseGet(
                () ->
                    runner.add(
                        Job.custom(
                                "enrich",
                                connector,
                                ConnectorConfig.parse(
                                    connector.descriptor(),
                                    Map.of(
                                        "endpoint",
                                        server.url("/v3/person.enrich").toString(),
                                        "fields",
                                        "job_title=/title, employer=/details/employment/0/name")),
                                Authorization.bearer(Secret.of("fc-job-k3y")),
                                task)
                            .retry(RetryOptions.builder().jitter(0).build())
                            .restartEachRun(true)
                            .build()));
    return jobs.runNow(handle);
  }

  @Test
  void queuedAndRateLimitedLookups_areAskedAgain_foundPersonsMerged_secondRunFromTheCache()
      throws Exception {
    answer(
        "ann@acme.example",
        fixture(202, "person-enrich-202.json").newBuilder().addHeader("Retry-After", "45").build(),
        fixture(200, "person-enrich-200.json"));
    answer(
        "cy@acme.example",
        new MockResponse.Builder().code(429).build(),
        fixture(200, "person-enrich-200.json"));
    JobRunner runner = jobs.runner(StateStore.inMemory());

    RunSnapshot first = run(runner);

    assertThat(first.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(first.itemsWritten()).isEqualTo(2); // ann and cy; bob is unknown to FullContact
    assertThat(asked)
        .containsExactly(
            "ann@acme.example",
            "ann@acme.example",
            "bob@acme.example",
            "cy@acme.example",
            "cy@acme.example");
    // the rate limit (6,000 a minute) spaces requests 10 ms apart on the runner's clock; the
    // longer waits are the retries'
    assertThat(jobs.clock().sleeps())
        .allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofMillis(10)));
    List<Duration> retryWaits =
        jobs.clock().sleeps().stream().filter(d -> d.compareTo(Duration.ofMillis(10)) > 0).toList();
    assertThat(retryWaits).hasSize(2);
    assertThat(retryWaits.get(0)).isEqualTo(Duration.ofSeconds(45)); // the 202's own wait
    assertThat(profile("ann@acme.example").fields())
        .containsEntry("job_title", "Head of Data")
        .containsEntry("employer", "Acme Analytics")
        .containsEntry("plan", "free");
    assertThat(profile("bob@acme.example").field("job_title")).isEmpty();

    asked.clear();
    RunSnapshot second = run(runner);
    assertThat(second.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(asked).isEmpty(); // found and not-found answers came from the cache
    runner.close();
  }

  @Test
  void refusedKey_failsTheRunAsConfig_afterOneRequest() throws Exception {
    answer("ann@acme.example", fixture(403, "person-enrich-403.json"));
    JobRunner runner = jobs.runner(StateStore.inMemory());

    RunSnapshot run = run(runner);

    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.failure().errorClass()).isEqualTo(ErrorClass.CONFIG);
    assertThat(run.failure().getMessage()).doesNotContain("fc-job-k3y");
    assertThat(asked).containsExactly("ann@acme.example");
    runner.close();
  }
}

package dev.tributary.connectors.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.ErrorClass;
import dev.tributary.core.TributaryException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ItemResult;
import dev.tributary.core.identity.IdentityKey;
import dev.tributary.core.identity.IdentityResolver;
import dev.tributary.core.identity.ProfileStore;
import dev.tributary.core.job.Job;
import dev.tributary.core.job.JobHandle;
import dev.tributary.core.job.JobRunner;
import dev.tributary.core.job.JobState;
import dev.tributary.core.job.RunSnapshot;
import dev.tributary.core.job.RunStatus;
import dev.tributary.core.job.Sink;
import dev.tributary.core.mapping.FieldMapping;
import dev.tributary.core.mapping.FieldRule;
import dev.tributary.core.mapping.FieldType;
import dev.tributary.core.retry.RetryOptions;
import dev.tributary.core.schedule.Schedule;
import dev.tributary.core.state.StateStore;
import dev.tributary.testing.kit.ConnectorCompatibilityKit;
import dev.tributary.testing.time.ManualClock;
import dev.tributary.testing.time.VirtualTimeJobs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * REST import under the runtime, in virtual time: a continuous import on a cadence that is
 * incremental across the cursor boundary, a restart resuming from the directory state store (and
 * starting its pass again when the API refuses a stale page token), 429 retries, 401, bad records.
 */
@Timeout(60)
class RestImportJobTest extends ConnectorCompatibilityKit {
  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  static final String T1 = "2026-11-01T08:00:00Z";
  static final String T2 = "2026-11-02T08:00:00Z";
  static final String T3 = "2026-11-03T08:00:00Z";
  static final String T4 = "2026-11-04T08:00:00Z";

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeUsersApi api = new FakeUsersApi();
  final VirtualTimeJobs jobs = VirtualTimeJobs.startingAt(T0);
  final ManualClock clock = jobs.clock();
  final RestImportConnector connector = RestImportConnector.create();
  final ProfileStore store = ProfileStore.inMemory();
  final IdentityResolver resolver =
      IdentityResolver.builder(store).keys(IdentityKey.email("email")).build();
  final FieldMapping mapping =
      FieldMapping.builder()
          .identity("email", "email")
          .field(FieldRule.of("external_id").from("id"))
          .field(FieldRule.of("updated").from("updated_at").as(FieldType.TIMESTAMP))
          .timestamp("updated_at")
          .build();
  final List<String> committed = new CopyOnWriteArrayList<>();

  @BeforeEach
  void serve() {
    server.setDispatcher(api);
  }

  @Override
  protected RestImportConnector connector() {
    return connector;
  }

  @Override
  protected Map<String, String> configuration() {
    Map<String, String> c = new HashMap<>();
    c.put("endpoint", server.url("/users").toString());
    c.put("pagination", "page_token");
    c.put("records_pointer", "/data");
    c.put("page_size", "2");
    c.put("page_size_param", "limit");
    c.put("incremental_field", "updated_at");
    c.put("incremental_param", "updated_since");
    return c;
  }

  @Override
  protected Authorization authorization() {
    return Authorization.bearer(Secret.of("import-t0ken-value"));
  }

  @Override
  protected void exerciseOnce(ConnectorContext context) {
    connector.read(context, Checkpoint.initial());
  }

  @Override
  protected boolean failNextCall(int status, @Nullable Integer retryAfterSeconds) {
    AtomicInteger once = new AtomicInteger();
    api.override =
        r ->
            once.getAndIncrement() == 0
                ? new MockResponse.Builder()
                    .code(status)
                    .addHeader("Retry-After", String.valueOf(retryAfterSeconds))
                    .build()
                : null;
    return true;
  }

  /** Maps and resolves each record; a record without an identifier is rejected, not fatal. */
  final Sink<Map<String, @Nullable Object>> sink =
      records -> {
        List<ItemResult> results = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
          try {
            resolver.resolve(mapping.apply(records.get(i)).toSourceRecord("api", clock.instant()));
            committed.add(String.valueOf(records.get(i).get("id")));
            results.add(ItemResult.ok(i));
          } catch (TributaryException e) {
            results.add(ItemResult.failed(i, e));
          }
        }
        return new BatchResult(results);
      };

  JobHandle add(JobRunner runner, RetryOptions retry) {
    return runner.add(
        Job.importing(
                "users",
                connector,
                ConnectorConfig.parse(connector.descriptor(), configuration()),
                authorization(),
                sink)
            .schedule(Schedule.parse("every 15m"))
            .retry(retry)
            .build());
  }

  static RetryOptions noJitter() {
    return RetryOptions.builder().jitter(0).build();
  }

  /** Answers every request for a continuation page (one with a page token) with {@code status}. */
  void failContinuationPages(int status) {
    api.override =
        r ->
            r.getTarget().contains("page_token")
                ? new MockResponse.Builder().code(status).build()
                : null;
  }

  /**
   * Runs the job once, when it first falls due, without retries, on a runner keeping its state in
   * {@code state}; then ends that runner, as the process would end.
   */
  void firstRunWithoutRetries(Path state) throws InterruptedException {
    JobRunner first = jobs.runner(StateStore.directory(state));
    add(first, RetryOptions.builder().maxAttempts(1).build());
    jobs.advance(Duration.ofMinutes(15));
    first.close();
  }

  String email(String id) {
    return store.find("email", id + "@example.com").orElseThrow();
  }

  @Test
  void continuousImport_readsOnlyWhatChanged_andNothingIsLostOrRepeatedAtTheBoundary() {
    api.add("u1", T1);
    api.add("u2", T2);
    api.add("u3", T2);
    add(jobs.runner(StateStore.inMemory()), noJitter());

    jobs.advance(Duration.ofMinutes(15));
    assertThat(committed).containsExactly("u1", "u2", "u3");

    api.add("u4", T2); // arrives later with the boundary's very time stamp
    api.add("u5", T3);
    api.users.set(0, new FakeUsersApi.User("u1", "u1@example.com", T4)); // u1 changed
    api.targets.clear();
    jobs.advance(Duration.ofMinutes(15));

    assertThat(committed).containsExactly("u1", "u2", "u3", "u4", "u5", "u1");
    assertThat(api.targets.get(0))
        .isEqualTo("/users?limit=2&updated_since=2026-11-02T08%3A00%3A00Z");
    assertThat(jobs.finished()).extracting(RunSnapshot::status).containsOnly(RunStatus.SUCCEEDED);
    assertThat(jobs.finished().get(1).itemsRead())
        .isEqualTo(3); // u2 and u3 were skipped, not read again
    assertThat(store.size()).isEqualTo(5);
    assertThat(store.get(email("u1")).orElseThrow().profile().field("updated"))
        .contains(Instant.parse(T4));
  }

  @Test
  void recordCommittedAtTheBoundaryAndChangedSince_isReadAgain_evenAfterAnotherRaisedTheHigh() {
    api.add("u1", T1);
    api.add("u2", T2);
    add(jobs.runner(StateStore.inMemory()), noJitter());
    jobs.advance(Duration.ofMinutes(15)); // checkpoint: high T2, seen {u2}

    api.add("u0", T3); // sorts before u2 at T3, raising the high first
    api.users.set(1, new FakeUsersApi.User("u2", "u2@example.com", T3));
    jobs.advance(Duration.ofMinutes(15));

    assertThat(committed).containsExactly("u1", "u2", "u0", "u2");
  }

  @Test
  void restartAfterAFailedRun_resumesFromTheSavedPageToken(@TempDir Path state) throws Exception {
    api.add("u1", T1);
    api.add("u2", T2);
    api.add("u3", T3);
    failContinuationPages(500);
    firstRunWithoutRetries(state);
    assertThat(jobs.finished().get(0).status()).isEqualTo(RunStatus.FAILED);
    assertThat(committed).containsExactly("u1", "u2");

    api.override = r -> null;
    api.targets.clear();
    JobRunner second = jobs.runner(StateStore.directory(state));
    RunSnapshot run = jobs.runNow(add(second, noJitter()));

    assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(api.targets.get(0)).isEqualTo("/users?limit=2&page_token=tok-2");
    assertThat(committed).containsExactly("u1", "u2", "u3");
    second.close();
  }

  @Test
  void staleTokenAfterARestart_startsThePassAgain_losingNothing(@TempDir Path state)
      throws Exception {
    api.add("u1", T1);
    api.add("u2", T2);
    api.add("u3", T3);
    failContinuationPages(503);
    firstRunWithoutRetries(state);

    AtomicInteger refusals = new AtomicInteger();
    api.override =
        r ->
            r.getTarget().contains("page_token") && refusals.getAndIncrement() == 0
                ? new MockResponse.Builder().code(400).body("{\"error\":\"token expired\"}").build()
                : null;
    api.targets.clear();
    JobRunner second = jobs.runner(StateStore.directory(state));
    RunSnapshot run = jobs.runNow(add(second, noJitter()));

    assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(api.targets).first().isEqualTo("/users?limit=2&page_token=tok-2");
    assertThat(committed).containsAll(List.of("u1", "u2", "u3"));
    assertThat(store.size()).isEqualTo(3);
    assertThat(api.targets).element(1).isEqualTo("/users?limit=2"); // the pass from its start
    second.close();
  }

  @Test
  void continuationRefusedAgainAfterARestart_failsTheRunInsteadOfLooping() {
    api.add("u1", T1);
    api.add("u2", T2);
    api.add("u3", T3);
    failContinuationPages(400);
    add(jobs.runner(StateStore.inMemory()), noJitter());

    jobs.advance(Duration.ofMinutes(15));

    assertThat(jobs.finished().get(0).status()).isEqualTo(RunStatus.FAILED);
    assertThat(jobs.finished().get(0).failure().errorClass()).isEqualTo(ErrorClass.VALIDATION);
    assertThat(api.targets).hasSizeLessThan(6);
  }

  @Test
  void rateLimitedPage_isRetriedAfterItsRetryAfter() {
    api.add("u1", T1);
    failNextCall(429, 5);
    add(jobs.runner(StateStore.inMemory()), noJitter());

    jobs.advance(Duration.ofMinutes(15));

    assertThat(committed).containsExactly("u1");
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(5));
    assertThat(jobs.finished().get(0).errors(ErrorClass.TRANSIENT)).isEqualTo(1);
  }

  @Test
  void unauthorized_failsAsConfig_andPausesTheImport() {
    api.override = r -> new MockResponse.Builder().code(401).build();
    JobHandle job = add(jobs.runner(StateStore.inMemory()), noJitter());

    jobs.advance(Duration.ofMinutes(15));

    assertThat(jobs.finished().get(0).failure().errorClass()).isEqualTo(ErrorClass.CONFIG);
    assertThat(job.state()).isEqualTo(JobState.PAUSED);
    assertThat(api.targets).hasSize(1);
  }

  @Test
  void recordWithoutIdentifier_isRejected_andTheRestImports() {
    api.add("u1", T1);
    api.users.add(new FakeUsersApi.User("nobody", "", T2));
    api.add("u3", T3);
    add(jobs.runner(StateStore.inMemory()), noJitter());

    jobs.advance(Duration.ofMinutes(15));

    assertThat(committed).containsExactly("u1", "u3");
    assertThat(jobs.finished().get(0).itemsRejected()).isEqualTo(1);
    assertThat(jobs.rejected()).hasSize(1);
  }
}

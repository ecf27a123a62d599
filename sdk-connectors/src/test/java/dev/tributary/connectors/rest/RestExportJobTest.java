package dev.tributary.connectors.rest;

import static dev.tributary.connectors.testutil.Answers.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.job.Job;
import dev.tributary.core.job.JobHandle;
import dev.tributary.core.job.JobRunner;
import dev.tributary.core.job.JobState;
import dev.tributary.core.job.RunSnapshot;
import dev.tributary.core.job.RunStatus;
import dev.tributary.core.job.TriggerHandle;
import dev.tributary.core.job.TriggeredJob;
import dev.tributary.core.model.AudienceChange;
import dev.tributary.core.model.Profile;
import dev.tributary.core.retry.RetryOptions;
import dev.tributary.core.schedule.Schedule;
import dev.tributary.core.state.StateStore;
import dev.tributary.core.trigger.Trigger;
import dev.tributary.testing.TestSources;
import dev.tributary.testing.kit.ConnectorCompatibilityKit;
import dev.tributary.testing.time.ManualClock;
import dev.tributary.testing.time.VirtualTimeJobs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST export under the runtime: scheduled jobs in virtual time (manual clock and scheduler, no
 * sleeps), retries of 429 and 5xx honouring Retry-After, per-item and bisected rejections, a 401
 * pausing the job, a restart resuming from the directory state store, and a triggered job with
 * backfill.
 */
@Timeout(60)
class RestExportJobTest extends ConnectorCompatibilityKit {
  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();

  @StartStop final MockWebServer server = new MockWebServer();
  final VirtualTimeJobs jobs = VirtualTimeJobs.startingAt(T0);
  final ManualClock clock = jobs.clock();
  final RestExportConnector<Profile> connector =
      RestExportConnector.profiles().maxBatchSize(2).build();
  final List<String> sentIds = new CopyOnWriteArrayList<>();

  @Override
  protected RestExportConnector<Profile> connector() {
    return connector;
  }

  @Override
  protected Map<String, String> configuration() {
    return Map.of("endpoint", server.url("/v1/members").toString(), "results_pointer", "/results");
  }

  @Override
  protected Authorization authorization() {
    return Authorization.apiKeyHeader("X-Api-Key", Secret.of("k3y-for-the-job-test"));
  }

  boolean failurePending;

  @Override
  protected void exerciseOnce(ConnectorContext context) {
    if (!failurePending) {
      answer(ids -> ok());
    }
    failurePending = false;
    connector.write(context, List.of(person("p1")));
  }

  @Override
  protected boolean failNextCall(int status, @Nullable Integer retryAfterSeconds) {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder()
                .code(status)
                .addHeader("Retry-After", String.valueOf(retryAfterSeconds))
                .build();
          }
        });
    failurePending = true;
    return true;
  }

  /** Answers each request with {@code answer(ids in the body)}, recording the ids. */
  void answer(Function<List<String>, MockResponse> answer) {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            List<String> ids = new ArrayList<>();
            try {
              for (JsonNode item : JSON.readTree(request.getBody().utf8()).path("items")) {
                ids.add(
                    item.has("profile")
                        ? item.at("/profile/id").asText() + ":" + item.path("change").asText()
                        : item.path("id").asText());
              }
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
            sentIds.add(String.join(",", ids));
            return answer.apply(ids);
          }
        });
  }

  static MockResponse ok() {
    return json(200, "{}");
  }

  static MockResponse status(int code, String retryAfter) {
    return new MockResponse.Builder().code(code).addHeader("Retry-After", retryAfter).build();
  }

  static Profile person(String id) {
    return Profile.builder(id).identity("email", id + "@example.com").audience("vip").build();
  }

  static final List<Profile> AUDIENCE =
      List.of(person("p1"), person("p2"), person("p3"), person("p4"), person("p5"));

  ConnectorConfig config() {
    return ConnectorConfig.parse(connector.descriptor(), configuration());
  }

  JobHandle add(JobRunner runner, RetryOptions retry) {
    return runner.add(
        Job.exporting(
                "vip-export", connector, config(), authorization(), TestSources.paged(AUDIENCE))
            .schedule(Schedule.parse("every 1h"))
            .retry(retry)
            .build());
  }

  RetryOptions noJitter() {
    return RetryOptions.builder().jitter(0).build();
  }

  @Test
  void scheduledRun_retries429And503AfterRetryAfter_andReportsPerItemRejections() {
    List<MockResponse> script =
        new ArrayList<>(
            List.of(
                status(429, "7"),
                ok(),
                status(503, "20"),
                json(
                    200,
                    "{\"results\":[{\"status\":201},{\"status\":422,\"error\":\"bad email\"}]}"),
                ok()));
    answer(ids -> script.remove(0));
    add(jobs.runner(StateStore.inMemory()), noJitter());

    jobs.advance(Duration.ofHours(1));

    assertThat(sentIds).containsExactly("p1,p2", "p1,p2", "p3,p4", "p3,p4", "p5");
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(20));
    RunSnapshot run = jobs.finished().get(0);
    assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(run.itemsRead()).isEqualTo(5);
    assertThat(run.itemsWritten()).isEqualTo(4);
    assertThat(run.itemsRejected()).isEqualTo(1);
    assertThat(run.bytes()).isGreaterThan(0);
    assertThat(jobs.rejected(Profile.class, Profile::id))
        .containsExactly("p4: item 1 rejected by POST /v1/members: HTTP 422: bad email");
  }

  @Test
  void configuredRateLimit_isEnforcedByTheRuntime() throws Exception {
    answer(ids -> ok());
    Map<String, String> values = new java.util.HashMap<>(configuration());
    values.put("rate_limit_requests", "1");
    values.put("rate_limit_interval", "1h");
    JobHandle limited =
        jobs.runner(StateStore.inMemory())
            .add(
                Job.exporting(
                        "limited",
                        connector,
                        ConnectorConfig.parse(connector.descriptor(), values),
                        authorization(),
                        TestSources.paged(AUDIENCE))
                    .build());
    assertThat(jobs.runNow(limited).status()).isEqualTo(RunStatus.SUCCEEDED);

    assertThat(sentIds).containsExactly("p1,p2", "p3,p4", "p5");
    assertThat(clock.sleeps()) // one request an hour: the second waits ~1 h, the third ~2 h
        .hasSize(2)
        .allSatisfy(d -> assertThat(d).isGreaterThan(Duration.ofMinutes(59)));
  }

  @Test
  void perItemRetryableFailure_sendsOnlyThatItemAgain() {
    List<MockResponse> script =
        new ArrayList<>(
            List.of(
                json(200, "{\"results\":[{\"status\":200},{\"status\":429,\"retry_after\":3}]}"),
                ok(),
                ok(),
                ok()));
    answer(ids -> script.remove(0));
    add(jobs.runner(StateStore.inMemory()), noJitter());

    jobs.advance(Duration.ofHours(1));

    assertThat(sentIds).containsExactly("p1,p2", "p2", "p3,p4", "p5");
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(3));
    assertThat(jobs.finished().get(0).itemsWritten()).isEqualTo(5);
    assertThat(jobs.finished().get(0).itemsRetried()).isEqualTo(1);
  }

  @Test
  void badRequestForOneItem_isIsolatedBySplittingTheBatch() {
    answer(ids -> ids.contains("p3") ? json(400, "{\"message\":\"invalid\"}") : ok());
    add(jobs.runner(StateStore.inMemory()), noJitter());

    jobs.advance(Duration.ofHours(1));

    assertThat(sentIds).containsExactly("p1,p2", "p3,p4", "p3", "p4", "p5");
    assertThat(jobs.finished().get(0).itemsWritten()).isEqualTo(4);
    assertThat(jobs.rejected(Profile.class, Profile::id))
        .singleElement()
        .asString()
        .startsWith("p3: HTTP 400 from POST /v1/members");
  }

  @Test
  void unauthorized_failsTheRunAsConfig_andPausesTheJob() {
    answer(ids -> json(401, "{}"));
    JobHandle job = add(jobs.runner(StateStore.inMemory()), noJitter());

    jobs.advance(Duration.ofHours(1));

    RunSnapshot run = jobs.finished().get(0);
    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.failure().errorClass()).isEqualTo(ErrorClass.CONFIG);
    assertThat(run.failure().getMessage()).doesNotContain("k3y-for-the-job-test");
    assertThat(job.state()).isEqualTo(JobState.PAUSED);
    assertThat(sentIds).hasSize(1);
    assertThat(clock.sleeps()).isEmpty();
  }

  @Test
  void restartAfterAFailedRun_resumesAtTheBatchThatFailed(@TempDir Path state) throws Exception {
    answer(ids -> ids.contains("p3") ? status(503, "1") : ok());
    JobRunner first = jobs.runner(StateStore.directory(state));
    add(first, RetryOptions.builder().maxAttempts(2).jitter(0).build());
    jobs.advance(Duration.ofHours(1));
    assertThat(jobs.finished().get(0).status()).isEqualTo(RunStatus.FAILED);
    first.close(); // the process goes away; only the state directory survives

    answer(ids -> ok());
    sentIds.clear();
    JobRunner second = jobs.runner(StateStore.directory(state));
    RunSnapshot resumed = jobs.runNow(add(second, noJitter()));

    assertThat(sentIds).containsExactly("p3,p4", "p5");
    assertThat(resumed.status()).isEqualTo(RunStatus.SUCCEEDED);
    second.close();
  }

  @Test
  void triggeredJob_backfillsTheAudience_thenDeliversLiveChanges() throws Exception {
    answer(ids -> ok());
    RestExportConnector<AudienceChange> changes =
        RestExportConnector.audienceChanges().maxBatchSize(10).build();
    ConnectorConfig config =
        ConnectorConfig.parse(
            changes.descriptor(), Map.of("endpoint", server.url("/v1/audience").toString()));
    try (JobRunner runner = JobRunner.builder().sleeper(clock).build()) {
      TriggerHandle live =
          runner.add(
              TriggeredJob.builder(
                      "vip-sync",
                      changes,
                      config,
                      authorization(),
                      Trigger.onAudiences("vip").backfill(true).build())
                  .backfillFrom(TestSources.paged(AUDIENCE.subList(0, 3)))
                  .build());
      live.backfillCompletion().get(30, TimeUnit.SECONDS);
      live.offer(AudienceChange.exited("vip", person("p2"), T0));
      live.offer(AudienceChange.entered("vip", person("p9"), T0));
      live.flush().get(30, TimeUnit.SECONDS);
    }

    assertThat(sentIds).containsExactly("p1:entered,p2:entered,p3:entered", "p2:exited,p9:entered");
    RecordedRequest first = server.takeRequest();
    assertThat(first.getTarget()).isEqualTo("/v1/audience");
    assertThat(first.getHeaders().get("X-Api-Key")).isEqualTo("k3y-for-the-job-test");
  }
}

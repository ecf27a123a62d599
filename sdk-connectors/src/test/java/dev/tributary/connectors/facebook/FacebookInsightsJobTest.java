package dev.tributary.connectors.facebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.connectors.testutil.FailOnce;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.job.Job;
import dev.tributary.core.job.JobHandle;
import dev.tributary.core.job.JobRunner;
import dev.tributary.core.job.JobState;
import dev.tributary.core.job.RunSnapshot;
import dev.tributary.core.job.RunStatus;
import dev.tributary.core.job.Sink;
import dev.tributary.core.model.Metric;
import dev.tributary.core.retry.RetryOptions;
import dev.tributary.core.schedule.Schedule;
import dev.tributary.core.state.StateStore;
import dev.tributary.testing.time.VirtualTimeJobs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The insights import under the runtime, in virtual time: a daily import that reads each new day
 * and restates recent ones, a restart after a crash going on with the same report run and page,
 * throttling waited out as Meta's headers say, and an expired token pausing the job.
 */
@Timeout(60)
class FacebookInsightsJobTest extends FacebookFixture {
  final FakeGraphApi api = new FakeGraphApi();
  final VirtualTimeJobs jobs = VirtualTimeJobs.on(clock);
  final List<String> committed = new CopyOnWriteArrayList<>();
  final Sink<Metric> sink =
      Sink.of(
          page -> page.forEach(m -> committed.add(m.dimensions().get("date") + "=" + m.value())));

  @BeforeEach
  void serve() {
    server.setDispatcher(api);
    settings.put("fields", "impressions");
    settings.put("initial_days", "3");
    settings.put("restate_days", "2");
    settings.put("page_size", "2");
  }

  @Override
  protected void exerciseOnce(ConnectorContext context) {
    connector.read(context, Checkpoint.initial());
  }

  @Override
  protected boolean failNextCall(int status, @Nullable Integer retryAfterSeconds) {
    api.override = new FailOnce(status, retryAfterSeconds);
    return true;
  }

  JobHandle add(JobRunner runner, RetryOptions retry) {
    return runner.add(
        Job.importing(
                "facebook-insights",
                connector,
                ConnectorConfig.parse(connector.descriptor(), configuration()),
                authorization(),
                sink)
            .schedule(Schedule.parse("daily 06:00 Europe/Berlin"))
            .retry(retry)
            .build());
  }

  static RetryOptions noJitter() {
    return RetryOptions.builder().jitter(0).build();
  }

  @Test
  void aDailyImport_readsEachNewDay_andReadsTheRecentOnesAgain() {
    add(jobs.runner(StateStore.inMemory()), noJitter());

    jobs.advance(Duration.ofDays(1)); // 2026-12-02 06:00 Berlin: up to 2026-12-01
    assertThat(committed)
        .containsExactly("2026-11-29=2900.0", "2026-11-30=3000.0", "2026-12-01=100.0");

    committed.clear();
    jobs.advance(Duration.ofDays(1)); // 2026-12-03: the last two days again, and 12-02

    assertThat(committed)
        .containsExactly("2026-11-30=3000.0", "2026-12-01=100.0", "2026-12-02=200.0");
    assertThat(api.timeRanges)
        .containsExactly(
            "{\"since\":\"2026-11-29\",\"until\":\"2026-12-01\"}",
            "{\"since\":\"2026-11-30\",\"until\":\"2026-12-02\"}");
    assertThat(jobs.finished()).extracting(RunSnapshot::status).containsOnly(RunStatus.SUCCEEDED);
    assertThat(jobs.finished().get(0).itemsRead()).isEqualTo(3);
    assertThat(clock.sleeps()).containsOnly(ReportRuns.FIRST_WAIT); // one look while "running"
  }

  @Test
  void aRestartAfterACrash_goesOnWithTheSameReportAndPage(@TempDir Path state) throws Exception {
    api.override =
        r -> r.getTarget().contains("after=") ? new MockResponse.Builder().code(500).build() : null;
    JobRunner first = jobs.runner(StateStore.directory(state));
    add(first, RetryOptions.builder().maxAttempts(1).build());
    jobs.advance(Duration.ofDays(1));
    assertThat(jobs.finished().get(0).status()).isEqualTo(RunStatus.FAILED);
    assertThat(committed).containsExactly("2026-11-29=2900.0", "2026-11-30=3000.0");
    first.close();

    api.override = r -> null;
    api.requests.clear();
    JobRunner second = jobs.runner(StateStore.directory(state));
    RunSnapshot run = jobs.runNow(add(second, noJitter()));

    assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(api.requests).containsExactly("GET /v23.0/r1/insights?limit=2&after=c2");
    assertThat(committed)
        .containsExactly("2026-11-29=2900.0", "2026-11-30=3000.0", "2026-12-01=100.0");
    second.close();
  }

  @Test
  void aCrashWhileMetaPreparesTheReport_waitsForTheSameReportAfterTheRestart(@TempDir Path state)
      throws Exception {
    AtomicInteger polls = new AtomicInteger();
    api.override =
        r ->
            r.getTarget().equals("/v23.0/r1") && polls.getAndIncrement() == 0
                ? new MockResponse.Builder().code(503).build()
                : null;
    JobRunner first = jobs.runner(StateStore.directory(state));
    add(first, RetryOptions.builder().maxAttempts(1).build());
    jobs.advance(Duration.ofDays(1));
    assertThat(jobs.finished().get(0).status()).isEqualTo(RunStatus.FAILED);
    first.close();

    api.requests.clear();
    JobRunner second = jobs.runner(StateStore.directory(state));
    RunSnapshot run = jobs.runNow(add(second, noJitter()));

    assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(api.requests).first().isEqualTo("GET /v23.0/r1");
    assertThat(api.requests).noneMatch(r -> r.startsWith("POST"));
    assertThat(api.runs).hasSize(1);
    assertThat(committed).hasSize(3);
    second.close();
  }

  @Test
  void throttling_isWaitedOutForTheTimeMetasHeaderEstimates() {
    AtomicInteger posts = new AtomicInteger();
    api.override =
        r ->
            r.getMethod().equals("POST") && posts.getAndIncrement() == 0
                ? json(400, fixture("error-insights-throttled.json"))
                    .newBuilder()
                    .addHeader(
                        "X-Business-Use-Case-Usage",
                        "{\"1234567890\":[{\"type\":\"ads_insights\","
                            + "\"estimated_time_to_regain_access\":2}]}")
                    .build()
                : null;
    add(jobs.runner(StateStore.inMemory()), noJitter());

    jobs.advance(Duration.ofDays(1));

    assertThat(jobs.finished().get(0).status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(jobs.finished().get(0).errors(ErrorClass.TRANSIENT)).isEqualTo(1);
    assertThat(clock.sleeps()).contains(Duration.ofMinutes(2));
    assertThat(committed).hasSize(3);
  }

  @Test
  void anExpiredToken_failsTheRunAsConfig_andPausesTheJob() {
    api.override = r -> json(400, fixture("error-expired-token.json"));
    JobHandle job = add(jobs.runner(StateStore.inMemory()), noJitter());

    jobs.advance(Duration.ofDays(1));

    assertThat(jobs.finished().get(0).failure().errorClass()).isEqualTo(ErrorClass.CONFIG);
    assertThat(jobs.finished().get(0).failure().getMessage())
        .contains("expired")
        .doesNotContain(TOKEN);
    assertThat(job.state()).isEqualTo(JobState.PAUSED);
    assertThat(api.requests).hasSize(1);
  }
}

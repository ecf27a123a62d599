package dev.tributary.connectors.amplitude;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.ErrorClass;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.identity.IdentityKey;
import dev.tributary.core.identity.IdentityResolver;
import dev.tributary.core.identity.ProfileStore;
import dev.tributary.core.job.Job;
import dev.tributary.core.job.JobHandle;
import dev.tributary.core.job.JobRunner;
import dev.tributary.core.job.JobState;
import dev.tributary.core.job.RunSnapshot;
import dev.tributary.core.job.RunStatus;
import dev.tributary.core.model.Profile;
import dev.tributary.core.retry.RetryOptions;
import dev.tributary.core.schedule.Schedule;
import dev.tributary.core.state.StateStore;
import dev.tributary.testing.time.ManualClock;
import dev.tributary.testing.time.VirtualTimeJobs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cohort import under the runtime, in virtual time: daily at a time of day, waiting for the
 * cohort to be computed, members and leavers resolved into profiles, a crash mid-import resumed
 * without requesting again, and expired credentials pausing the job.
 */
@Timeout(60)
class AmplitudeCohortJobTest {
  /** An hour before the daily 06:00 Europe/London run (London keeps GMT in December). */
  static final Instant T0 = Instant.parse("2026-12-01T05:00:00Z");

  @StartStop final MockWebServer server = new MockWebServer();
  @TempDir Path downloads;
  final FakeAmplitude api = new FakeAmplitude();
  final VirtualTimeJobs jobs = VirtualTimeJobs.startingAt(T0);
  final ManualClock clock = jobs.clock();
  final AmplitudeCohortImportConnector connector = AmplitudeCohortImportConnector.create();
  final ProfileStore store = ProfileStore.inMemory();
  final IdentityResolver resolver =
      IdentityResolver.builder(store)
          .keys(IdentityKey.trimmed("user_id"), IdentityKey.trimmed("amplitude_id"))
          .build();
  final Map<String, String> settings = new HashMap<>();

  @BeforeEach
  void serve() {
    server.setDispatcher(api);
    settings.put("endpoint", server.url("/").toString());
    settings.put("cohort_id", FakeAmplitude.COHORT);
    settings.put("download_directory", downloads.toString());
    settings.put("page_size", "2");
  }

  JobHandle add(JobRunner runner, RetryOptions retry) {
    ConnectorConfig config = ConnectorConfig.parse(connector.descriptor(), settings);
    return runner.add(
        Job.importing(
                "power-users",
                connector,
                config,
                Authorization.basic("amp-key", Secret.of("amp-secret")),
                CohortMembers.builder(resolver).build())
            .schedule(Schedule.parse("daily 06:00 Europe/London"))
            .retry(retry)
            .build());
  }

  RetryOptions polling() {
    return AmplitudeCohortImportConnector.retryOptions(
        ConnectorConfig.parse(connector.descriptor(), settings));
  }

  Profile byUser(String userId) {
    return store.get(store.find("user_id", userId).orElseThrow()).orElseThrow().profile();
  }

  Profile byAmplitudeId(String id) {
    return store.get(store.find("amplitude_id", id).orElseThrow()).orElseThrow().profile();
  }

  @Test
  void dailyImport_waitsForTheCohort_thenResolvesMembers_andNextDayThoseWhoLeft() {
    api.pendingPolls = 2;
    add(jobs.runner(StateStore.inMemory()), polling());

    jobs.advance(Duration.ofHours(1));

    assertThat(jobs.finished()).hasSize(1);
    assertThat(jobs.finished().get(0).status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(jobs.finished().get(0).itemsWritten()).isEqualTo(3);
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(15), Duration.ofSeconds(15));
    assertThat(byUser("user-2").fields()).containsEntry("amplitude_cohort_abc123", true);
    assertThat(byAmplitudeId("356896327775").identities()).doesNotContainKey("user_id");

    api.pendingPolls = 0;
    api.csv = "\"amplitude_id\",\"user_id\"\n\"356893815360\",\"user-3\"\n";
    jobs.advance(Duration.ofDays(1));

    assertThat(jobs.finished()).hasSize(2);
    assertThat(jobs.finished().get(1).itemsWritten()).isEqualTo(3); // 1 member, 2 who left
    assertThat(byUser("user-2").fields()).containsEntry("amplitude_cohort_abc123", false);
    assertThat(byUser("user-3").fields()).containsEntry("amplitude_cohort_abc123", true);
    assertThat(byUser("user-2").updatedAt()).contains(Instant.parse("2026-12-02T06:00:00Z"));
    assertThat(api.cohortRequests()).isEqualTo(2);
  }

  @Test
  void crashMidImport_resumesAtTheCommittedPage_withoutRequestingTheCohortAgain(@TempDir Path state)
      throws Exception {
    api.csv =
        "\"amplitude_id\",\"user_id\"\n\"1\",\"u1\"\n\"2\",\"u2\"\n\"3\",\"u3\"\n\"4\",\"u4\"\n";
    AtomicInteger commits = new AtomicInteger();
    JobRunner first = jobs.runner(StateStore.directory(state));
    ConnectorConfig config = ConnectorConfig.parse(connector.descriptor(), settings);
    CohortMembers sink = CohortMembers.builder(resolver).build();
    first.add(
        Job.importing(
                "power-users",
                connector,
                config,
                Authorization.basic("amp-key", Secret.of("amp-secret")),
                records -> {
                  if (commits.incrementAndGet() == 2) {
                    throw new IllegalStateException("the host's store crashed");
                  }
                  return sink.commit(records);
                })
            .schedule(Schedule.parse("daily 06:00 Europe/London"))
            .retry(RetryOptions.noRetries())
            .build());
    jobs.advance(Duration.ofHours(1));
    assertThat(jobs.finished().get(0).status()).isEqualTo(RunStatus.FAILED);
    assertThat(store.size()).isEqualTo(2);
    first.close();

    JobRunner second = jobs.runner(StateStore.directory(state));
    RunSnapshot run = jobs.runNow(add(second, polling()));

    assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(jobs.finished().get(1).itemsWritten()).isEqualTo(2);
    assertThat(store.size()).isEqualTo(4);
    assertThat(api.cohortRequests()).isEqualTo(1);
    assertThat(api.targets()).filteredOn(t -> t.endsWith("/file")).hasSize(1);
    second.close();
  }

  @Test
  void expiredCredentials_failAsConfig_andPauseTheJob() {
    api.override =
        r -> new MockResponse.Builder().code(401).body("Invalid API key or secret").build();
    JobHandle job = add(jobs.runner(StateStore.inMemory()), polling());

    jobs.advance(Duration.ofHours(1));

    assertThat(jobs.finished().get(0).failure().errorClass()).isEqualTo(ErrorClass.CONFIG);
    assertThat(jobs.finished().get(0).failure().getMessage()).doesNotContain("amp-secret");
    assertThat(job.state()).isEqualTo(JobState.PAUSED);
    assertThat(api.requests).hasSize(1);
  }

  @Test
  void rateLimitedStatusCalls_areRetried_withAndWithoutRetryAfter() {
    AtomicInteger statusCalls = new AtomicInteger();
    api.override =
        r -> {
          if (!r.getTarget().contains("request-status")) {
            return null;
          }
          return switch (statusCalls.getAndIncrement()) {
            case 0 -> new MockResponse.Builder().code(429).addHeader("Retry-After", "20").build();
            case 1 -> new MockResponse.Builder().code(429).build();
            default -> null;
          };
        };
    add(jobs.runner(StateStore.inMemory()), RetryOptions.builder().jitter(0).build());

    jobs.advance(Duration.ofHours(1));

    assertThat(jobs.finished().get(0).status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(20), Duration.ofSeconds(2));
    assertThat(store.size()).isEqualTo(3);
  }
}

package dev.tributary.connectors.sendgrid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.connectors.testutil.Fixtures;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.job.Job;
import dev.tributary.core.job.JobHandle;
import dev.tributary.core.job.JobRunner;
import dev.tributary.core.job.JobState;
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
import dev.tributary.testing.time.ManualClock;
import dev.tributary.testing.time.VirtualTimeJobs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The SendGrid export under the runtime: an audience trigger with backfill through the
 * micro-batcher, and a scheduled export in virtual time meeting a 429 that only says when the rate
 * limit resets, a contact SendGrid refuses, and a revoked key pausing the job.
 */
@Timeout(60)
class SendGridJobTest {
  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeSendGrid api = new FakeSendGrid();
  final VirtualTimeJobs jobs = VirtualTimeJobs.startingAt(T0);
  final ManualClock clock = jobs.clock();

  @BeforeEach
  void serve() {
    server.setDispatcher(api);
  }

  static Profile person(String id, String... audiences) {
    Profile.Builder b = Profile.builder(id).identity("email", id + "@example.com");
    for (String a : audiences) {
      b.audience(a);
    }
    return b.build();
  }

  ConnectorConfig config(SendGridExportConnector<?> connector) {
    return ConnectorConfig.parse(
        connector.descriptor(), Map.of("endpoint", server.url("/").toString()));
  }

  static Authorization key(String key) {
    return Authorization.bearer(Secret.of(key));
  }

  @Test
  void audienceTrigger_backfillsTheMembers_thenKeepsFieldAndSegmentsInStepWithLiveChanges()
      throws Exception {
    SendGridExportConnector<AudienceChange> connector =
        SendGridExportConnector.audienceChanges().build();
    List<Profile> members = List.of(person("p1", "vip"), person("p2", "vip"), person("p3", "vip"));
    try (JobRunner runner = JobRunner.builder().sleeper(clock).build()) {
      TriggerHandle live =
          runner.add(
              TriggeredJob.builder(
                      "sendgrid-vip",
                      connector,
                      config(connector),
                      key(FakeSendGrid.KEY),
                      Trigger.onAudiences("vip", "churn_risk").backfill(true).build())
                  .backfillFrom(TestSources.paged(members))
                  .build());
      live.backfillCompletion().get(30, TimeUnit.SECONDS);
      assertThat(api.segmentMembers("vip")).hasSize(3);

      live.offer(AudienceChange.exited("vip", person("p2"), T0));
      live.offer(AudienceChange.entered("vip", person("p9", "vip"), T0));
      live.offer(AudienceChange.entered("churn_risk", person("p1", "vip", "churn_risk"), T0));
      live.flush().get(30, TimeUnit.SECONDS);
    }

    assertThat(api.upsertSizes).containsExactly(3, 3);
    assertThat(Fixtures.parse(api.upserts().get(1).getBody().utf8()).findValuesAsText("email"))
        .containsExactlyInAnyOrder("p1@example.com", "p2@example.com", "p9@example.com");
    assertThat(api.segmentMembers("vip"))
        .containsExactly("p1@example.com", "p3@example.com", "p9@example.com");
    assertThat(api.segmentMembers("churn_risk")).containsExactly("p1@example.com");
    assertThat(api.field("p1@example.com", "tributary_audiences")).isEqualTo(",churn_risk,vip,");
    assertThat(api.field("p2@example.com", "tributary_audiences")).isEqualTo(",");
  }

  JobHandle nightly(JobRunner runner, String key, List<Profile> profiles) {
    SendGridExportConnector<Profile> connector = SendGridExportConnector.profiles().build();
    return runner.add(
        Job.exporting(
                "sendgrid-nightly",
                connector,
                config(connector),
                key(key),
                TestSources.paged(profiles))
            .schedule(Schedule.parse("every 1d"))
            .retry(RetryOptions.builder().jitter(0).build())
            .build());
  }

  @Test
  void scheduledExport_rateLimitedWithOnlyXRateLimitReset_waitsUntilTheReset() {
    AtomicInteger puts = new AtomicInteger();
    api.override =
        r ->
            r.getMethod().equals("PUT") && puts.getAndIncrement() == 0
                ? new MockResponse.Builder()
                    .code(429)
                    .addHeader("X-RateLimit-Reset", clock.instant().getEpochSecond() + 20)
                    .body(Fixtures.text("sendgrid/error-429.json"))
                    .build()
                : null;
    nightly(
        jobs.runner(StateStore.inMemory()),
        FakeSendGrid.KEY,
        List.of(person("p1", "vip"), person("p2", "vip")));

    jobs.advance(Duration.ofDays(1));

    assertThat(jobs.finished().get(0).status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(jobs.finished().get(0).itemsWritten()).isEqualTo(2);
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(20));
    assertThat(api.upserts()).hasSize(2); // the refused one and the one after the wait
    assertThat(api.contacts).hasSize(2);
  }

  @Test
  void scheduledExport_aContactSendGridRefuses_isRejectedAlone() {
    nightly(
        jobs.runner(StateStore.inMemory()),
        FakeSendGrid.KEY,
        List.of(person("p1", "vip"), person("p 2", "vip"), person("p3", "vip")));

    jobs.advance(Duration.ofDays(1));

    assertThat(jobs.finished().get(0).status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(jobs.finished().get(0).itemsWritten()).isEqualTo(2);
    assertThat(jobs.rejected(Profile.class, Profile::id))
        .singleElement()
        .asString()
        .startsWith("p 2: ")
        .contains("contacts[1]");
    assertThat(clock.sleeps()).isEmpty();
  }

  @Test
  void scheduledExport_withARevokedKey_failsAsConfig_andPausesTheJob() {
    String revoked = "SG.revoked.0000";
    JobHandle job =
        nightly(jobs.runner(StateStore.inMemory()), revoked, List.of(person("p1", "vip")));

    jobs.advance(Duration.ofDays(1));

    assertThat(jobs.finished().get(0).failure().errorClass()).isEqualTo(ErrorClass.CONFIG);
    assertThat(jobs.finished().get(0).failure().getMessage()).doesNotContain(revoked);
    assertThat(job.state()).isEqualTo(JobState.PAUSED);
    assertThat(api.targets()).containsExactly("GET /v3/marketing/field_definitions");
  }
}

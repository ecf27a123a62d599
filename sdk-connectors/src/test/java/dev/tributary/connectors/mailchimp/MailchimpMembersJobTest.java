package dev.tributary.connectors.mailchimp;

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
 * The members import under the runtime, in virtual time, into identity resolution: an hourly import
 * that reads only what changed, 429 with and without Retry-After, a revoked key pausing the job, a
 * restart after a crash resuming at the saved position, members without an identifier.
 */
@Timeout(60)
class MailchimpMembersJobTest {
  static final String KEY = "0123456789abcdef0123456789abcdef-us6";
  static final String T1 = "2026-11-01T08:00:00+00:00";
  static final String T2 = "2026-11-02T08:00:00+00:00";

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeMailchimp api = new FakeMailchimp();
  final VirtualTimeJobs jobs = VirtualTimeJobs.startingAt(Instant.parse("2026-12-01T10:00:00Z"));
  final ManualClock clock = jobs.clock();
  final MailchimpMembersImportConnector connector = MailchimpMembersImportConnector.create();
  final ProfileStore store = ProfileStore.inMemory();
  final IdentityResolver resolver =
      IdentityResolver.builder(store)
          .keys(IdentityKey.email("email"), IdentityKey.trimmed("mailchimp_contact_id"))
          .build();

  @BeforeEach
  void serve() {
    server.setDispatcher(api);
  }

  JobHandle add(JobRunner runner, RetryOptions retry) {
    ConnectorConfig config =
        ConnectorConfig.parse(
            connector.descriptor(),
            Map.of(
                "endpoint",
                server.url("/3.0").toString(),
                "list_id",
                FakeMailchimp.LIST,
                "page_size",
                "2"));
    return runner.add(
        Job.importing(
                "mailchimp-members",
                connector,
                config,
                Authorization.basic("tributary", Secret.of(KEY)),
                MailchimpMembers.sink(
                    resolver, MailchimpMembers.defaultMapping(), "mailchimp", clock))
            .schedule(Schedule.parse("every 1h"))
            .retry(retry)
            .build());
  }

  static RetryOptions noJitter() {
    return RetryOptions.builder().jitter(0).build();
  }

  Profile profile(String email) {
    return store.get(store.find("email", email).orElseThrow()).orElseThrow().profile();
  }

  @Test
  void hourlyImport_mapsMembersIntoProfiles_andReadsOnlyWhatChangedSince() {
    api.member("m1", "Ann@Example.com", T1);
    api.member("m2", "bob@example.com", T2);
    add(jobs.runner(StateStore.inMemory()), noJitter());

    jobs.advance(Duration.ofHours(1));
    api.member("m3", "cy@example.com", "2026-11-03T08:00:00+00:00");
    api.requests.clear();
    jobs.advance(Duration.ofHours(1));

    assertThat(jobs.finished()).extracting(RunSnapshot::status).containsOnly(RunStatus.SUCCEEDED);
    assertThat(jobs.finished().get(1).itemsWritten()).isEqualTo(1);
    assertThat(api.targets().get(0)).contains("since_last_changed=2026-11-02T07%3A59%3A59");
    Profile ann = profile("ann@example.com");
    assertThat(ann.identity("mailchimp_contact_id")).contains("contact-m1");
    assertThat(ann.fields())
        .containsEntry("first_name", "Ann")
        .containsEntry("mailchimp_status", "subscribed")
        .containsEntry("mailchimp_tags", java.util.Set.of("customer", "newsletter"))
        .containsEntry("mailchimp_member_rating", 4L)
        .containsEntry("mailchimp_vip", false)
        .doesNotContainKey("phone"); // empty merge fields are not values
    assertThat(ann.updatedAt()).contains(Instant.parse("2026-11-01T08:00:00Z"));
    assertThat(store.size()).isEqualTo(3);
  }

  @Test
  void rateLimited_withRetryAfter_waitsThatLong_andWithout_backsOff() {
    api.member("m1", "a@example.com", T1);
    AtomicInteger calls = new AtomicInteger();
    api.override =
        r ->
            switch (calls.getAndIncrement()) {
              case 0 -> new MockResponse.Builder().code(429).addHeader("Retry-After", "30").build();
              case 1 -> new MockResponse.Builder().code(429).build();
              default -> null;
            };
    add(jobs.runner(StateStore.inMemory()), noJitter());

    jobs.advance(Duration.ofHours(1));

    assertThat(jobs.finished().get(0).status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(2));
    assertThat(jobs.finished().get(0).errors(ErrorClass.TRANSIENT)).isEqualTo(2);
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void revokedKey_failsTheRunAsConfig_andPausesTheJob() {
    api.expectedAuthorization = "Basic not-this-key";
    JobHandle job = add(jobs.runner(StateStore.inMemory()), noJitter());

    jobs.advance(Duration.ofHours(1));

    assertThat(jobs.finished().get(0).failure().errorClass()).isEqualTo(ErrorClass.CONFIG);
    assertThat(jobs.finished().get(0).failure().getMessage()).doesNotContain(KEY);
    assertThat(job.state()).isEqualTo(JobState.PAUSED);
    assertThat(api.requests).hasSize(1);
  }

  @Test
  void restartAfterACrash_resumesAtTheSavedPosition(@TempDir Path state) throws Exception {
    for (int i = 1; i <= 5; i++) {
      api.member("m" + i, i + "@example.com", "2026-11-0" + i + "T08:00:00+00:00");
    }
    AtomicInteger calls = new AtomicInteger();
    api.override =
        r -> calls.incrementAndGet() == 2 ? new MockResponse.Builder().code(503).build() : null;
    JobRunner first = jobs.runner(StateStore.directory(state));
    add(first, RetryOptions.noRetries());
    jobs.advance(Duration.ofHours(1));
    assertThat(jobs.finished().get(0).status()).isEqualTo(RunStatus.FAILED);
    assertThat(store.size()).isEqualTo(2);
    first.close(); // the process ends; the checkpoint file stays

    api.override = r -> null;
    api.requests.clear();
    JobRunner second = jobs.runner(StateStore.directory(state));
    RunSnapshot run = jobs.runNow(add(second, noJitter()));

    assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(api.targets().get(0))
        .contains("offset=0")
        .contains("since_last_changed=2026-11-02T07%3A59%3A59");
    assertThat(jobs.finished().get(1).itemsWritten()).isEqualTo(3);
    assertThat(store.size()).isEqualTo(5);
    second.close();
  }

  @Test
  void memberWithoutAnyIdentifier_isRejectedAlone() {
    api.member("m1", "a@example.com", T1);
    api.member("m2", " ", T1).remove("contact_id");
    api.member("m3", "c@example.com", T2);
    add(jobs.runner(StateStore.inMemory()), noJitter());

    jobs.advance(Duration.ofHours(1));

    assertThat(jobs.finished().get(0).status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(jobs.finished().get(0).itemsRejected()).isEqualTo(1);
    assertThat(jobs.rejected().get(0).error().getMessage()).contains("no usable identifier");
    assertThat(store.size()).isEqualTo(2);
  }
}

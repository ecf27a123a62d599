package dev.tributary.core.job;

import static dev.tributary.core.job.Fixtures.AUTH;
import static dev.tributary.core.job.Fixtures.CONFIG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.ConfigException;
import dev.tributary.core.SystemException;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.Page;
import dev.tributary.core.model.AudienceChange;
import dev.tributary.core.model.Profile;
import dev.tributary.core.state.StateStore;
import dev.tributary.core.trigger.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Triggered jobs on real threads, synchronised by latches and flush(): no sleeps. */
@Timeout(60)
class TriggeredJobTest {
  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  final StateStore store = StateStore.inMemory();
  JobRunner runner = JobRunner.builder().stateStore(store).build();

  @AfterEach
  void close() throws Exception {
    runner.close();
  }

  static Profile member(String id, String plan) {
    return Profile.builder(id).field("plan", plan).audience("vip").build();
  }

  /** What the third party holds after applying every delivered batch in order. */
  static Map<String, String> applied(Fixtures.Recording<AudienceChange> connector) {
    Map<String, String> members = new LinkedHashMap<>();
    for (AudienceChange c : connector.written()) {
      if (c.kind() == AudienceChange.Kind.EXITED) {
        members.remove(c.userId());
      } else {
        members.put(c.userId(), (String) c.profile().field("plan").orElseThrow());
      }
    }
    return members;
  }

  @Test
  void liveChanges_areBatchedAndDelivered_onFlush() throws Exception {
    var connector = new Fixtures.Recording<AudienceChange>(2);
    TriggerHandle handle =
        runner.add(
            TriggeredJob.builder(
                    "sync", connector, CONFIG, AUTH, Trigger.onAudiences("vip").build())
                .build());
    handle.offer(AudienceChange.entered("vip", member("u1", "free"), T0));
    handle.offer(AudienceChange.entered("vip", member("u2", "free"), T0));
    handle.offer(AudienceChange.entered("vip", member("u3", "free"), T0));
    assertThat(handle.offer(AudienceChange.entered("other", member("u4", "free"), T0))).isFalse();
    handle.offer(AudienceChange.exited("vip", member("u1", "free"), T0));
    handle.flush().get(30, TimeUnit.SECONDS);

    assertThat(connector.batches).allSatisfy(b -> assertThat(b.size()).isLessThanOrEqualTo(2));
    assertThat(applied(connector)).containsOnlyKeys("u2", "u3");
    RunSnapshot progress = handle.currentRun().orElseThrow();
    assertThat(progress.itemsRead()).isEqualTo(4);
    assertThat(progress.itemsWritten()).isEqualTo(connector.written().size());
  }

  @Test
  void backfill_deliversTheAudienceFirst_andALiveExitDuringItStillWins() throws Exception {
    CountDownLatch backfillReading = new CountDownLatch(1);
    CountDownLatch liveSent = new CountDownLatch(1);
    List<Profile> audience =
        List.of(member("u1", "free"), member("u2", "free"), member("u3", "free"));
    Source<Profile> source =
        (from, max) -> {
          backfillReading.countDown();
          liveSent.await(30, TimeUnit.SECONDS);
          return new Page<>(audience, Checkpoint.at("end"), true);
        };
    var connector = new Fixtures.Recording<AudienceChange>(100);
    TriggerHandle handle =
        runner.add(
            TriggeredJob.builder(
                    "backfilled",
                    connector,
                    CONFIG,
                    AUTH,
                    Trigger.onAudiences("vip").watchFields("plan").backfill(true).build())
                .backfillFrom(source)
                .build());
    assertThat(backfillReading.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(handle.backfilling()).isTrue();
    // While the backfill reads its (older) snapshot: u2 leaves, u3 upgrades.
    handle.offer(AudienceChange.exited("vip", member("u2", "free"), T0));
    handle.offer(
        new AudienceChange(
            "vip",
            AudienceChange.Kind.FIELDS_CHANGED,
            member("u3", "gold"),
            java.util.Set.of("plan"),
            T0));
    handle.flush().get(30, TimeUnit.SECONDS);
    liveSent.countDown();

    handle.backfillCompletion().get(30, TimeUnit.SECONDS);
    handle.flush().get(30, TimeUnit.SECONDS);
    assertThat(applied(connector)).containsOnly(Map.entry("u1", "free"), Map.entry("u3", "gold"));
    assertThat(handle.backfilling()).isFalse();
    assertThat(store.load("backfilled/backfill-done")).isPresent();
  }

  @Test
  void configErrorOnDelivery_pausesTheJob_keepsTheChanges_andResumeDeliversThem() throws Exception {
    AtomicBoolean refuse = new AtomicBoolean(true);
    var connector =
        new Fixtures.Recording<AudienceChange>(10)
            .answering(
                (c, batch) -> {
                  if (refuse.get()) {
                    throw new ConfigException("authorization", "token expired", null);
                  }
                  return BatchResult.allOk(batch.size());
                });
    TriggerHandle handle =
        runner.add(
            TriggeredJob.builder(
                    "paused", connector, CONFIG, AUTH, Trigger.onAudiences("vip").build())
                .build());
    handle.offer(AudienceChange.entered("vip", member("u1", "free"), T0));

    assertThat(handle.flush()).failsWithin(Duration.ofSeconds(30));
    assertThat(handle.state()).isEqualTo(JobState.PAUSED);
    assertThat(handle.lastRun().orElseThrow().failure()).hasMessage("token expired");
    handle.offer(AudienceChange.exited("vip", member("u1", "free"), T0));
    assertThat(handle.undelivered())
        .extracting(AudienceChange::kind)
        .containsExactly(AudienceChange.Kind.ENTERED, AudienceChange.Kind.EXITED);

    refuse.set(false);
    handle.resume();
    handle.flush().get(30, TimeUnit.SECONDS);
    assertThat(handle.undelivered()).isEmpty();
    assertThat(
            connector.written().subList(connector.written().size() - 2, connector.written().size()))
        .extracting(AudienceChange::kind)
        .containsExactly(AudienceChange.Kind.ENTERED, AudienceChange.Kind.EXITED);
  }

  @Test
  void anUnexpectedExceptionOnDelivery_isASystemError_thatPausesTheJob_keepingTheChanges()
      throws Exception {
    AtomicBoolean broken = new AtomicBoolean(true);
    var connector =
        new Fixtures.Recording<AudienceChange>(10)
            .answering(
                (c, batch) -> {
                  if (broken.get()) {
                    throw new IllegalStateException("mapping table not loaded");
                  }
                  return BatchResult.allOk(batch.size());
                });
    TriggerHandle handle =
        runner.add(
            TriggeredJob.builder(
                    "buggy", connector, CONFIG, AUTH, Trigger.onAudiences("vip").build())
                .build());
    handle.offer(AudienceChange.entered("vip", member("u1", "free"), T0));

    assertThat(handle.flush()).failsWithin(Duration.ofSeconds(30));
    assertThat(handle.state()).isEqualTo(JobState.PAUSED);
    RunSnapshot failed = handle.lastRun().orElseThrow();
    assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(failed.failure())
        .isInstanceOf(SystemException.class)
        .hasMessage("unexpected java.lang.IllegalStateException: mapping table not loaded");
    assertThat(connector.batches).hasSize(1); // not retried: another try would fail the same way
    assertThat(handle.undelivered()).extracting(AudienceChange::userId).containsExactly("u1");

    broken.set(false);
    handle.resume();
    handle.flush().get(30, TimeUnit.SECONDS);
    assertThat(handle.undelivered()).isEmpty();
    assertThat(applied(connector)).containsOnlyKeys("u1");
  }

  @Test
  void shutdown_deliversWhatTheTriggerHolds() throws Exception {
    var connector = new Fixtures.Recording<AudienceChange>(10);
    TriggerHandle handle =
        runner.add(
            TriggeredJob.builder(
                    "held", connector, CONFIG, AUTH, Trigger.onAudiences("vip").build())
                .build());
    handle.offer(AudienceChange.entered("vip", member("u1", "free"), T0));
    assertThat(runner.shutdown(Duration.ofSeconds(30))).isTrue();
    assertThat(applied(connector)).containsOnlyKeys("u1");
    assertThat(handle.lastRun().orElseThrow().status()).isEqualTo(RunStatus.STOPPED);
  }
}

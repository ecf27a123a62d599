package dev.tributary.core.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.ManualClock;
import dev.tributary.core.ManualScheduler;
import dev.tributary.core.TransientException;
import dev.tributary.core.model.AudienceChange;
import dev.tributary.core.model.AudienceChange.Kind;
import dev.tributary.core.model.Profile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MicroBatcherTest {
  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  static final Duration DELAY = Duration.ofMinutes(1);

  final ManualClock clock = new ManualClock(T0);
  final ManualScheduler scheduler = new ManualScheduler(clock);
  final List<List<AudienceChange>> delivered = new CopyOnWriteArrayList<>();
  final ExecutorService deliveryThread = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    deliveryThread.shutdownNow();
  }

  static Profile user(String id, String plan) {
    return Profile.builder(id).field("plan", plan).build();
  }

  static AudienceChange entered(String audience, String user) {
    return AudienceChange.entered(audience, user(user, "free"), T0);
  }

  static AudienceChange exited(String audience, String user) {
    return AudienceChange.exited(audience, user(user, "free"), T0);
  }

  static AudienceChange planChanged(String user, String plan) {
    return new AudienceChange("vip", Kind.FIELDS_CHANGED, user(user, plan), Set.of("plan"), T0);
  }

  MicroBatcher<AudienceChanges.Key, AudienceChange> batcher(int size, BatchSink<AudienceChange> s) {
    Trigger trigger =
        Trigger.onAudiences("vip", "churn").maxBatchSize(size).maxDelay(DELAY).build();
    return MicroBatcher.forTrigger(trigger, s)
        .clock(clock)
        .scheduler(scheduler)
        .deliveryExecutor(Runnable::run)
        .build();
  }

  static List<String> users(List<AudienceChange> batch) {
    return batch.stream().map(c -> c.kind() + ":" + c.audience() + ":" + c.userId()).toList();
  }

  @Test
  void fullBatch_isDeliveredAtOnce_withoutWaitingForTheDelay() throws Exception {
    var b = batcher(3, delivered::add);
    b.offer(entered("vip", "u1"));
    b.offer(entered("vip", "u2"));
    assertThat(delivered).isEmpty();
    b.offer(entered("vip", "u3"));

    assertThat(delivered)
        .singleElement()
        .extracting(MicroBatcherTest::users)
        .isEqualTo(List.of("ENTERED:vip:u1", "ENTERED:vip:u2", "ENTERED:vip:u3"));
    assertThat(clock.instant()).isEqualTo(T0);
  }

  @Test
  void partialBatch_isDeliveredWhenItsOldestChangeHasWaitedTheDelay() throws Exception {
    var b = batcher(1000, delivered::add);
    b.offer(entered("vip", "u1"));
    scheduler.advance(Duration.ofSeconds(30));
    b.offer(entered("vip", "u2"));
    scheduler.advance(Duration.ofSeconds(29));
    assertThat(delivered).isEmpty();

    scheduler.advance(Duration.ofSeconds(1));
    assertThat(delivered).singleElement().extracting(List::size).isEqualTo(2);
    assertThat(clock.instant()).isEqualTo(T0.plus(DELAY));
  }

  @Test
  void batchOpenedAfterAFlush_agesFromItsOwnFirstChange() throws Exception {
    var b = batcher(2, delivered::add);
    b.offer(entered("vip", "u1"));
    b.offer(entered("vip", "u2")); // full: delivered at T0, the timer stays armed
    scheduler.advance(Duration.ofSeconds(50));
    b.offer(entered("vip", "u3")); // opens at T0+50s
    scheduler.advance(Duration.ofSeconds(10)); // the old timer fires at T0+60s, re-arms
    assertThat(delivered).hasSize(1);

    scheduler.advance(Duration.ofSeconds(50)); // T0+110s: u3 has waited a minute
    assertThat(delivered).hasSize(2);
    assertThat(users(delivered.get(1))).containsExactly("ENTERED:vip:u3");
    assertThat(scheduler.queued()).isZero();
  }

  @Test
  void changesForOneUserInOneBatch_coalesceToTheLatestState_perAudience() throws Exception {
    var b = batcher(1000, delivered::add);
    b.offer(entered("vip", "u1"));
    b.offer(planChanged("u1", "gold"));
    b.offer(entered("vip", "u2"));
    b.offer(exited("vip", "u2"));
    b.offer(planChanged("u3", "silver"));
    b.offer(planChanged("u3", "gold"));
    b.offer(exited("churn", "u1"));
    b.flush().get(1, TimeUnit.SECONDS);

    List<AudienceChange> batch = delivered.get(0);
    assertThat(users(batch))
        .containsExactly(
            "ENTERED:vip:u1", "EXITED:vip:u2", "FIELDS_CHANGED:vip:u3", "EXITED:churn:u1");
    assertThat(batch.get(0).profile().field("plan")).contains("gold");
    assertThat(batch.get(2).profile().field("plan")).contains("gold");
  }

  @Test
  void exitNeverOvertakesTheEnterBeforeIt_evenWhileABatchIsInFlight() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch inFlight = new CountDownLatch(1);
    Trigger trigger = Trigger.onAudiences("vip").maxBatchSize(2).maxDelay(DELAY).build();
    var b =
        MicroBatcher.forTrigger(
                trigger,
                batch -> {
                  inFlight.countDown();
                  release.await(10, TimeUnit.SECONDS);
                  delivered.add(batch);
                })
            .clock(clock)
            .scheduler(scheduler)
            .deliveryExecutor(deliveryThread)
            .build();

    b.offer(entered("vip", "u1"));
    b.offer(entered("vip", "u2")); // sealed, delivery blocks
    assertThat(inFlight.await(10, TimeUnit.SECONDS)).isTrue();
    b.offer(exited("vip", "u1"));
    CompletableFuture<Void> flushed = b.flush();
    release.countDown();
    flushed.get(10, TimeUnit.SECONDS);

    assertThat(delivered)
        .extracting(MicroBatcherTest::users)
        .containsExactly(List.of("ENTERED:vip:u1", "ENTERED:vip:u2"), List.of("EXITED:vip:u1"));
  }

  @Test
  void fullBatchBehindASlowDelivery_pushesBackOnProducers_butStillCoalesces() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    var b =
        MicroBatcher.forTrigger(
                Trigger.onAudiences("vip").maxBatchSize(2).maxDelay(DELAY).build(),
                batch -> {
                  release.await(10, TimeUnit.SECONDS);
                  delivered.add(batch);
                })
            .clock(clock)
            .scheduler(scheduler)
            .deliveryExecutor(deliveryThread)
            .build();
    b.offer(entered("vip", "u1"));
    b.offer(entered("vip", "u2")); // in flight
    b.offer(entered("vip", "u3"));
    b.offer(entered("vip", "u4")); // open batch full

    assertThat(b.offer(entered("vip", "u5"), Duration.ZERO)).isFalse();
    assertThat(b.offer(exited("vip", "u3"), Duration.ZERO)).isTrue(); // same key: coalesced
    assertThat(b.pending()).isEqualTo(2);

    release.countDown();
    assertThat(b.offer(entered("vip", "u5"), Duration.ofSeconds(10))).isTrue();
    b.flush().get(10, TimeUnit.SECONDS);
    assertThat(delivered)
        .extracting(MicroBatcherTest::users)
        .containsExactly(
            List.of("ENTERED:vip:u1", "ENTERED:vip:u2"),
            List.of("EXITED:vip:u3", "ENTERED:vip:u4"),
            List.of("ENTERED:vip:u5"));
  }

  @Test
  void failedDelivery_keepsTheBatch_untilRetry_andLosesNothing() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    var b =
        batcher(
            2,
            batch -> {
              if (attempts.incrementAndGet() == 1) {
                throw new TransientException("vendor down for maintenance");
              }
              delivered.add(batch);
            });
    b.offer(entered("vip", "u1"));
    b.offer(entered("vip", "u2")); // delivery fails
    b.offer(exited("vip", "u1"));

    assertThat(b.failure()).hasMessage("vendor down for maintenance");
    assertThat(b.flush()).isCompletedExceptionally();
    assertThat(users(b.undelivered()))
        .containsExactly("ENTERED:vip:u1", "ENTERED:vip:u2", "EXITED:vip:u1");

    b.retry();
    b.flush().get(1, TimeUnit.SECONDS);
    assertThat(delivered)
        .extracting(MicroBatcherTest::users)
        .containsExactly(List.of("ENTERED:vip:u1", "ENTERED:vip:u2"), List.of("EXITED:vip:u1"));
    assertThat(b.undelivered()).isEmpty();
  }

  @Test
  void close_deliversTheOpenBatch_andRefusesMore() throws Exception {
    var b = batcher(1000, delivered::add);
    b.offer(entered("vip", "u1"));
    assertThat(b.close(Duration.ofSeconds(1))).isTrue();
    assertThat(delivered).singleElement().extracting(List::size).isEqualTo(1);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.offer(entered("vip", "u2")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the micro-batcher is closed");
  }

  @Test
  void liveChangeDuringBackfill_appliesAfterThatUsersBackfilledState() throws Exception {
    var b = batcher(1000, delivered::add);
    var gate = BackfillGate.forAudienceChanges(b);

    gate.offerBackfilled(entered("vip", "u1"));
    gate.offerLive(exited("vip", "u2")); // before the backfill reached u2
    gate.offerLive(planChanged("u3", "gold")); // before the backfill reached u3
    b.flush().get(1, TimeUnit.SECONDS); // the live changes are not held back
    gate.offerBackfilled(entered("vip", "u2")); // read from a snapshot older than the exit
    gate.offerBackfilled(entered("vip", "u3"));
    gate.finish();
    gate.offerLive(exited("vip", "u1"));
    b.flush().get(1, TimeUnit.SECONDS);

    assertThat(delivered)
        .extracting(MicroBatcherTest::users)
        .containsExactly(
            List.of("ENTERED:vip:u1", "EXITED:vip:u2", "FIELDS_CHANGED:vip:u3"),
            List.of("EXITED:vip:u2", "ENTERED:vip:u3", "EXITED:vip:u1"));
    AudienceChange u3 = delivered.get(1).get(1);
    assertThat(u3.profile().field("plan")).contains("gold");
  }
}

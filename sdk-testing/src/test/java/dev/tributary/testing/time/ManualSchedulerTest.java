package dev.tributary.testing.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ManualSchedulerTest {
  static final Instant START = Instant.parse("2026-03-08T06:00:00Z");
  final ManualClock clock = new ManualClock(START);
  final ManualScheduler scheduler = new ManualScheduler(clock);
  final List<String> ran = new ArrayList<>();

  @Test
  void advance_runsDueTasksInDueOrder_atTheirOwnTime() {
    ScheduledFuture<?> b =
        scheduler.schedule(() -> ran.add("b@" + clock.instant()), 2, TimeUnit.SECONDS);
    ScheduledFuture<?> a =
        scheduler.schedule(() -> ran.add("a@" + clock.instant()), 1, TimeUnit.SECONDS);
    ScheduledFuture<?> c =
        scheduler.schedule(() -> ran.add("c@" + clock.instant()), 5, TimeUnit.SECONDS);

    scheduler.advance(Duration.ofSeconds(3));

    assertThat(ran).containsExactly("a@2026-03-08T06:00:01Z", "b@2026-03-08T06:00:02Z");
    assertThat(clock.instant()).isEqualTo(START.plusSeconds(3));
    assertThat(scheduler.queued()).isEqualTo(1);
    assertThat(a.isDone()).isTrue();
    assertThat(b.isDone()).isTrue();
    assertThat(c.isDone()).isFalse();
  }

  @Test
  void fixedRateTasksRepeatUntilCancelled() {
    ScheduledFuture<?> tick =
        scheduler.scheduleAtFixedRate(() -> ran.add("tick"), 10, 10, TimeUnit.SECONDS);

    scheduler.advance(Duration.ofSeconds(35));
    tick.cancel(false);
    scheduler.advance(Duration.ofSeconds(60));

    assertThat(ran).containsExactly("tick", "tick", "tick");
  }

  @Test
  void fixedDelayCountsFromTheEndOfTheRun_whichMayMoveTheClock() {
    ScheduledFuture<?> slow =
        scheduler.scheduleWithFixedDelay(
            () -> {
              ran.add("run@" + clock.instant());
              clock.advance(Duration.ofSeconds(3)); // the task itself takes 3 s
            },
            0,
            10,
            TimeUnit.SECONDS);

    scheduler.advance(Duration.ofSeconds(30));
    slow.cancel(false);

    assertThat(ran)
        .containsExactly(
            "run@2026-03-08T06:00:00Z", "run@2026-03-08T06:00:13Z", "run@2026-03-08T06:00:26Z");
  }

  @Test
  void aTaskThatThrowsFailsTheAdvance_andAPeriodicOneStops() {
    ScheduledFuture<?> failing =
        scheduler.scheduleAtFixedRate(
            () -> {
              throw new IllegalStateException("boom");
            },
            1,
            1,
            TimeUnit.SECONDS);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> scheduler.advance(Duration.ofSeconds(5)))
        .isInstanceOf(AssertionError.class)
        .hasRootCauseMessage("boom");
    assertThat(failing.isDone()).isTrue();
    assertThat(scheduler.queued()).isZero();
  }

  @Test
  void sleepsAdvanceTheClockAtOnceAndAreRecorded() {
    clock.sleep(Duration.ofMillis(250));
    clock.sleep(Duration.ofSeconds(2));

    assertThat(clock.instant()).isEqualTo(START.plusMillis(2_250));
    assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(250), Duration.ofSeconds(2));
  }
}

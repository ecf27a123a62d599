package dev.tributary.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SimpleScheduleTest {
  static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void once_firesOnlyIfStillAhead() {
    Schedule once = Schedule.once(T);
    assertThat(once.nextFireTime(T.minusSeconds(1))).hasValue(T);
    assertThat(once.nextFireTime(T)).isEmpty();
    assertThat(once.nextFireTimes(T.minusSeconds(60), 5)).containsExactly(T);
    assertThat(once.timeZone()).isEmpty();
  }

  @Test
  void every_isAlignedToTheEpochByDefault() {
    Schedule hourly = Schedule.every(Duration.ofHours(1));
    assertThat(hourly.nextFireTimes(Instant.parse("2026-12-01T10:17:03Z"), 3))
        .containsExactly(
            Instant.parse("2026-12-01T11:00:00Z"),
            Instant.parse("2026-12-01T12:00:00Z"),
            Instant.parse("2026-12-01T13:00:00Z"));
    assertThat(hourly.nextFireTime(Instant.parse("2026-12-01T11:00:00Z")))
        .hasValue(Instant.parse("2026-12-01T12:00:00Z"));
  }

  @Test
  void every_startsAtItsAnchorAndNeverFiresBeforeIt() {
    Instant anchor = Instant.parse("2026-12-01T00:07:00Z");
    Schedule s = Schedule.every(Duration.ofMinutes(30), anchor);
    assertThat(s.nextFireTime(anchor.minus(Duration.ofDays(3)))).hasValue(anchor);
    assertThat(s.nextFireTimes(anchor, 2))
        .containsExactly(
            Instant.parse("2026-12-01T00:37:00Z"), Instant.parse("2026-12-01T01:07:00Z"));
  }

  @Test
  void everyDay_countsElapsedTimeAcrossDst() {
    // 24 hours apart even on the day New York springs forward; `daily` is the wall-clock kind.
    Schedule s = Schedule.every(Duration.ofDays(1), Instant.parse("2026-03-07T17:00:00Z"));
    assertThat(s.nextFireTimes(Instant.parse("2026-03-07T17:00:00Z"), 2))
        .containsExactly(
            Instant.parse("2026-03-08T17:00:00Z"), Instant.parse("2026-03-09T17:00:00Z"));
  }

  @Test
  void every_refusesPeriodsUnderOneSecond() {
    assertThatThrownBy(() -> Schedule.every(Duration.ofMillis(999)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1 second");
  }

  @Test
  void nextFireTimes_refusesANegativeCount() {
    assertThatThrownBy(() -> Schedule.every(Duration.ofHours(1)).nextFireTimes(T, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count must not be negative: -1");
  }

  @Test
  void cron_dayOfMonthOrDayOfWeek_whenBothAreRestricted() {
    // Vixie cron: "13 * FRI" fires on every 13th and on every Friday.
    Schedule s = Schedule.cron("0 0 13 * FRI", ZoneId.of("UTC"));
    assertThat(
            s.nextFireTimes(Instant.parse("2026-11-01T00:00:00Z"), 4).stream()
                .map(Instant::toString)
                .collect(Collectors.toList()))
        .containsExactly(
            "2026-11-06T00:00:00Z",
            "2026-11-13T00:00:00Z",
            "2026-11-20T00:00:00Z",
            "2026-11-27T00:00:00Z");
    Schedule t = Schedule.cron("0 0 13 * MON", ZoneId.of("UTC"));
    assertThat(t.nextFireTimes(Instant.parse("2026-11-10T00:00:00Z"), 2))
        .containsExactly(
            Instant.parse("2026-11-13T00:00:00Z"), Instant.parse("2026-11-16T00:00:00Z"));
  }

  @Test
  void cron_dayFieldsStartingWithAStar_mustBothMatch() {
    // */2 counts as unrestricted for the OR rule: odd days of the month that are Mondays.
    Schedule s = Schedule.cron("0 0 */2 * MON", ZoneId.of("UTC"));
    assertThat(s.nextFireTimes(Instant.parse("2026-11-01T00:00:00Z"), 2))
        .containsExactly(
            Instant.parse("2026-11-09T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z"));
  }

  @Test
  void cron_sundayIsZeroOrSevenAndRangesMayEndOnSunday() {
    Instant after = Instant.parse("2026-11-30T00:00:00Z"); // a Monday
    Instant sunday = Instant.parse("2026-12-06T05:00:00Z");
    assertThat(Schedule.cron("0 5 * * 0", ZoneId.of("UTC")).nextFireTime(after)).hasValue(sunday);
    assertThat(Schedule.cron("0 5 * * 7", ZoneId.of("UTC")).nextFireTime(after)).hasValue(sunday);
    assertThat(Schedule.cron("0 5 * * SAT-SUN", ZoneId.of("UTC")).nextFireTimes(after, 2))
        .containsExactly(Instant.parse("2026-12-05T05:00:00Z"), sunday);
  }

  @Test
  void cron_leapDayFiresOnlyInLeapYears() {
    Schedule s = Schedule.cron("0 12 29 FEB *", ZoneId.of("UTC"));
    assertThat(s.nextFireTimes(Instant.parse("2026-12-01T00:00:00Z"), 2))
        .containsExactly(
            Instant.parse("2028-02-29T12:00:00Z"), Instant.parse("2032-02-29T12:00:00Z"));
  }

  @Test
  void cron_stepsRangesListsAndMacros() {
    ZoneId utc = ZoneId.of("UTC");
    assertThat(
            Schedule.cron("5/20 8-9 1,15 * *", utc)
                .nextFireTimes(Instant.parse("2026-12-01T00:00:00Z"), 4))
        .containsExactly(
            Instant.parse("2026-12-01T08:05:00Z"),
            Instant.parse("2026-12-01T08:25:00Z"),
            Instant.parse("2026-12-01T08:45:00Z"),
            Instant.parse("2026-12-01T09:05:00Z"));
    assertThat(Schedule.cron("@monthly", utc).nextFireTime(Instant.parse("2026-12-01T00:00:00Z")))
        .hasValue(Instant.parse("2027-01-01T00:00:00Z"));
    assertThat(Schedule.cron("@hourly", utc).nextFireTime(Instant.parse("2026-12-31T23:59:00Z")))
        .hasValue(Instant.parse("2027-01-01T00:00:00Z"));
  }
}

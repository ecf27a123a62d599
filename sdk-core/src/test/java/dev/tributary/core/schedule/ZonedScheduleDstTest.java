package dev.tributary.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Daily, weekly and cron schedules across both DST transitions of 2026 in New York (2nd Sunday of
 * March, 1st Sunday of November), Berlin (last Sundays of March and October) and Lord Howe Island
 * (a 30-minute shift). Expected instants come from the zones' published rules.
 */
class ZonedScheduleDstTest {
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");

  static List<String> fire(Schedule schedule, String after, int count) {
    return schedule.nextFireTimes(Instant.parse(after), count).stream()
        .map(Instant::toString)
        .collect(Collectors.toList());
  }

  @Nested
  class Daily {
    @Test
    void springForward_gapTimeRunsOnceShiftedByTheGap_newYork() {
      // 2026-03-08 02:00 EST jumps to 03:00 EDT: 02:30 does not exist and runs at 03:30 EDT.
      Schedule s = Schedule.dailyAt(LocalTime.of(2, 30), NEW_YORK);
      assertThat(fire(s, "2026-03-07T00:00:00Z", 3))
          .containsExactly(
              "2026-03-07T07:30:00Z", // 02:30 EST
              "2026-03-08T07:30:00Z", // 03:30 EDT, shifted by the one-hour gap
              "2026-03-09T06:30:00Z"); // 02:30 EDT
    }

    @Test
    void fallBack_repeatedTimeRunsOnceAtFirstOccurrence_newYork() {
      // 2026-11-01 02:00 EDT falls back to 01:00 EST: 01:30 happens at 05:30Z and 06:30Z.
      Schedule s = Schedule.dailyAt(LocalTime.of(1, 30), NEW_YORK);
      assertThat(fire(s, "2026-10-31T12:00:00Z", 2))
          .containsExactly("2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z");
    }

    @Test
    void fallBack_askingDuringTheSecondOccurrenceDoesNotRunItAgain() {
      Schedule s = Schedule.dailyAt(LocalTime.of(1, 30), NEW_YORK);
      assertThat(fire(s, "2026-11-01T06:00:00Z", 1)).containsExactly("2026-11-02T06:30:00Z");
      assertThat(fire(s, "2026-11-01T05:30:00Z", 1)).containsExactly("2026-11-02T06:30:00Z");
    }

    @Test
    void springForward_askingInsideTheShiftedWindowStillFindsTheShiftedRun() {
      Schedule s = Schedule.dailyAt(LocalTime.of(2, 30), NEW_YORK);
      // 07:10Z is 03:10 EDT, after the jump but before the shifted 03:30 EDT run.
      assertThat(fire(s, "2026-03-08T07:10:00Z", 1)).containsExactly("2026-03-08T07:30:00Z");
    }

    @Test
    void bothTransitions_berlin() {
      Schedule s = Schedule.dailyAt(LocalTime.of(2, 30), BERLIN);
      // 2026-03-29 02:00 CET jumps to 03:00 CEST; 2026-10-25 03:00 CEST falls back to 02:00 CET.
      assertThat(fire(s, "2026-03-28T00:00:00Z", 3))
          .containsExactly("2026-03-28T01:30:00Z", "2026-03-29T01:30:00Z", "2026-03-30T00:30:00Z");
      assertThat(fire(s, "2026-10-24T00:00:00Z", 3))
          .containsExactly("2026-10-24T00:30:00Z", "2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z");
    }

    @Test
    void springForward_halfHourGap_shiftsByHalfAnHour_lordHowe() {
      // 2026-10-04 02:00 (+10:30) jumps to 02:30 (+11:00): 02:15 runs at 02:45 +11:00.
      Schedule s = Schedule.dailyAt(LocalTime.of(2, 15), LORD_HOWE);
      assertThat(fire(s, "2026-10-03T00:00:00Z", 2))
          .containsExactly("2026-10-03T15:45:00Z", "2026-10-04T15:15:00Z");
    }

    @Test
    void fallBack_halfHourOverlap_lordHowe() {
      // 2026-04-05 02:00 (+11:00) falls back to 01:30 (+10:30): 01:45 happens twice.
      Schedule s = Schedule.dailyAt(LocalTime.of(1, 45), LORD_HOWE);
      assertThat(fire(s, "2026-04-04T00:00:00Z", 2))
          .containsExactly("2026-04-04T14:45:00Z", "2026-04-05T15:15:00Z");
    }
  }

  @Nested
  class Weekly {
    @Test
    void onlyOnTheChosenDays_acrossSpringForward_berlin() {
      Schedule s =
          Schedule.weeklyOn(
              EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), LocalTime.of(9, 0), BERLIN);
      assertThat(fire(s, "2026-03-23T00:00:00Z", 4))
          .containsExactly(
              "2026-03-23T08:00:00Z", // Mon, CET
              "2026-03-26T08:00:00Z", // Thu, CET
              "2026-03-30T07:00:00Z", // Mon, CEST
              "2026-04-02T07:00:00Z");
    }

    @Test
    void sundayGapAndOverlap_newYork() {
      Schedule s = Schedule.weeklyOn(EnumSet.of(DayOfWeek.SUNDAY), LocalTime.of(2, 30), NEW_YORK);
      assertThat(fire(s, "2026-03-01T00:00:00Z", 3))
          .containsExactly("2026-03-01T07:30:00Z", "2026-03-08T07:30:00Z", "2026-03-15T06:30:00Z");
      Schedule t = Schedule.weeklyOn(EnumSet.of(DayOfWeek.SUNDAY), LocalTime.of(1, 30), NEW_YORK);
      assertThat(fire(t, "2026-10-25T12:00:00Z", 2))
          .containsExactly("2026-11-01T05:30:00Z", "2026-11-08T06:30:00Z");
    }

    @Test
    void bothTransitions_berlin() {
      Schedule s = Schedule.weeklyOn(EnumSet.of(DayOfWeek.SUNDAY), LocalTime.of(2, 30), BERLIN);
      assertThat(fire(s, "2026-03-28T00:00:00Z", 1)).containsExactly("2026-03-29T01:30:00Z");
      assertThat(fire(s, "2026-10-24T00:00:00Z", 2))
          .containsExactly("2026-10-25T00:30:00Z", "2026-11-01T01:30:00Z");
    }
  }

  @Nested
  class Cron {
    @Test
    void everyQuarterHourThroughTheGap_runsEachShiftedTimeOnce_newYork() {
      Schedule s = Schedule.cron("*/15 1-3 * * *", NEW_YORK);
      assertThat(fire(s, "2026-03-08T05:59:00Z", 9))
          .containsExactly(
              "2026-03-08T06:00:00Z", // 01:00 EST
              "2026-03-08T06:15:00Z",
              "2026-03-08T06:30:00Z",
              "2026-03-08T06:45:00Z",
              "2026-03-08T07:00:00Z", // 02:00 -> 03:00 EDT, the same instant as 03:00 itself
              "2026-03-08T07:15:00Z",
              "2026-03-08T07:30:00Z",
              "2026-03-08T07:45:00Z",
              "2026-03-09T05:00:00Z"); // 01:00 EDT next day
    }

    @Test
    void gapTimesAndLaterTimes_comeOutInInstantOrder() {
      // 02:00 and 02:30 shift to 03:00 and 03:30 EDT, which the expression also names.
      Schedule s = Schedule.cron("0,30 2,3 * * *", NEW_YORK);
      assertThat(fire(s, "2026-03-08T06:00:00Z", 3))
          .containsExactly("2026-03-08T07:00:00Z", "2026-03-08T07:30:00Z", "2026-03-09T06:00:00Z");
    }

    @Test
    void fallBack_repeatedHourRunsOnlyInItsFirstOccurrence_newYork() {
      Schedule s = Schedule.cron("*/30 0-2 * * *", NEW_YORK);
      assertThat(fire(s, "2026-11-01T03:59:00Z", 6))
          .containsExactly(
              "2026-11-01T04:00:00Z", // 00:00 EDT
              "2026-11-01T04:30:00Z",
              "2026-11-01T05:00:00Z", // 01:00 EDT
              "2026-11-01T05:30:00Z", // 01:30 EDT; the EST repeats are skipped
              "2026-11-01T07:00:00Z", // 02:00 EST
              "2026-11-01T07:30:00Z");
    }

    @Test
    void bothTransitions_berlin() {
      Schedule s = Schedule.cron("30 2 * * *", BERLIN);
      assertThat(fire(s, "2026-03-28T12:00:00Z", 2))
          .containsExactly("2026-03-29T01:30:00Z", "2026-03-30T00:30:00Z");
      assertThat(fire(s, "2026-10-24T12:00:00Z", 2))
          .containsExactly("2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z");
    }

    @Test
    void hourlyAcrossFallBack_firesEveryRealHourExceptTheRepeatedOne() {
      Schedule s = Schedule.cron("0 * * * *", BERLIN);
      // 02:00 CEST (00:00Z), then 02:00 CET (01:00Z) is the repeat and is skipped, 03:00 CET.
      assertThat(fire(s, "2026-10-24T23:30:00Z", 3))
          .containsExactly("2026-10-25T00:00:00Z", "2026-10-25T02:00:00Z", "2026-10-25T03:00:00Z");
    }
  }
}

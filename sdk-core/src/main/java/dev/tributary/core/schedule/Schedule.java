package dev.tributary.core.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When a batch job runs: once, on a fixed cadence ("continuous update"), daily or weekly at a local
 * time in a time zone, or on a five-field cron expression in a time zone.
 *
 * <p>The core operation is {@link #nextFireTime(Instant)}: the first fire time strictly after an
 * instant. Schedules are immutable values and thread-safe; {@code toString()} gives the text that
 * {@link #parse(String)} reads back.
 *
 * <h2>Daylight saving time</h2>
 *
 * Schedules with a time zone ({@link DailySchedule}, {@link WeeklySchedule}, {@link CronSchedule})
 * fire at local times, and local times do not map one-to-one to instants:
 *
 * <ul>
 *   <li>a local time that falls in a spring-forward gap (02:30 on the night clocks jump from 02:00
 *       to 03:00) fires once, shifted later by the length of the gap (03:30);
 *   <li>a local time that occurs twice at fall-back (01:30 on the night clocks go back from 02:00
 *       to 01:00) fires once, at its first occurrence;
 *   <li>two local times that land on the same instant because of a shift fire once.
 * </ul>
 *
 * A {@link FixedRateSchedule} counts elapsed time and ignores time zones altogether: {@code every
 * 1d} is every 24 hours, not every calendar day; use {@code daily} for that.
 *
 * <h2>Grammar of {@link #parse(String)}</h2>
 *
 * <pre>
 * once 2026-12-01T10:00:00Z
 * every 1h                          (also 30m, 45s, 1d, 2w, 1h30m, ISO-8601 PT15M)
 * every 1h from 2026-12-01T00:00:00Z
 * daily 02:30 America/New_York
 * weekly MON,THU 09:00 Europe/Berlin (days: MON..SUN, lists and ranges such as MON-FRI)
 * cron "*&#47;15 9-17 * * MON-FRI" UTC
 * </pre>
 *
 * Keywords and day names are case-insensitive; times are 24-hour {@code HH:MM} or {@code HH:MM:SS};
 * zones are IANA region IDs ({@code Europe/Berlin}), {@code UTC} or offsets ({@code +02:00}).
 */
public sealed interface Schedule
    permits OnceSchedule, FixedRateSchedule, DailySchedule, WeeklySchedule, CronSchedule {

  /**
   * The first fire time strictly after {@code after}, or empty when the schedule will not fire
   * again (a {@code once} schedule in the past, a cron expression that matches no date such as
   * February 30th).
   */
  Optional<Instant> nextFireTime(Instant after);

  /**
   * Up to {@code count} fire times strictly after {@code after}, in order; fewer when the schedule
   * ends sooner.
   *
   * @throws IllegalArgumentException if {@code count} is negative
   */
  default List<Instant> nextFireTimes(Instant after, int count) {
    Objects.requireNonNull(after, "after");
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    List<Instant> times = new ArrayList<>(Math.min(count, 1024));
    Instant t = after;
    while (times.size() < count) {
      Optional<Instant> next = nextFireTime(t);
      if (next.isEmpty()) {
        break;
      }
      t = next.get();
      times.add(t);
    }
    return times;
  }

  /**
   * The time zone local fire times are computed in, or empty for schedules that are not bound to
   * one ({@code once}, {@code every}).
   */
  default Optional<ZoneId> timeZone() {
    return Optional.empty();
  }

  /**
   * Reads a schedule from its textual form (see the grammar above), as found in configuration
   * files.
   *
   * @throws ScheduleParseException naming the bad token and what was expected there
   */
  static Schedule parse(String text) {
    return new ScheduleParser(Objects.requireNonNull(text, "text")).parse();
  }

  /** Fires once, at {@code instant}. */
  static OnceSchedule once(Instant instant) {
    return new OnceSchedule(instant);
  }

  /**
   * Fires every {@code period}, aligned to the Unix epoch: {@code every(Duration.ofHours(1))} fires
   * at the top of every UTC hour.
   */
  static FixedRateSchedule every(Duration period) {
    return new FixedRateSchedule(period, Instant.EPOCH);
  }

  /** Fires every {@code period}, at {@code anchor} and every multiple of the period from it. */
  static FixedRateSchedule every(Duration period, Instant anchor) {
    return new FixedRateSchedule(period, anchor);
  }

  /** Fires every day at {@code time} in {@code zone}. */
  static DailySchedule dailyAt(LocalTime time, ZoneId zone) {
    return new DailySchedule(time, zone);
  }

  /** Fires on each of {@code days} at {@code time} in {@code zone}. */
  static WeeklySchedule weeklyOn(Set<DayOfWeek> days, LocalTime time, ZoneId zone) {
    return new WeeklySchedule(days, time, zone);
  }

  /**
   * Fires on a five-field cron expression ({@code minute hour day-of-month month day-of-week})
   * evaluated in {@code zone}; see {@link CronExpression} for the syntax.
   *
   * @throws ScheduleParseException if the expression is malformed
   */
  static CronSchedule cron(String expression, ZoneId zone) {
    return new CronSchedule(CronExpression.parse(expression), zone);
  }
}

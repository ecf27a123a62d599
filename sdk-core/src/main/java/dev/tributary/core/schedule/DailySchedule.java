package dev.tributary.core.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Fires every day at {@link #time()} in {@link #zone()}, following the daylight-saving rules
 * documented on {@link Schedule}. Text form: {@code daily HH:MM <zone>}.
 */
public record DailySchedule(LocalTime time, ZoneId zone) implements Schedule {
  /**
   * @throws IllegalArgumentException if {@code time} has a fraction of a second
   */
  public DailySchedule {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(zone, "zone");
    if (!time.equals(time.truncatedTo(ChronoUnit.SECONDS))) {
      throw new IllegalArgumentException("time must be whole seconds: " + time);
    }
  }

  @Override
  public Optional<Instant> nextFireTime(Instant after) {
    return LocalFireTimes.next(this::firstAtOrAfter, zone, Objects.requireNonNull(after, "after"));
  }

  private LocalDateTime firstAtOrAfter(LocalDateTime from) {
    LocalDateTime today = from.toLocalDate().atTime(time);
    return today.isBefore(from) ? today.plusDays(1) : today;
  }

  @Override
  public Optional<ZoneId> timeZone() {
    return Optional.of(zone);
  }

  @Override
  public String toString() {
    return "daily " + ScheduleParser.formatTime(time) + " " + zone.getId();
  }
}

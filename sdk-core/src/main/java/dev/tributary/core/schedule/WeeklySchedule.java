package dev.tributary.core.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fires on each of {@link #days()} at {@link #time()} in {@link #zone()}, following the
 * daylight-saving rules documented on {@link Schedule}. Text form: {@code weekly MON,THU HH:MM
 * <zone>}.
 */
public record WeeklySchedule(Set<DayOfWeek> days, LocalTime time, ZoneId zone) implements Schedule {
  /**
   * @throws IllegalArgumentException if {@code days} is empty or {@code time} has a fraction of a
   *     second
   */
  public WeeklySchedule {
    Objects.requireNonNull(days, "days");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(zone, "zone");
    if (days.isEmpty()) {
      throw new IllegalArgumentException("days must name at least one day of the week");
    }
    if (!time.equals(time.truncatedTo(ChronoUnit.SECONDS))) {
      throw new IllegalArgumentException("time must be whole seconds: " + time);
    }
    days = Set.copyOf(EnumSet.copyOf(days));
  }

  @Override
  public Optional<Instant> nextFireTime(Instant after) {
    return LocalFireTimes.next(this::firstAtOrAfter, zone, Objects.requireNonNull(after, "after"));
  }

  private LocalDateTime firstAtOrAfter(LocalDateTime from) {
    for (int plusDays = 0; ; plusDays++) {
      LocalDateTime candidate = from.toLocalDate().plusDays(plusDays).atTime(time);
      if (days.contains(candidate.getDayOfWeek()) && !candidate.isBefore(from)) {
        return candidate;
      }
    }
  }

  @Override
  public Optional<ZoneId> timeZone() {
    return Optional.of(zone);
  }

  @Override
  public String toString() {
    String dayList =
        EnumSet.copyOf(days).stream()
            .map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ROOT).toUpperCase(Locale.ROOT))
            .collect(Collectors.joining(","));
    return "weekly " + dayList + " " + ScheduleParser.formatTime(time) + " " + zone.getId();
  }
}

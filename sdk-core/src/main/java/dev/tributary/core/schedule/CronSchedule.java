package dev.tributary.core.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Fires on a five-field {@link CronExpression} evaluated in {@link #zone()}, following the
 * daylight-saving rules documented on {@link Schedule}. Text form: {@code cron "<expression>"
 * <zone>}.
 */
public record CronSchedule(CronExpression expression, ZoneId zone) implements Schedule {
  public CronSchedule {
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(zone, "zone");
  }

  @Override
  public Optional<Instant> nextFireTime(Instant after) {
    return LocalFireTimes.next(
        expression::firstAtOrAfter, zone, Objects.requireNonNull(after, "after"));
  }

  @Override
  public Optional<ZoneId> timeZone() {
    return Optional.of(zone);
  }

  @Override
  public String toString() {
    return "cron \"" + expression + "\" " + zone.getId();
  }
}

package dev.tributary.core.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns a sequence of local fire times into the next instant, applying the DST rules documented on
 * {@link Schedule}: a gap time shifts later by the gap's length, an overlap time fires at its first
 * occurrence, and times that collide fire once.
 */
final class LocalFireTimes {
  /** The local fire times of a zoned schedule, in local order. */
  interface Sequence {
    /** The first local fire time at or after {@code from}, or {@code null} if there is none. */
    @Nullable LocalDateTime firstAtOrAfter(LocalDateTime from);
  }

  private LocalFireTimes() {}

  static Optional<Instant> next(Sequence sequence, ZoneId zone, Instant after) {
    LocalDateTime cursor = LocalDateTime.ofInstant(after, zone);
    // Local times in a gap that began just before `after` were shifted past it: look at them too.
    ZoneOffsetTransition previous = zone.getRules().previousTransition(after.plusNanos(1));
    if (previous != null
        && previous.isGap()
        && after.isBefore(previous.getInstant().plus(previous.getDuration()))) {
      cursor = previous.getDateTimeBefore();
    }
    Instant best = null;
    LocalDateTime bestWallClock = null;
    for (LocalDateTime local = sequence.firstAtOrAfter(cursor);
        local != null && (bestWallClock == null || !local.isAfter(bestWallClock));
        local = sequence.firstAtOrAfter(local.plusNanos(1))) {
      // ZonedDateTime.of shifts a gap time later by the gap and takes the earlier offset in an
      // overlap: exactly the documented rules.
      Instant instant = ZonedDateTime.of(local, zone).toInstant();
      if (instant.isAfter(after) && (best == null || instant.isBefore(best))) {
        best = instant;
        bestWallClock = LocalDateTime.ofInstant(instant, zone);
      }
    }
    return Optional.ofNullable(best);
  }
}

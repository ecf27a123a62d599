package dev.tributary.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Fires at {@link #anchor()} and every {@link #period()} after it, never before it: a continuous
 * update on a cadence. Elapsed time, not wall-clock time: {@code every 1d} stays 24 hours apart
 * across daylight saving changes. Text form: {@code every <duration> [from <instant>]}, the anchor
 * omitted when it is the Unix epoch.
 */
public record FixedRateSchedule(Duration period, Instant anchor) implements Schedule {
  /** The shortest period accepted: anything faster is a loop, not a schedule. */
  public static final Duration MIN_PERIOD = Duration.ofSeconds(1);

  /**
   * @throws IllegalArgumentException if {@code period} is shorter than {@link #MIN_PERIOD}
   */
  public FixedRateSchedule {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(anchor, "anchor");
    if (period.compareTo(MIN_PERIOD) < 0) {
      throw new IllegalArgumentException("period must be at least 1 second: " + period);
    }
  }

  @Override
  public Optional<Instant> nextFireTime(Instant after) {
    Objects.requireNonNull(after, "after");
    if (after.isBefore(anchor)) {
      return Optional.of(anchor);
    }
    long periods = Duration.between(anchor, after).dividedBy(period) + 1;
    return Optional.of(anchor.plus(period.multipliedBy(periods)));
  }

  @Override
  public String toString() {
    String text = "every " + Durations.format(period);
    return anchor.equals(Instant.EPOCH) ? text : text + " from " + anchor;
  }
}

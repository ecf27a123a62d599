package dev.tributary.core.schedule;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Fires once, at {@link #instant()}: a one-time run. Text form: {@code once <instant>}. */
public record OnceSchedule(Instant instant) implements Schedule {
  public OnceSchedule {
    Objects.requireNonNull(instant, "instant");
  }

  @Override
  public Optional<Instant> nextFireTime(Instant after) {
    return instant.isAfter(after) ? Optional.of(instant) : Optional.empty();
  }

  @Override
  public String toString() {
    return "once " + instant;
  }
}

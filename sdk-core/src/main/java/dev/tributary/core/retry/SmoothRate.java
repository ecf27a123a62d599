package dev.tributary.core.retry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Evenly spaced permits on a given clock: {@code requests} per {@code interval} become one permit
 * every {@code interval / requests}, with no bursts. Reserving a permit books the next free slot
 * and says how long to wait for it. Driven by the runtime's clock rather than the machine's, so a
 * runner on a test clock waits in the same virtual time as its schedules and retries. Thread-safe.
 */
final class SmoothRate {
  private final Clock clock;
  private final Duration step;
  private Instant nextFree;

  SmoothRate(Clock clock, long requests, Duration interval) {
    this.clock = clock;
    this.step = interval.dividedBy(requests);
    this.nextFree = Instant.MIN;
  }

  /** Books the next free slot; the time to wait for it (zero when it is now). */
  synchronized Duration reserve() {
    Instant now = clock.instant();
    Instant slot = nextFree.isAfter(now) ? nextFree : now;
    nextFree = slot.plus(step);
    return Duration.between(now, slot);
  }

  /** Books the current slot only if it is free now. */
  synchronized boolean tryAcquire() {
    Instant now = clock.instant();
    if (nextFree.isAfter(now)) {
      return false;
    }
    nextFree = now.plus(step);
    return true;
  }
}

package dev.tributary.core.retry;

import dev.failsafe.Bulkhead;
import dev.tributary.core.connector.RateLimit;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Admits calls under one {@link RateLimit}; shared by every job that uses the same connector and
 * credential (see {@link RateLimits}). A caller {@linkplain #acquire acquires} a permit before each
 * request and closes it when the response is in. Thread-safe.
 *
 * <p>A permit first takes a concurrency slot, then waits for its turn under the rate while holding
 * it, so that requests never bunch up above the rate after a wait for a slot.
 */
public final class Throttle {
  private static final Throttle UNLIMITED = new Throttle(RateLimit.unlimited(), Clock.systemUTC());

  private final RateLimit limit;
  private final @Nullable SmoothRate rate;
  private final @Nullable Bulkhead<Object> concurrency;

  Throttle(RateLimit limit, Clock clock) {
    this.limit = Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(clock, "clock");
    this.rate =
        limit.limitsRate() ? new SmoothRate(clock, limit.requests(), limit.interval()) : null;
    this.concurrency = limit.limitsConcurrency() ? Bulkhead.of(limit.maxConcurrency()) : null;
  }

  /** A throttle that admits everything at once. */
  public static Throttle unlimited() {
    return UNLIMITED;
  }

  /**
   * A throttle of its own on the system clock, shared with nobody; {@link RateLimits} shares them.
   */
  public static Throttle of(RateLimit limit) {
    return of(limit, Clock.systemUTC());
  }

  /**
   * A throttle of its own whose rate is measured on {@code clock} (the one its caller's {@link
   * Sleeper} waits on), shared with nobody.
   */
  public static Throttle of(RateLimit limit, Clock clock) {
    return limit.equals(RateLimit.unlimited()) ? UNLIMITED : new Throttle(limit, clock);
  }

  public RateLimit limit() {
    return limit;
  }

  /**
   * Waits for a concurrency slot (as long as it takes) and then for the next slot under the rate
   * (through {@code sleeper}), and returns the permit to close after the request.
   *
   * @throws InterruptedException if a wait was cut short; no permit is held then
   */
  public Permit acquire(Sleeper sleeper) throws InterruptedException {
    Objects.requireNonNull(sleeper, "sleeper");
    Bulkhead<Object> slots = concurrency;
    if (slots != null) {
      slots.acquirePermit();
    }
    try {
      SmoothRate r = rate;
      if (r != null) {
        Duration wait = r.reserve();
        if (!wait.isZero()) {
          sleeper.sleep(wait);
        }
      }
    } catch (InterruptedException | RuntimeException e) {
      if (slots != null) {
        slots.releasePermit();
      }
      throw e;
    }
    return slots == null ? Permit.NONE : new Permit(slots);
  }

  /**
   * Takes a concurrency slot only if one is free now, without waiting for the rate: for callers
   * that would rather do something else than wait.
   *
   * @return the permit, or {@code null} when all slots are taken or the rate is used up
   */
  public @Nullable Permit tryAcquire() {
    Bulkhead<Object> slots = concurrency;
    if (slots != null && !slots.tryAcquirePermit()) {
      return null;
    }
    SmoothRate r = rate;
    if (r != null && !r.tryAcquire()) {
      if (slots != null) {
        slots.releasePermit();
      }
      return null;
    }
    return slots == null ? Permit.NONE : new Permit(slots);
  }

  @Override
  public String toString() {
    return "Throttle[" + limit + "]";
  }

  /** Permission for one request; close it when the response is in. Not thread-safe. */
  public static final class Permit implements AutoCloseable {
    static final Permit NONE = new Permit(null);

    private @Nullable Bulkhead<Object> slots;

    private Permit(@Nullable Bulkhead<Object> slots) {
      this.slots = slots;
    }

    /** Frees the concurrency slot; a second call does nothing. */
    @Override
    public void close() {
      Bulkhead<Object> s = slots;
      if (s != null) {
        slots = null;
        s.releasePermit();
      }
    }
  }
}

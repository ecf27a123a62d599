package dev.tributary.core.retry;

import dev.failsafe.Bulkhead;
import dev.failsafe.RateLimiter;
import dev.tributary.core.connector.RateLimit;
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
  private static final Throttle UNLIMITED = new Throttle(RateLimit.unlimited());

  private final RateLimit limit;
  private final @Nullable RateLimiter<Object> rate;
  private final @Nullable Bulkhead<Object> concurrency;

  Throttle(RateLimit limit) {
    this.limit = Objects.requireNonNull(limit, "limit");
    this.rate =
        limit.limitsRate()
            ? RateLimiter.smoothBuilder(limit.requests(), limit.interval()).build()
            : null;
    this.concurrency = limit.limitsConcurrency() ? Bulkhead.of(limit.maxConcurrency()) : null;
  }

  /** A throttle that admits everything at once. */
  public static Throttle unlimited() {
    return UNLIMITED;
  }

  /** A throttle of its own, shared with nobody; {@link RateLimits} shares them. */
  public static Throttle of(RateLimit limit) {
    return limit.equals(RateLimit.unlimited()) ? UNLIMITED : new Throttle(limit);
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
      RateLimiter<Object> r = rate;
      if (r != null) {
        Duration wait = r.reservePermit();
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
    RateLimiter<Object> r = rate;
    if (r != null && !r.tryAcquirePermit()) {
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

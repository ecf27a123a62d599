package dev.tributary.core.retry;

import dev.tributary.core.auth.Authorization;
import dev.tributary.core.connector.RateLimit;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The rate limits in force, one {@link Throttle} per connector and credential: two jobs that call
 * the same vendor with the same credential share one budget of requests and connections, as the
 * vendor counts them. A {@code JobRunner} owns one; hosts with several runners may share one
 * instance between them. Thread-safe.
 *
 * <p>Credentials are compared with {@link Authorization#equals}, which compares secrets in constant
 * time and never exposes them.
 */
public final class RateLimits {
  private record Key(String connectorId, Authorization credential) {}

  private final ConcurrentMap<Key, Throttle> throttles = new ConcurrentHashMap<>();
  private final Clock clock;

  /** Rate limits measured on the system clock. */
  public RateLimits() {
    this(Clock.systemUTC());
  }

  /**
   * Rate limits measured on {@code clock}: the clock of the runner whose sleeper waits for them (a
   * {@code JobRunner} built with a clock uses it for its own rate limits).
   */
  public RateLimits(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The shared throttle of {@code connectorId} with {@code credential}, created with {@code limit}
   * on first use.
   *
   * @throws IllegalStateException if that pair already has a different limit: jobs sharing a
   *     credential must agree on it
   */
  public Throttle throttle(String connectorId, Authorization credential, RateLimit limit) {
    Objects.requireNonNull(connectorId, "connectorId");
    Objects.requireNonNull(credential, "credential");
    Objects.requireNonNull(limit, "limit");
    Throttle throttle =
        throttles.computeIfAbsent(
            new Key(connectorId, credential), k -> new Throttle(limit, clock));
    if (!throttle.limit().equals(limit)) {
      throw new IllegalStateException(
          "connector "
              + connectorId
              + " with this "
              + credential.kind()
              + " is already limited to "
              + throttle.limit()
              + "; jobs that share a credential must share its limit, not "
              + limit);
    }
    return throttle;
  }

  @Override
  public String toString() {
    return "RateLimits[" + throttles.size() + " throttles]";
  }
}

package dev.tributary.core.connector;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast a connector may call a third party with one credential (the runtime enforces it, shared
 * by every job using that connector and credential; see {@link Connector#rateLimit}): at most
 * {@code requests} per {@code interval} (spread evenly, so that no window of that length sees
 * more), and at most {@code maxConcurrency} calls at once ("10 concurrent connections"). Zero means
 * no limit of that kind.
 *
 * @param requests requests allowed per interval, or 0 for no rate limit
 * @param interval the interval {@code requests} is counted over
 * @param maxConcurrency calls allowed at the same time, or 0 for no limit
 */
public record RateLimit(long requests, Duration interval, int maxConcurrency) {
  private static final RateLimit UNLIMITED = new RateLimit(0, Duration.ofSeconds(1), 0);

  public RateLimit {
    Objects.requireNonNull(interval, "interval");
    if (requests < 0) {
      throw new IllegalArgumentException("requests must not be negative: " + requests);
    }
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive: " + interval);
    }
    if (maxConcurrency < 0) {
      throw new IllegalArgumentException("maxConcurrency must not be negative: " + maxConcurrency);
    }
  }

  /** No limit at all: the default when a connector declares none. */
  public static RateLimit unlimited() {
    return UNLIMITED;
  }

  /** At most {@code requests} per {@code interval}, any number at once. */
  public static RateLimit of(long requests, Duration interval) {
    if (requests < 1) {
      throw new IllegalArgumentException("requests must be at least 1: " + requests);
    }
    return new RateLimit(requests, interval, 0);
  }

  /** At most {@code maxConcurrency} calls at once, at any rate. */
  public static RateLimit concurrency(int maxConcurrency) {
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency must be at least 1: " + maxConcurrency);
    }
    return new RateLimit(0, Duration.ofSeconds(1), maxConcurrency);
  }

  /** A copy that also allows at most {@code maxConcurrency} calls at once. */
  public RateLimit withMaxConcurrency(int maxConcurrency) {
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency must be at least 1: " + maxConcurrency);
    }
    return new RateLimit(requests, interval, maxConcurrency);
  }

  public boolean limitsRate() {
    return requests > 0;
  }

  public boolean limitsConcurrency() {
    return maxConcurrency > 0;
  }
}

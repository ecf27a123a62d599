package dev.tributary.core.retry;

import dev.tributary.core.TributaryException;
import java.time.Duration;

/**
 * Hears about retries as they are scheduled, for progress counters and logs. Called on the thread
 * that retries; must be quick and must not throw.
 */
@FunctionalInterface
public interface RetryListener {
  /**
   * {@code items} items (1 for a single call) failed with a retryable {@code cause} and will be
   * tried again after {@code delay}.
   */
  void retrying(int items, TributaryException cause, Duration delay);

  /** A listener that ignores everything. */
  static RetryListener none() {
    return (items, cause, delay) -> {};
  }
}

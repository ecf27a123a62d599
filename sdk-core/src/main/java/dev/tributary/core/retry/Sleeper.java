package dev.tributary.core.retry;

import java.time.Duration;

/**
 * How the runtime waits: between retries and for rate-limit permits. The default sleeps the thread;
 * tests pass one that advances a fake clock instead, so that no test sleeps.
 */
@FunctionalInterface
public interface Sleeper {
  /**
   * Waits for {@code duration}.
   *
   * @throws InterruptedException if the wait was cut short: the thread was interrupted or the run
   *     was asked to stop
   */
  void sleep(Duration duration) throws InterruptedException;

  /** Sleeps the calling thread ({@link Thread#sleep}); interruptible. */
  static Sleeper system() {
    return d -> {
      if (!d.isNegative() && !d.isZero()) {
        Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
      }
    };
  }
}

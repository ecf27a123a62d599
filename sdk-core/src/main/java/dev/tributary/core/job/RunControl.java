package dev.tributary.core.job;

import dev.tributary.core.retry.Sleeper;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The stop signal of one run, and the sleeper its waits go through: a stop request wakes a waiting
 * run at once (its wait throws {@link InterruptedException}) so that retries and rate-limit waits
 * never hold up a shutdown. With an injected sleeper (tests), waits are delegated and the stop is
 * checked before and after. Thread-safe.
 */
final class RunControl implements Sleeper {
  private final @Nullable Sleeper injected;
  private volatile boolean stop;

  RunControl(@Nullable Sleeper injected) {
    this.injected = injected;
  }

  void requestStop() {
    stop = true;
    synchronized (this) {
      notifyAll();
    }
  }

  boolean stopRequested() {
    return stop;
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    checkStop();
    Sleeper s = injected;
    if (s != null) {
      s.sleep(duration);
      checkStop();
      return;
    }
    long deadline = System.nanoTime() + duration.toNanos();
    synchronized (this) {
      long left;
      while (!stop && (left = deadline - System.nanoTime()) > 0) {
        wait(left / 1_000_000, (int) (left % 1_000_000));
      }
    }
    checkStop();
  }

  private void checkStop() throws InterruptedException {
    if (stop) {
      throw new InterruptedException("the run was asked to stop");
    }
  }
}

package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.fail;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * One part of a test run on a daemon thread of its own, so that the test can see it block, wake it
 * and collect what it threw; every wait here has a deadline, so a hang fails the test instead of
 * blocking the build.
 */
final class Background {
  static final long DEADLINE_MILLIS = 5_000;

  interface Body {
    void run() throws Exception;
  }

  private final Thread thread;
  private volatile @Nullable Throwable thrown;
  private volatile boolean interruptedAtEnd;

  private Background(String name, Body body) {
    thread =
        new Thread(
            () -> {
              try {
                body.run();
              } catch (Throwable t) {
                thrown = t;
              }
              interruptedAtEnd = Thread.currentThread().isInterrupted();
            },
            name);
    thread.setDaemon(true);
  }

  static Background start(String name, Body body) {
    Background b = new Background(name, body);
    b.thread.start();
    return b;
  }

  Thread thread() {
    return thread;
  }

  /** Waits until the thread is parked in a {@link BufferRing} (LockSupport's blocker object). */
  void awaitParkedInRing() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEADLINE_MILLIS);
    while (!(LockSupport.getBlocker(thread) instanceof BufferRing)) {
      if (!thread.isAlive()) {
        fail("%s ended instead of waiting; it threw %s", thread.getName(), thrown);
      }
      if (System.nanoTime() > deadline) {
        fail("%s did not wait within %d ms", thread.getName(), DEADLINE_MILLIS);
      }
      Thread.sleep(1);
    }
  }

  /** Waits for the thread to end and returns what it threw, or null; fails if it does not end. */
  @Nullable Throwable join() throws InterruptedException {
    thread.join(DEADLINE_MILLIS);
    if (thread.isAlive()) {
      fail("%s did not end within %d ms", thread.getName(), DEADLINE_MILLIS);
    }
    return thrown;
  }

  /** Whether the thread's interrupt status was still set when its body ended. */
  boolean interruptedAtEnd() {
    return interruptedAtEnd;
  }
}

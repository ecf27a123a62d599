package dev.tributary.testing.time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ScheduledExecutorService} in virtual time: tasks — one-shot, fixed-rate and fixed-delay
 * — run on the test's thread when the test calls {@link #advance} or {@link #runDue}, at the {@link
 * ManualClock}'s time, in due order. No threads, no sleeps, no flakiness. A task that throws fails
 * the {@code advance} call with an {@link AssertionError}; a periodic task that throws stops
 * repeating, as with the JDK's executor.
 */
public final class ManualScheduler extends AbstractExecutorService
    implements ScheduledExecutorService {
  private final ManualClock clock;
  private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
  private long sequence;
  private boolean shutdown;

  /** A scheduler whose time is {@code clock}'s. */
  public ManualScheduler(ManualClock clock) {
    this.clock = clock;
  }

  /** Moves time forward by {@code d}, running every task that falls due on the way. */
  public void advance(Duration d) {
    Instant target = clock.instant().plus(d);
    Task<?> next;
    while ((next = nextDue(target)) != null) {
      if (next.due.isAfter(clock.instant())) {
        clock.advance(Duration.between(clock.instant(), next.due));
      }
      if (next.runOnce()) {
        reschedule(next);
      }
      failIfThrew(next);
    }
    if (target.isAfter(clock.instant())) {
      clock.advance(Duration.between(clock.instant(), target));
    }
  }

  private synchronized void reschedule(Task<?> task) {
    if (!shutdown && !task.isCancelled()) {
      task.due = task.fixedRate ? task.due.plus(task.period) : clock.instant().plus(task.period);
      task.seq = sequence++;
      queue.add(task);
    }
  }

  private static void failIfThrew(Task<?> task) {
    if (!task.isDone()) {
      return;
    }
    try {
      task.get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new AssertionError("a scheduled task threw", e.getCause());
    } catch (InterruptedException | java.util.concurrent.CancellationException e) {
      // not a failure of the task
    }
  }

  /** Runs the tasks due now (including those they submit for now). */
  public void runDue() {
    advance(Duration.ZERO);
  }

  private synchronized Task<?> nextDue(Instant target) {
    Task<?> head = queue.peek();
    while (head != null && head.isCancelled()) {
      queue.poll();
      head = queue.peek();
    }
    if (head == null || head.due.isAfter(target)) {
      return null;
    }
    return queue.poll();
  }

  /** How many tasks wait (cancelled ones excluded). */
  public synchronized int queued() {
    return (int) queue.stream().filter(t -> !t.isCancelled()).count();
  }

  private <V> Task<V> add(Callable<V> callable, long delay, TimeUnit unit) {
    return add(new Task<>(callable, clock.instant().plusNanos(unit.toNanos(delay)), null, false));
  }

  private synchronized <V> Task<V> add(Task<V> task) {
    if (shutdown) {
      throw new java.util.concurrent.RejectedExecutionException("shut down");
    }
    task.seq = sequence++;
    queue.add(task);
    return task;
  }

  private ScheduledFuture<?> periodic(
      Runnable command, long initialDelay, long period, TimeUnit unit, boolean fixedRate) {
    if (period <= 0) {
      throw new IllegalArgumentException("period must be positive: " + period);
    }
    Callable<@Nullable Void> call =
        () -> {
          command.run();
          return null;
        };
    Instant first = clock.instant().plusNanos(unit.toNanos(initialDelay));
    return add(new Task<>(call, first, Duration.ofNanos(unit.toNanos(period)), fixedRate));
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return add(
        () -> {
          command.run();
          return null;
        },
        delay,
        unit);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    return add(callable, delay, unit);
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    return periodic(command, initialDelay, period, unit, true);
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    return periodic(command, initialDelay, delay, unit, false);
  }

  @Override
  public void execute(Runnable command) {
    var unused = schedule(command, 0, TimeUnit.NANOSECONDS);
  }

  @Override
  public synchronized void shutdown() {
    shutdown = true;
  }

  @Override
  public synchronized List<Runnable> shutdownNow() {
    shutdown = true;
    List<Runnable> left = new ArrayList<>(queue);
    queue.clear();
    return left;
  }

  @Override
  public synchronized boolean isShutdown() {
    return shutdown;
  }

  @Override
  public synchronized boolean isTerminated() {
    return shutdown && queue.isEmpty();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return isTerminated();
  }

  private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
    Instant due;
    long seq;
    final @Nullable Duration period;
    final boolean fixedRate;

    Task(Callable<V> callable, Instant due, @Nullable Duration period, boolean fixedRate) {
      super(callable);
      this.due = due;
      this.period = period;
      this.fixedRate = fixedRate;
    }

    /** Runs the task; true when it is periodic, ran without throwing and should run again. */
    boolean runOnce() {
      if (period == null) {
        run();
        return false;
      }
      return runAndReset();
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(Duration.between(clock.instant(), due));
    }

    @Override
    public int compareTo(Delayed o) {
      Task<?> other = (Task<?>) o;
      int c = due.compareTo(other.due);
      return c != 0 ? c : Long.compare(seq, other.seq);
    }

    @Override
    public boolean equals(Object o) {
      return this == o;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(seq);
    }
  }
}

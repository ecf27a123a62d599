package dev.tributary.core.job;

import dev.tributary.core.TributaryException;
import dev.tributary.core.retry.Retrier;
import dev.tributary.core.retry.Throttle;
import dev.tributary.core.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link JobHandle} of a {@link Job}: fires it on its schedule, one run at a time. */
final class ScheduledJobHandle implements JobHandle {
  private static final Logger log = LoggerFactory.getLogger(ScheduledJobHandle.class);

  private final Job job;
  private final Services services;
  private final Throttle throttle;
  private final Runnable onCancel;

  private JobState state = JobState.ACTIVE;
  private @Nullable ScheduledFuture<?> timer;
  private @Nullable Instant nextAt;
  private @Nullable Progress current;
  private @Nullable CompletableFuture<RunSnapshot> currentDone;
  private @Nullable Thread currentThread;
  private @Nullable RunSnapshot last;
  private long runs;

  ScheduledJobHandle(Job job, Services services, Runnable onCancel) {
    this.job = job;
    this.services = services;
    this.onCancel = onCancel;
    this.throttle = services.throttle(job.connector(), job.authorization(), job.rateLimit());
  }

  synchronized void start() {
    scheduleAfter(services.clock().instant());
  }

  private synchronized void scheduleAfter(Instant after) {
    cancelTimer();
    Schedule schedule = job.schedule().orElse(null);
    if (state != JobState.ACTIVE || schedule == null) {
      return;
    }
    nextAt = schedule.nextFireTime(after).orElse(null);
    if (nextAt != null) {
      armFor(nextAt);
    }
  }

  private void armFor(Instant at) {
    long nanos = Math.max(0, Duration.between(services.clock().instant(), at).toNanos());
    timer = services.executor().schedule(this::fire, nanos, TimeUnit.NANOSECONDS);
  }

  private void cancelTimer() {
    ScheduledFuture<?> t = timer;
    if (t != null) {
      t.cancel(false);
    }
    timer = null;
    nextAt = null;
  }

  private void fire() {
    Progress run;
    synchronized (this) {
      Instant due = nextAt;
      timer = null;
      if (state != JobState.ACTIVE || due == null) {
        return;
      }
      Instant now = services.clock().instant();
      if (now.isBefore(due)) { // the executor's timer ran ahead of the clock
        armFor(due);
        return;
      }
      Instant after = now.isAfter(due) ? now : due;
      if (current != null) {
        log.debug("job {}: run {} still going at {}; this fire is skipped", job.id(), runs, due);
        scheduleAfter(after);
        return;
      }
      run = begin();
      scheduleAfter(after);
    }
    execute(run);
  }

  @Override
  public CompletableFuture<RunSnapshot> runNow() {
    Progress run;
    synchronized (this) {
      if (state != JobState.ACTIVE) {
        throw new IllegalStateException("job " + job.id() + " is " + state + "; resume it first");
      }
      if (current != null) {
        return currentDone;
      }
      run = begin();
    }
    CompletableFuture<RunSnapshot> done = currentDone;
    services.executor().execute(() -> execute(run));
    return done;
  }

  private Progress begin() {
    runs++;
    current = services.newRun(job.id(), runs);
    currentDone = new CompletableFuture<>();
    return current;
  }

  private void execute(Progress run) {
    synchronized (this) {
      currentThread = Thread.currentThread();
    }
    RunStatus status;
    TributaryException failure = null;
    try {
      DefaultRunContext context = new DefaultRunContext(job, services, run, throttle);
      services.listeners().runStarted(run.snapshot());
      job.task().run(context);
      status = run.stopRequested() ? RunStatus.STOPPED : RunStatus.SUCCEEDED;
      if (status == RunStatus.SUCCEEDED && job.restartEachRun()) {
        services.stateStore().delete(job.id());
      }
    } catch (InterruptedException e) {
      Thread.interrupted(); // clear it: the pool thread lives on
      status = RunStatus.STOPPED;
    } catch (Throwable t) { // every failure becomes a classified outcome, none escapes the pool
      failure = Retrier.classify(t);
      status = RunStatus.FAILED;
      run.failed(failure);
      log.debug("job {} run {} failed", job.id(), run.runNumber, failure);
    }
    finish(run, status, failure);
  }

  private void finish(Progress run, RunStatus status, @Nullable TributaryException failure) {
    RunSnapshot outcome = run.finish(status, failure);
    CompletableFuture<RunSnapshot> done;
    synchronized (this) {
      if (failure != null && Services.pausesTheJob(failure) && state == JobState.ACTIVE) {
        state = JobState.PAUSED;
        cancelTimer();
      }
      last = outcome;
      current = null;
      currentThread = null;
      done = currentDone;
      currentDone = null;
    }
    services.listeners().runFinished(outcome);
    if (done != null) {
      done.complete(outcome);
    }
  }

  @Override
  public synchronized void pause() {
    if (state == JobState.ACTIVE) {
      state = JobState.PAUSED;
      cancelTimer();
      requestStop();
    }
  }

  @Override
  public synchronized void resume() {
    if (state == JobState.PAUSED) {
      state = JobState.ACTIVE;
      scheduleAfter(services.clock().instant());
    }
  }

  @Override
  public void cancel() {
    synchronized (this) {
      if (state == JobState.CANCELLED) {
        return;
      }
      state = JobState.CANCELLED;
      cancelTimer();
      requestStop();
    }
    onCancel.run();
  }

  private void requestStop() {
    Progress run = current;
    if (run != null) {
      run.control.requestStop();
    }
  }

  /** For shutdown: no more fires; asks the current run to stop; completes when it has. */
  synchronized CompletableFuture<?> stop() {
    cancelTimer();
    requestStop();
    CompletableFuture<RunSnapshot> done = currentDone;
    return done != null ? done : CompletableFuture.completedFuture(null);
  }

  /** For a shutdown whose grace ran out: interrupts the current run's thread. */
  synchronized void interrupt() {
    Thread t = currentThread;
    if (t != null) {
      t.interrupt();
    }
  }

  @Override
  public String id() {
    return job.id();
  }

  @Override
  public synchronized JobState state() {
    return state;
  }

  @Override
  public synchronized Optional<Instant> nextRunAt() {
    return Optional.ofNullable(nextAt);
  }

  @Override
  public synchronized Optional<RunSnapshot> currentRun() {
    Progress run = current;
    return run == null ? Optional.empty() : Optional.of(run.snapshot());
  }

  @Override
  public synchronized Optional<RunSnapshot> lastRun() {
    return Optional.ofNullable(last);
  }

  @Override
  public String toString() {
    return "JobHandle[" + job.id() + ", " + state() + "]";
  }
}

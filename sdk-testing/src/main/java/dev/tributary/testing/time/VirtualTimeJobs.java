package dev.tributary.testing.time;

import dev.tributary.core.TributaryException;
import dev.tributary.core.job.JobHandle;
import dev.tributary.core.job.JobRunner;
import dev.tributary.core.job.RunListener;
import dev.tributary.core.job.RunSnapshot;
import dev.tributary.core.state.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Job runners in virtual time, and what their runs told their listeners: the set-up a test of a
 * connector under the runtime needs. Runners made here run on one {@link ManualScheduler}, read one
 * {@link ManualClock} and sleep on it, so schedules, retries with backoff and rate-limit waits take
 * no real time; every run that ends and every item rejected for good is recorded.
 *
 * <pre>{@code
 * VirtualTimeJobs jobs = VirtualTimeJobs.startingAt(Instant.parse("2026-12-01T10:00:00Z"));
 * JobRunner runner = jobs.runner(StateStore.inMemory());
 * runner.add(Job.exporting(...).schedule(Schedule.parse("every 1h")).build());
 *
 * jobs.advance(Duration.ofHours(1));                     // the first run, retries and all
 *
 * assertThat(jobs.finished()).extracting(RunSnapshot::status).containsExactly(SUCCEEDED);
 * assertThat(jobs.clock().sleeps()).containsExactly(Duration.ofSeconds(7)); // a Retry-After
 * }</pre>
 *
 * <p>One instance per test. Runs happen on the thread that calls {@link #advance} or {@link
 * #runNow}; the records are safe to read from any thread. Closing the runners is the test's
 * business: a runner it restarts (to show that a job resumes from a durable {@link StateStore})
 * should be closed before the next one is made, as a host process would end.
 */
public final class VirtualTimeJobs {
  private final ManualClock clock;
  private final ManualScheduler scheduler;
  private final List<RunSnapshot> finished = new CopyOnWriteArrayList<>();
  private final List<Rejection> rejected = new CopyOnWriteArrayList<>();

  private VirtualTimeJobs(ManualClock clock) {
    this.clock = clock;
    this.scheduler = new ManualScheduler(clock);
  }

  /** Jobs on a fresh {@link ManualClock} standing at {@code start}. */
  public static VirtualTimeJobs startingAt(Instant start) {
    return new VirtualTimeJobs(new ManualClock(Objects.requireNonNull(start, "start")));
  }

  /**
   * Jobs on {@code clock}, for a test whose connector or fixture already reads or sleeps on it. The
   * scheduler made here moves it.
   */
  public static VirtualTimeJobs on(ManualClock clock) {
    return new VirtualTimeJobs(Objects.requireNonNull(clock, "clock"));
  }

  /** The clock the runners read and sleep on; its {@link ManualClock#sleeps()} are their waits. */
  public ManualClock clock() {
    return clock;
  }

  /** The scheduler the runners run on. */
  public ManualScheduler scheduler() {
    return scheduler;
  }

  /**
   * A runner builder already given the scheduler as executor, the clock as clock and sleeper, and
   * the listener that records runs and rejections; add a state store, rate limits or listeners.
   */
  public JobRunner.Builder runnerBuilder() {
    return JobRunner.builder()
        .executor(scheduler)
        .clock(clock)
        .sleeper(clock)
        .listener(new Recorder());
  }

  /** A runner in virtual time keeping its checkpoints in {@code stateStore}. */
  public JobRunner runner(StateStore stateStore) {
    return runnerBuilder().stateStore(Objects.requireNonNull(stateStore, "stateStore")).build();
  }

  /**
   * Moves time forward by {@code d}: every run that falls due on the way runs to its end, with its
   * retries and waits.
   */
  public void advance(Duration d) {
    scheduler.advance(d);
  }

  /**
   * Runs {@code job} now, outside its schedule, and returns how the run ended. The run goes at the
   * clock's present time, on this thread; time moves only by the run's own waits.
   *
   * @throws AssertionError if the run did not end (it waits for something outside virtual time)
   */
  public RunSnapshot runNow(JobHandle job) throws InterruptedException {
    CompletableFuture<RunSnapshot> run = job.runNow();
    scheduler.runDue();
    try {
      return run.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("the run of " + job.id() + " did not end", e);
    }
  }

  /** Every run that ended, in order. */
  public List<RunSnapshot> finished() {
    return List.copyOf(finished);
  }

  /** Every item rejected for good, in order. */
  public List<Rejection> rejected() {
    return List.copyOf(rejected);
  }

  /**
   * Every item rejected for good, in order, as {@code "key: error message"}: what a test compares
   * most readably. Items hold personal data, so the test says which key names an item.
   *
   * @throws ClassCastException if an item is not a {@code type}
   */
  public <T> List<String> rejected(Class<T> type, Function<? super T, String> key) {
    return rejected.stream()
        .map(r -> key.apply(type.cast(r.item())) + ": " + r.error().getMessage())
        .toList();
  }

  /** An item a run rejected for good, as {@link RunListener#itemRejected} heard of it. */
  public record Rejection(String jobId, long runNumber, Object item, TributaryException error) {}

  private final class Recorder implements RunListener {
    @Override
    public void runFinished(RunSnapshot run) {
      finished.add(run);
    }

    @Override
    public void itemRejected(String jobId, long runNumber, Object item, TributaryException error) {
      rejected.add(new Rejection(jobId, runNumber, item, error));
    }
  }
}

package dev.tributary.core.job;

import dev.tributary.core.retry.RateLimits;
import dev.tributary.core.retry.Sleeper;
import dev.tributary.core.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs jobs: {@link Job}s on their schedules (or on demand) and {@link TriggeredJob}s on audience
 * changes, each with retries, rate limits shared per connector and credential, checkpoints in a
 * {@link StateStore}, and progress for {@link RunListener}s. Runs of one job never overlap.
 *
 * <pre>{@code
 * JobRunner runner = JobRunner.create();                       // or JobRunner.builder()...build()
 * JobHandle handle = runner.add(Job.exporting("vip-export", connector, config, auth, audience)
 *     .schedule(Schedule.parse("daily 02:30 Europe/Berlin")).build());
 * ...
 * runner.close();                                              // graceful: nothing is lost
 * }</pre>
 *
 * <p>Thread-safe. By default the runner owns a small pool of daemon threads, which {@link
 * #shutdown} stops; an executor handed to the builder belongs to the host, which shuts it down
 * after the runner. Checkpoints live in memory unless the builder is given a durable {@link
 * StateStore}.
 */
public final class JobRunner implements AutoCloseable {
  private final Services services;
  private final boolean ownsExecutor;
  private final ConcurrentMap<String, JobHandle> jobs = new ConcurrentHashMap<>();
  private boolean shutDown;

  private JobRunner(Builder b) {
    ScheduledExecutorService executor = b.executor;
    this.ownsExecutor = executor == null;
    if (executor == null) {
      executor = ownExecutor(b.threads);
    }
    this.services =
        new Services(
            executor,
            b.clock,
            b.sleeper,
            b.stateStore,
            b.rateLimits != null ? b.rateLimits : new RateLimits(b.clock),
            new Listeners(b.listeners));
  }

  private static ScheduledExecutorService ownExecutor(int threads) {
    AtomicInteger count = new AtomicInteger();
    ScheduledThreadPoolExecutor pool =
        new ScheduledThreadPoolExecutor(
            threads,
            r -> {
              Thread t = new Thread(r, "tributary-runner-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.setRemoveOnCancelPolicy(true);
    return pool;
  }

  /** A runner with its own threads, the system clock and checkpoints in memory. */
  public static JobRunner create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Registers {@code job} and schedules its first run.
   *
   * @throws IllegalArgumentException if a job with that id is already registered
   * @throws IllegalStateException if the runner is shut down, or the job's rate limit conflicts
   *     with that of another job using the same connector and credential
   */
  public JobHandle add(Job job) {
    Objects.requireNonNull(job, "job");
    ScheduledJobHandle handle =
        register(
            job.id(), () -> new ScheduledJobHandle(job, services, () -> jobs.remove(job.id())));
    handle.start();
    return handle;
  }

  /**
   * Registers and starts {@code job}: its backfill (if the trigger asks for one and it has not
   * completed before) and its live deliveries.
   *
   * @throws IllegalArgumentException if a job with that id is already registered, or the host's
   *     executor has fewer than two threads (a backfill waits for deliveries on another thread)
   * @throws IllegalStateException if the runner is shut down, or the rate limit conflicts
   */
  public TriggerHandle add(TriggeredJob job) {
    Objects.requireNonNull(job, "job");
    if (services.executor() instanceof ThreadPoolExecutor pool
        && pool.getCorePoolSize() < 2
        && job.backfillSource().isPresent()) {
      throw new IllegalArgumentException(
          "a triggered job with a backfill needs an executor with at least 2 threads, not "
              + pool.getCorePoolSize());
    }
    TriggeredJobHandle handle =
        register(
            job.id(), () -> new TriggeredJobHandle(job, services, () -> jobs.remove(job.id())));
    handle.start();
    return handle;
  }

  private synchronized <H extends JobHandle> H register(String id, Supplier<H> create) {
    if (shutDown) {
      throw new IllegalStateException("the job runner is shut down");
    }
    if (jobs.containsKey(id)) {
      throw new IllegalArgumentException("a job with id " + id + " is already registered");
    }
    H handle = create.get();
    jobs.put(id, handle);
    return handle;
  }

  public Optional<JobHandle> job(String id) {
    return Optional.ofNullable(jobs.get(Objects.requireNonNull(id, "id")));
  }

  /** The registered jobs, in no particular order. */
  public List<JobHandle> jobs() {
    return List.copyOf(jobs.values());
  }

  /**
   * Shuts down gracefully: no run starts any more; running jobs are asked to stop at their next
   * checkpoint; triggered jobs deliver what they hold. After {@code grace}, runs still going are
   * interrupted (their uncommitted work is redone by the next run: nothing is lost, some may be
   * sent twice). Returns when all have ended, or a further {@code grace} has passed.
   *
   * @return true if every run stopped at a checkpoint and every accepted change was delivered
   */
  public boolean shutdown(Duration grace) throws InterruptedException {
    Objects.requireNonNull(grace, "grace");
    synchronized (this) {
      if (shutDown) {
        return true;
      }
      shutDown = true;
    }
    long deadline = System.nanoTime() + grace.toNanos();
    boolean clean = true;
    List<CompletableFuture<?>> running = new ArrayList<>();
    List<ScheduledJobHandle> scheduled = new ArrayList<>();
    for (JobHandle handle : jobs.values()) {
      if (handle instanceof ScheduledJobHandle s) {
        scheduled.add(s);
        running.add(s.stop());
      }
    }
    for (JobHandle handle : jobs.values()) {
      if (handle instanceof TriggeredJobHandle t) {
        clean &= t.stop(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      }
    }
    clean &= awaitAll(running, deadline);
    if (!clean) {
      scheduled.forEach(ScheduledJobHandle::interrupt);
      awaitAll(running, System.nanoTime() + grace.toNanos());
    }
    if (ownsExecutor) {
      services.executor().shutdownNow();
    }
    return clean;
  }

  private static boolean awaitAll(List<CompletableFuture<?>> futures, long deadline)
      throws InterruptedException {
    for (CompletableFuture<?> f : futures) {
      try {
        f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        return false;
      } catch (ExecutionException e) {
        // a run's outcome is reported through its snapshot, not here
      }
    }
    return true;
  }

  /** {@link #shutdown(Duration)} with 30 seconds' grace. */
  @Override
  public void close() throws InterruptedException {
    shutdown(Duration.ofSeconds(30));
  }

  @Override
  public String toString() {
    return "JobRunner[" + jobs.size() + " jobs, " + services.stateStore() + "]";
  }

  /** Builds a {@link JobRunner}. Not thread-safe. */
  public static final class Builder {
    private @Nullable ScheduledExecutorService executor;
    private int threads = 4;
    private Clock clock = Clock.systemUTC();
    private @Nullable Sleeper sleeper;
    private StateStore stateStore = StateStore.inMemory();
    private @Nullable RateLimits rateLimits;
    private final List<RunListener> listeners = new ArrayList<>();

    private Builder() {}

    /**
     * Runs jobs on the host's executor instead of the runner's own; the host shuts it down after
     * {@link JobRunner#shutdown}. A run occupies one thread while it lasts; a triggered job with a
     * backfill needs at least two.
     */
    public Builder executor(ScheduledExecutorService executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Threads of the runner's own executor: how many runs may go at once. Default: 4. Ignored when
     * an executor is given.
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1: " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** The time source for schedules, progress and connectors. Default: system UTC. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How runs wait between retries and for rate limits. Default: real time, cut short when the run
     * is asked to stop. Tests pass a fake clock's sleeper.
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Where checkpoints live. Default: {@link StateStore#inMemory()}, which forgets them when the
     * process ends; use {@link StateStore#directory} or the host's database to resume after a
     * restart.
     */
    public Builder stateStore(StateStore stateStore) {
      this.stateStore = Objects.requireNonNull(stateStore, "stateStore");
      return this;
    }

    /**
     * Rate limits to share with other runners (build them on the same clock). Default: the runner's
     * own, measured on its {@linkplain #clock clock}.
     */
    public Builder rateLimits(RateLimits rateLimits) {
      this.rateLimits = Objects.requireNonNull(rateLimits, "rateLimits");
      return this;
    }

    /** Adds a listener for every job's runs. */
    public Builder listener(RunListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    public JobRunner build() {
      return new JobRunner(this);
    }
  }
}

package dev.tributary.core.job;

import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.Page;
import dev.tributary.core.model.AudienceChange;
import dev.tributary.core.model.Profile;
import dev.tributary.core.retry.BatchOutcome;
import dev.tributary.core.retry.Retrier;
import dev.tributary.core.retry.Throttle;
import dev.tributary.core.trigger.AudienceChanges;
import dev.tributary.core.trigger.BackfillGate;
import dev.tributary.core.trigger.MicroBatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link TriggerHandle} of a {@link TriggeredJob}: micro-batcher, backfill and deliveries. */
final class TriggeredJobHandle implements TriggerHandle {
  private static final Logger log = LoggerFactory.getLogger(TriggeredJobHandle.class);

  private final TriggeredJob job;
  private final Services services;
  private final Throttle throttle;
  private final Runnable onCancel;
  private final MicroBatcher<AudienceChanges.Key, AudienceChange> batcher;
  private final @Nullable BackfillGate<AudienceChanges.Key, AudienceChange> gate;

  private JobState state = JobState.ACTIVE;
  private Progress run;
  private Retrier retrier;
  private ConnectorContext context;
  private long runs;
  private @Nullable RunSnapshot last;
  private boolean backfillRunning;
  private volatile boolean backfillStop;
  private final CompletableFuture<Void> backfillDone = new CompletableFuture<>();

  TriggeredJobHandle(TriggeredJob job, Services services, Runnable onCancel) {
    this.job = job;
    this.services = services;
    this.onCancel = onCancel;
    this.throttle = services.throttle(job.connector(), job.authorization(), job.rateLimit());
    this.batcher =
        MicroBatcher.forTrigger(job.trigger(), this::deliver)
            .maxBatchSize(job.batchSize())
            .clock(services.clock())
            .scheduler(services.executor())
            .build();
    boolean completedBefore = services.stateStore().load(doneKey()).isPresent();
    this.gate =
        job.backfillSource().isPresent() && !completedBefore
            ? BackfillGate.forAudienceChanges(batcher)
            : null;
    if (gate == null) {
      backfillDone.complete(null);
    }
    this.run = newRun();
    this.retrier = retrierFor(run);
    this.context = contextFor(run);
  }

  private String doneKey() {
    return job.id() + "/backfill-done";
  }

  private String backfillKey() {
    return job.id() + "/backfill";
  }

  private Progress newRun() {
    runs++;
    return services.newRun(job.id(), runs);
  }

  private Retrier retrierFor(Progress p) {
    return Retrier.builder()
        .options(job.retry())
        .throttle(throttle)
        .sleeper(p.control)
        .listener(p)
        .build();
  }

  private ConnectorContext contextFor(Progress p) {
    return new ConnectorContext(job.config(), job.authorization(), services.clock(), p);
  }

  synchronized void start() {
    services.listeners().runStarted(run.snapshot());
    startBackfill();
  }

  private void startBackfill() {
    if (gate != null && gate.backfilling() && !backfillRunning) {
      backfillRunning = true;
      services.executor().execute(this::backfill);
    }
  }

  private void deliver(List<AudienceChange> batch) throws Exception {
    Progress p;
    Retrier r;
    ConnectorContext c;
    synchronized (this) {
      if (state != JobState.ACTIVE) {
        throw new TransientException("job " + job.id() + " is " + state + "; kept for resume()");
      }
      p = run;
      r = retrier;
      c = context;
    }
    try {
      BatchOutcome<AudienceChange> outcome = r.writeBatch(batch, b -> job.connector().write(c, b));
      p.written(outcome.written());
      for (BatchOutcome.Rejection<AudienceChange> rejection : outcome.rejected()) {
        p.rejected(rejection.error());
        services
            .listeners()
            .itemRejected(job.id(), p.runNumber, rejection.item(), rejection.error());
      }
      services.listeners().progressed(p.snapshot());
    } catch (TributaryException f) {
      p.failed(f);
      if (Services.pausesTheJob(f)) {
        pauseBecause(p, f);
      } else {
        retryLater(f);
      }
      throw f;
    }
  }

  private void retryLater(TributaryException f) {
    Duration delay = job.retry().maxDelay();
    Duration hint = f.retryAfter().orElse(Duration.ZERO);
    if (hint.compareTo(delay) > 0) {
      delay = hint;
    }
    log.debug("job {}: delivery failed; trying the batch again in {}", job.id(), delay, f);
    var unused =
        services.executor().schedule(this::retryIfActive, delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  private synchronized void retryIfActive() {
    if (state == JobState.ACTIVE) {
      batcher.retry();
    }
  }

  private synchronized void pauseBecause(Progress p, TributaryException f) {
    if (state == JobState.ACTIVE && p == run) {
      state = JobState.PAUSED;
      endRun(RunStatus.FAILED, f);
    }
  }

  private void endRun(RunStatus status, @Nullable TributaryException failure) {
    if (!run.isFinished()) {
      RunSnapshot outcome = run.finish(status, failure);
      last = outcome;
      services.listeners().runFinished(outcome);
    }
  }

  private void backfill() {
    BackfillGate<AudienceChanges.Key, AudienceChange> g = gate;
    try {
      Checkpoint from = services.stateStore().load(backfillKey()).orElse(Checkpoint.initial());
      while (!backfillStop && g != null && g.backfilling()) {
        from = backfillPage(g, from);
      }
    } catch (ExecutionException | IllegalStateException e) {
      log.debug("job {}: backfill halted (delivery failed, paused or closed)", job.id(), e);
    } catch (InterruptedException e) {
      log.debug("job {}: backfill interrupted", job.id());
    } catch (RuntimeException e) {
      TributaryException f = Retrier.classify(e);
      Progress p;
      synchronized (this) {
        p = run;
      }
      p.failed(f);
      pauseBecause(p, f);
    } finally {
      synchronized (this) {
        backfillRunning = false;
      }
    }
  }

  /** Offers one page, waits for its delivery, checkpoints; returns where to go on. */
  private Checkpoint backfillPage(
      BackfillGate<AudienceChanges.Key, AudienceChange> g, Checkpoint from)
      throws InterruptedException, ExecutionException {
    Progress p;
    Retrier host;
    synchronized (this) {
      p = run;
      host = Retrier.builder().options(job.retry()).sleeper(p.control).listener(p).build();
    }
    Page<Profile> page =
        host.call(() -> job.backfillSource().orElseThrow().read(from, job.batchSize()));
    Instant now = services.clock().instant();
    for (Profile profile : page.records()) {
      for (String audience : job.trigger().audiences()) {
        if (profile.audiences().contains(audience)) {
          g.offerBackfilled(AudienceChange.entered(audience, profile, now));
          p.read(1);
        }
      }
    }
    batcher.flush().get();
    if (page.last()) {
      g.finish();
      services.stateStore().save(doneKey(), Checkpoint.initial());
      services.stateStore().delete(backfillKey());
      log.debug("job {}: backfill complete", job.id());
      backfillDone.complete(null);
    } else {
      services.stateStore().save(backfillKey(), page.next());
    }
    return page.next();
  }

  @Override
  public boolean offer(AudienceChange change) throws InterruptedException {
    return accept(change, null);
  }

  @Override
  public boolean offer(AudienceChange change, Duration timeout) throws InterruptedException {
    return accept(change, Objects.requireNonNull(timeout, "timeout"));
  }

  private boolean accept(AudienceChange change, @Nullable Duration timeout)
      throws InterruptedException {
    if (!job.trigger().matches(change)) {
      return false;
    }
    Progress p;
    synchronized (this) {
      if (state == JobState.CANCELLED) {
        throw new IllegalStateException("job " + job.id() + " is cancelled");
      }
      p = run;
    }
    BackfillGate<AudienceChanges.Key, AudienceChange> g = gate;
    boolean accepted;
    if (g != null && g.backfilling()) {
      g.offerLive(change); // blocks for room: the gate has no timed offer
      accepted = true;
    } else {
      if (timeout == null) {
        batcher.offer(change);
        accepted = true;
      } else {
        accepted = batcher.offer(change, timeout);
      }
    }
    if (accepted) {
      p.read(1);
    }
    return accepted;
  }

  @Override
  public CompletableFuture<Void> flush() {
    return batcher.flush();
  }

  @Override
  public CompletableFuture<RunSnapshot> runNow() {
    synchronized (this) {
      if (state != JobState.ACTIVE) {
        throw new IllegalStateException("job " + job.id() + " is " + state + "; resume it first");
      }
    }
    return batcher.flush().thenApply(v -> currentRun().orElseGet(() -> run.snapshot()));
  }

  @Override
  public List<AudienceChange> undelivered() {
    return batcher.undelivered();
  }

  @Override
  public boolean backfilling() {
    BackfillGate<AudienceChanges.Key, AudienceChange> g = gate;
    return g != null && g.backfilling();
  }

  @Override
  public CompletableFuture<Void> backfillCompletion() {
    return backfillDone.copy();
  }

  @Override
  public synchronized void pause() {
    if (state == JobState.ACTIVE) {
      state = JobState.PAUSED;
      run.control.requestStop();
      endRun(RunStatus.STOPPED, null);
    }
  }

  @Override
  public synchronized void resume() {
    if (state == JobState.PAUSED) {
      state = JobState.ACTIVE;
      run = newRun();
      retrier = retrierFor(run);
      context = contextFor(run);
      services.listeners().runStarted(run.snapshot());
      batcher.retry();
      startBackfill();
    }
  }

  @Override
  public void cancel() {
    synchronized (this) {
      if (state == JobState.CANCELLED) {
        return;
      }
      state = JobState.CANCELLED;
      backfillStop = true;
      run.control.requestStop();
      endRun(RunStatus.STOPPED, null);
    }
    try {
      batcher.close(Duration.ZERO);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    onCancel.run();
  }

  /**
   * For shutdown: stops the backfill after its page, delivers the open batch (waiting up to {@code
   * grace}), then ends the run.
   *
   * @return whether everything accepted was delivered
   */
  boolean stop(Duration grace) throws InterruptedException {
    backfillStop = true;
    boolean delivered = batcher.close(grace);
    synchronized (this) {
      run.control.requestStop();
      endRun(RunStatus.STOPPED, null);
    }
    if (!delivered) {
      log.debug("job {}: {} changes left undelivered", job.id(), batcher.undelivered().size());
    }
    return delivered;
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
  public Optional<Instant> nextRunAt() {
    return Optional.empty();
  }

  @Override
  public synchronized Optional<RunSnapshot> currentRun() {
    return run.isFinished() ? Optional.empty() : Optional.of(run.snapshot());
  }

  @Override
  public synchronized Optional<RunSnapshot> lastRun() {
    return Optional.ofNullable(last);
  }

  @Override
  public String toString() {
    return "TriggerHandle[" + job.id() + ", " + state() + "]";
  }
}

package dev.tributary.core.trigger;

import dev.tributary.core.model.AudienceChange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a stream of changes into batches for a {@link BatchSink}: a batch is delivered when it
 * holds {@code maxBatchSize} distinct keys or when its oldest change has waited {@code maxDelay},
 * whichever comes first.
 *
 * <ul>
 *   <li><b>Order per key.</b> Batches are delivered one at a time, in order, and a key appears at
 *       most once per batch, so a user's exit never overtakes the entry before it.
 *   <li><b>Coalescing.</b> Changes for a key already in the open batch are merged into it with the
 *       coalescing function (default: the newer wins; see {@link AudienceChanges#coalesce}).
 *   <li><b>Bounded memory, back-pressure.</b> At most two batches exist: the one being delivered
 *       and the open one. When the open batch is full while the other is still being delivered,
 *       {@link #offer} blocks (or {@link #offer(Object, Duration)} times out) until it is handed
 *       over; changes for keys already in it still coalesce without blocking.
 *   <li><b>Nothing lost.</b> A batch whose delivery throws is kept, and delivery stops until {@link
 *       #retry()}; {@link #undelivered()} lists what is waiting. {@link #close()} delivers the open
 *       batch before it returns.
 * </ul>
 *
 * <p>Thread-safe: any number of threads may offer. Deliveries run on the delivery executor (by
 * default the scheduler), timers on the scheduler. A batcher that created its own scheduler shuts
 * it down on close; one handed in belongs to the caller.
 *
 * @param <K> the ordering and coalescing key, such as {@link AudienceChanges.Key}
 * @param <T> the change type
 */
public final class MicroBatcher<K, T> implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MicroBatcher.class);

  private final Function<? super T, ? extends K> key;
  private final BinaryOperator<T> coalesce;
  private final BatchSink<T> sink;
  private final int maxBatchSize;
  private final Duration maxDelay;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final boolean ownsScheduler;
  private final Executor delivery;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notFull = lock.newCondition();
  private final Condition idle = lock.newCondition();
  private LinkedHashMap<K, T> open;
  private Instant openedAt = Instant.EPOCH;
  private @Nullable ScheduledFuture<?> timer;
  private boolean openDue;
  private @Nullable List<T> sealed; // being delivered, or failed and kept
  private @Nullable Throwable failure;
  private boolean closed;
  private long sealedCount;
  private long deliveredCount;
  private long flushTarget = -1;
  private final Deque<Waiter> waiters = new ArrayDeque<>();

  private record Waiter(long batch, CompletableFuture<Void> done) {}

  private MicroBatcher(Builder<K, T> b) {
    this.key = b.key;
    this.coalesce = b.coalesce;
    this.sink = b.sink;
    this.maxBatchSize = b.maxBatchSize;
    this.maxDelay = b.maxDelay;
    this.clock = b.clock;
    ScheduledExecutorService given = b.scheduler;
    this.ownsScheduler = given == null;
    this.scheduler = given != null ? given : ownScheduler();
    this.delivery = b.delivery != null ? b.delivery : scheduler;
    this.open = new LinkedHashMap<>(capacity());
  }

  private static ScheduledExecutorService ownScheduler() {
    return Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread t = new Thread(r, "tributary-microbatcher");
          t.setDaemon(true);
          return t;
        });
  }

  /** A builder keyed by {@code key}, delivering to {@code sink}. */
  public static <K, T> Builder<K, T> builder(
      Function<? super T, ? extends K> key, BatchSink<T> sink) {
    return new Builder<>(key, sink);
  }

  /**
   * A builder for audience changes: keyed by audience and user, coalesced by {@link
   * AudienceChanges#coalesce}, with {@code trigger}'s batch size and delay.
   */
  public static Builder<AudienceChanges.Key, AudienceChange> forTrigger(
      Trigger trigger, BatchSink<AudienceChange> sink) {
    return new Builder<AudienceChanges.Key, AudienceChange>(AudienceChanges::key, sink)
        .coalesce(AudienceChanges::coalesce)
        .maxBatchSize(trigger.maxBatchSize())
        .maxDelay(trigger.maxDelay());
  }

  private int capacity() {
    // sized for a full batch, but no huge table up front for a batch that may stay small
    return (int) Math.min(8192, (long) maxBatchSize * 4 / 3 + 1);
  }

  /**
   * Adds a change, waiting while the open batch is full and the previous one is still being
   * delivered.
   *
   * @throws IllegalStateException if the batcher is closed
   * @throws InterruptedException if interrupted while waiting; the change was not added
   */
  public void offer(T change) throws InterruptedException {
    if (!add(change, null)) {
      throw new AssertionError("an offer without a timeout cannot time out");
    }
  }

  /**
   * Adds a change, waiting at most {@code timeout} for room.
   *
   * @return false if there was no room in time; the change was not added
   * @throws IllegalStateException if the batcher is closed
   */
  public boolean offer(T change, Duration timeout) throws InterruptedException {
    return add(change, Objects.requireNonNull(timeout, "timeout"));
  }

  private boolean add(T change, @Nullable Duration timeout) throws InterruptedException {
    Objects.requireNonNull(change, "change");
    K k = Objects.requireNonNull(key.apply(change), "key of change");
    List<T> toDeliver;
    lock.lockInterruptibly();
    try {
      long nanos = timeout == null ? 0 : timeout.toNanos();
      while (!closed && open.size() >= maxBatchSize && !open.containsKey(k)) {
        if (timeout == null) {
          notFull.await();
        } else if (nanos <= 0) {
          return false;
        } else {
          nanos = notFull.awaitNanos(nanos);
        }
      }
      if (closed) {
        throw new IllegalStateException("the micro-batcher is closed");
      }
      add(k, change);
      toDeliver = open.size() >= maxBatchSize ? seal() : null;
    } finally {
      lock.unlock();
    }
    if (toDeliver != null) {
      deliverAsync(toDeliver);
    }
    return true;
  }

  private void add(K k, T change) {
    if (open.isEmpty()) {
      openedAt = clock.instant();
      if (timer == null) {
        arm(maxDelay);
      }
    }
    open.merge(k, change, coalesce);
  }

  /** One timer at most: it re-arms itself for a batch opened after it was set. */
  private void arm(Duration delay) {
    timer = scheduler.schedule(this::timerFired, delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void timerFired() {
    List<T> toDeliver;
    lock.lock();
    try {
      timer = null;
      if (open.isEmpty() || closed) {
        return;
      }
      Duration age = Duration.between(openedAt, clock.instant());
      if (age.compareTo(maxDelay) < 0) {
        arm(maxDelay.minus(age));
        return;
      }
      openDue = true;
      toDeliver = seal();
    } finally {
      lock.unlock();
    }
    if (toDeliver != null) {
      deliverAsync(toDeliver);
    }
  }

  /** Seals the open batch if it may go now; returns it, or null. Call with the lock held. */
  private @Nullable List<T> seal() {
    boolean ready = open.size() >= maxBatchSize || openDue || closed || flushTarget > sealedCount;
    if (sealed != null || failure != null || open.isEmpty() || !ready) {
      return null;
    }
    List<T> batch = new ArrayList<>(open.values());
    sealed = batch;
    open = new LinkedHashMap<>(capacity());
    openDue = false;
    sealedCount++;
    notFull.signalAll();
    return batch;
  }

  private void deliverAsync(List<T> batch) {
    delivery.execute(() -> deliver(batch));
  }

  private void deliver(List<T> batch) {
    Throwable error = null;
    try {
      sink.deliver(batch);
    } catch (Throwable t) { // kept, reported to flush() callers and by undelivered()
      error = t;
      if (t instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
    List<T> next;
    List<CompletableFuture<Void>> done = new ArrayList<>();
    lock.lock();
    try {
      if (error != null) {
        failure = error;
        log.debug("delivery of a batch of {} failed; kept for retry()", batch.size(), error);
        waiters.forEach(w -> done.add(w.done()));
        waiters.clear();
        idle.signalAll();
        next = null;
      } else {
        sealed = null;
        deliveredCount++;
        while (!waiters.isEmpty() && waiters.peekFirst().batch() <= deliveredCount) {
          done.add(waiters.pollFirst().done());
        }
        next = seal();
        idle.signalAll();
      }
    } finally {
      lock.unlock();
    }
    Throwable reported = error;
    done.forEach(f -> complete(f, reported));
    if (next != null) {
      deliverAsync(next);
    }
  }

  private static void complete(CompletableFuture<Void> f, @Nullable Throwable error) {
    if (error == null) {
      f.complete(null);
    } else {
      f.completeExceptionally(error);
    }
  }

  /**
   * Delivers everything offered so far without waiting for the batch to fill or age; the future
   * completes when it is delivered, or exceptionally if a delivery fails first. A host that acks
   * its own change feed acks after this completes.
   */
  public CompletableFuture<Void> flush() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    List<T> toDeliver;
    lock.lock();
    try {
      if (failure != null) {
        done.completeExceptionally(failure);
        return done;
      }
      long target = sealedCount + (open.isEmpty() ? 0 : 1);
      if (target <= deliveredCount) {
        done.complete(null);
        return done;
      }
      flushTarget = Math.max(flushTarget, target);
      waiters.addLast(new Waiter(target, done));
      toDeliver = seal();
    } finally {
      lock.unlock();
    }
    if (toDeliver != null) {
      deliverAsync(toDeliver);
    }
    return done;
  }

  /** Delivers the kept batch again after a failure, then carries on. */
  public void retry() {
    List<T> toDeliver;
    lock.lock();
    try {
      if (failure == null || sealed == null) {
        return;
      }
      failure = null;
      toDeliver = sealed;
    } finally {
      lock.unlock();
    }
    deliverAsync(toDeliver);
  }

  /** Why delivery stopped, if it did. */
  public @Nullable Throwable failure() {
    lock.lock();
    try {
      return failure;
    } finally {
      lock.unlock();
    }
  }

  /** Every change not yet delivered, in delivery order: the batch in flight first. */
  public List<T> undelivered() {
    lock.lock();
    try {
      List<T> all = new ArrayList<>(sealed == null ? List.of() : sealed);
      all.addAll(open.values());
      return all;
    } finally {
      lock.unlock();
    }
  }

  /** How many distinct keys wait in the open batch. */
  public int pending() {
    lock.lock();
    try {
      return open.size();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops taking changes, delivers the open batch and waits up to {@code timeout} for it.
   *
   * @return true if everything was delivered; false on timeout or failed delivery (see {@link
   *     #undelivered()})
   */
  public boolean close(Duration timeout) throws InterruptedException {
    List<T> toDeliver;
    lock.lock();
    try {
      closed = true;
      notFull.signalAll();
      toDeliver = seal();
    } finally {
      lock.unlock();
    }
    if (toDeliver != null) {
      deliverAsync(toDeliver);
    }
    boolean delivered = awaitIdle(timeout);
    lock.lock();
    try {
      ScheduledFuture<?> t = timer;
      if (t != null) {
        t.cancel(false);
      }
    } finally {
      lock.unlock();
    }
    if (ownsScheduler) {
      scheduler.shutdownNow();
    }
    return delivered;
  }

  private boolean awaitIdle(Duration timeout) throws InterruptedException {
    long nanos = timeout.toNanos();
    lock.lock();
    try {
      while (failure == null && (sealed != null || !open.isEmpty())) {
        if (nanos <= 0) {
          return false;
        }
        nanos = idle.awaitNanos(nanos);
      }
      return failure == null;
    } finally {
      lock.unlock();
    }
  }

  /** {@link #close(Duration)} with a minute to finish. */
  @Override
  public void close() throws InterruptedException {
    close(Duration.ofMinutes(1));
  }

  @Override
  public String toString() {
    return "MicroBatcher[maxBatchSize=" + maxBatchSize + ", maxDelay=" + maxDelay + "]";
  }

  /** Builds a {@link MicroBatcher}. Not thread-safe. */
  public static final class Builder<K, T> {
    private final Function<? super T, ? extends K> key;
    private final BatchSink<T> sink;
    private BinaryOperator<T> coalesce = (older, newer) -> newer;
    private int maxBatchSize = 1000;
    private Duration maxDelay = Duration.ofMinutes(1);
    private Clock clock = Clock.systemUTC();
    private @Nullable ScheduledExecutorService scheduler;
    private @Nullable Executor delivery;

    private Builder(Function<? super T, ? extends K> key, BatchSink<T> sink) {
      this.key = Objects.requireNonNull(key, "key");
      this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Merges an older and a newer change for one key. Default: the newer wins. */
    public Builder<K, T> coalesce(BinaryOperator<T> coalesce) {
      this.coalesce = Objects.requireNonNull(coalesce, "coalesce");
      return this;
    }

    /** Distinct keys per batch. Default: 1,000. */
    public Builder<K, T> maxBatchSize(int maxBatchSize) {
      if (maxBatchSize < 1) {
        throw new IllegalArgumentException("maxBatchSize must be at least 1: " + maxBatchSize);
      }
      this.maxBatchSize = maxBatchSize;
      return this;
    }

    /** How long the oldest change of a batch may wait. Default: 1 minute. */
    public Builder<K, T> maxDelay(Duration maxDelay) {
      Objects.requireNonNull(maxDelay, "maxDelay");
      if (maxDelay.isNegative() || maxDelay.isZero()) {
        throw new IllegalArgumentException("maxDelay must be positive: " + maxDelay);
      }
      this.maxDelay = maxDelay;
      return this;
    }

    /**
     * The time source that ages batches; it must agree with the scheduler's delays. Default: the
     * system UTC clock.
     */
    public Builder<K, T> clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Runs the {@code maxDelay} timer (and deliveries, unless {@link #deliveryExecutor} is set).
     * Default: a daemon thread of the batcher's own, stopped by {@link #close()}; a scheduler
     * handed in here is the caller's to shut down.
     */
    public Builder<K, T> scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * Runs deliveries. Default: the scheduler. {@code Runnable::run} delivers on the thread that
     * filled the batch, which suits a single producer that should feel the sink's speed.
     */
    public Builder<K, T> deliveryExecutor(Executor delivery) {
      this.delivery = Objects.requireNonNull(delivery, "delivery");
      return this;
    }

    public MicroBatcher<K, T> build() {
      return new MicroBatcher<>(this);
    }
  }
}

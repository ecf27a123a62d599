package dev.tributary.core.retry;

import dev.failsafe.Execution;
import dev.failsafe.RetryPolicy;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.SystemException;
import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.connector.ItemResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/**
 * Calls a third party the way the error classes say: each attempt under the {@link Throttle};
 * {@code TRANSIENT} failures retried with exponential backoff and jitter, waiting at least what a
 * {@code Retry-After} asked; {@code VALIDATION} rejects the item (a batch rejected whole is split
 * to find the bad items); {@code CONFIG} and {@code SYSTEM} end the call at once. Connectors make
 * one attempt per call and leave all of this to the runtime.
 *
 * <p>Failures that are not {@link TributaryException}s are classified by {@link #classify}: I/O
 * errors are {@code TRANSIENT}, anything else is a {@code SYSTEM} bug.
 *
 * <p>Immutable and thread-safe: one retrier may serve many threads. Waits go through the {@link
 * Sleeper}, so they end early (with {@link InterruptedException}) when a run is asked to stop.
 */
public final class Retrier {
  private final RetryOptions options;
  private final RetryPolicy<Object> policy;
  private final Throttle throttle;
  private final Sleeper sleeper;
  private final RetryListener listener;

  private Retrier(Builder b) {
    this.options = b.options;
    this.policy = b.options.toPolicy();
    this.throttle = b.throttle;
    this.sleeper = b.sleeper;
    this.listener = b.listener;
  }

  public static Builder builder() {
    return new Builder();
  }

  public RetryOptions options() {
    return options;
  }

  /**
   * Runs {@code attempt} until it succeeds, fails in a way retrying cannot fix, or runs out of
   * attempts.
   *
   * @throws TributaryException the classified failure: a {@link RetriesExhaustedException} when
   *     transient failures outlasted the retries, else the {@code CONFIG}, {@code VALIDATION} or
   *     {@code SYSTEM} error as thrown
   * @throws InterruptedException if a wait was cut short
   */
  public <T> T call(Callable<T> attempt) throws InterruptedException {
    Objects.requireNonNull(attempt, "attempt");
    Execution<Object> execution = Execution.of(policy);
    while (true) {
      TributaryException failure;
      try (Throttle.Permit permit = throttle.acquire(sleeper)) {
        return attempt.call();
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        failure = classify(e);
      }
      if (!failure.errorClass().isRetryable()) {
        throw failure;
      }
      awaitRetry(execution, failure, 1);
    }
  }

  /**
   * Writes {@code items} through {@code writer}, re-sending only the items that failed in a
   * retryable way and splitting a batch rejected whole (unless {@link
   * RetryOptions#splitRejectedBatches()} is off).
   *
   * @return how many items were written and which were rejected
   * @throws TributaryException a {@link RetriesExhaustedException} when items were still failing
   *     after the last attempt, or the first {@code CONFIG} or {@code SYSTEM} error
   * @throws InterruptedException if a wait was cut short
   */
  public <T> BatchOutcome<T> writeBatch(List<T> items, BatchWriter<T> writer)
      throws InterruptedException {
    Objects.requireNonNull(writer, "writer");
    Batch<T> batch = new Batch<>(List.copyOf(items), writer);
    if (!batch.items.isEmpty()) {
      deliver(batch, IntStream.range(0, batch.items.size()).boxed().toList());
    }
    return new BatchOutcome<>(batch.written, List.copyOf(batch.rejected.values()));
  }

  private <T> void deliver(Batch<T> batch, List<Integer> indices) throws InterruptedException {
    Execution<Object> execution = Execution.of(policy);
    List<Integer> pending = indices;
    while (true) {
      BatchResult result;
      try (Throttle.Permit permit = throttle.acquire(sleeper)) {
        result = batch.writer.write(batch.itemsAt(pending));
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        TributaryException failure = classify(e);
        if (failure.errorClass() == ErrorClass.VALIDATION) {
          rejectWhole(batch, pending, failure);
          return;
        }
        if (!failure.errorClass().isRetryable()) {
          throw failure;
        }
        awaitRetry(execution, failure, pending.size());
        continue;
      }
      List<Integer> retry = settle(batch, pending, checked(result, pending.size()));
      if (retry.isEmpty()) {
        return;
      }
      pending = retry;
      awaitRetry(execution, longestRetryAfter(result), pending.size());
    }
  }

  private <T> void rejectWhole(Batch<T> batch, List<Integer> pending, TributaryException failure)
      throws InterruptedException {
    if (pending.size() == 1 || !options.splitRejectedBatches()) {
      pending.forEach(i -> batch.reject(i, failure));
      return;
    }
    int half = pending.size() / 2;
    deliver(batch, pending.subList(0, half));
    deliver(batch, pending.subList(half, pending.size()));
  }

  /** Counts successes and rejections; returns the items to retry; throws a stopping error. */
  private static <T> List<Integer> settle(
      Batch<T> batch, List<Integer> pending, BatchResult result) {
    List<Integer> retry = new ArrayList<>();
    TributaryException stop = null;
    for (ItemResult r : result.items()) {
      int index = pending.get(r.index());
      TributaryException error = r.error();
      if (error == null) {
        batch.written++;
      } else if (error.errorClass() == ErrorClass.VALIDATION) {
        batch.reject(index, error);
      } else if (error.errorClass().isRetryable()) {
        retry.add(index);
      } else if (stop == null) {
        stop = error;
      }
    }
    if (stop != null) {
      throw stop;
    }
    return retry;
  }

  private static BatchResult checked(BatchResult result, int size) {
    if (result == null || result.items().size() != size) {
      throw new SystemException(
          "the connector returned "
              + (result == null ? "no result" : result.items().size() + " results")
              + " for a batch of "
              + size
              + "; it must return one per item");
    }
    return result;
  }

  private static TributaryException longestRetryAfter(BatchResult result) {
    return result.items().stream()
        .map(ItemResult::error)
        .filter(e -> e != null && e.errorClass().isRetryable())
        .max(Comparator.comparing(e -> e.retryAfter().orElse(Duration.ZERO)))
        .orElseThrow();
  }

  private void awaitRetry(Execution<Object> execution, TributaryException failure, int items)
      throws InterruptedException {
    execution.recordException(failure);
    Duration retryAfter = failure.retryAfter().orElse(null);
    if (execution.isComplete()) {
      throw new RetriesExhaustedException(execution.getAttemptCount(), items, failure, retryAfter);
    }
    Duration delay = execution.getDelay();
    if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
      delay = retryAfter;
    }
    listener.retrying(items, failure, delay);
    sleeper.sleep(delay);
  }

  /**
   * The classified form of any failure: a {@link TributaryException} as it is, an I/O error as
   * {@code TRANSIENT}, anything else as a {@code SYSTEM} bug (with the original as cause).
   */
  public static TributaryException classify(Throwable e) {
    Objects.requireNonNull(e, "e");
    if (e instanceof TributaryException t) {
      return t;
    }
    if (e instanceof IOException || e instanceof UncheckedIOException) {
      return new TransientException("I/O failure: " + e, e);
    }
    return new SystemException("unexpected " + e, e);
  }

  /** The items of one {@link #writeBatch} call and what became of them so far. */
  private static final class Batch<T> {
    final List<T> items;
    final BatchWriter<T> writer;
    final SortedMap<Integer, BatchOutcome.Rejection<T>> rejected = new TreeMap<>();
    int written;

    Batch(List<T> items, BatchWriter<T> writer) {
      this.items = items;
      this.writer = writer;
    }

    List<T> itemsAt(List<Integer> indices) {
      List<T> view = new ArrayList<>(indices.size());
      indices.forEach(i -> view.add(items.get(i)));
      return view;
    }

    void reject(int index, TributaryException error) {
      rejected.put(index, new BatchOutcome.Rejection<>(items.get(index), error));
    }
  }

  @Override
  public String toString() {
    return "Retrier[" + options + ", " + throttle + "]";
  }

  /** Builds a {@link Retrier}. Not thread-safe. */
  public static final class Builder {
    private RetryOptions options = RetryOptions.defaults();
    private Throttle throttle = Throttle.unlimited();
    private Sleeper sleeper = Sleeper.system();
    private RetryListener listener = RetryListener.none();

    private Builder() {}

    /** Default: {@link RetryOptions#defaults()}. */
    public Builder options(RetryOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /** The throttle every attempt goes through. Default: {@link Throttle#unlimited()}. */
    public Builder throttle(Throttle throttle) {
      this.throttle = Objects.requireNonNull(throttle, "throttle");
      return this;
    }

    /** How to wait. Default: {@link Sleeper#system()}; tests pass a fake clock's sleeper. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Told of each retry. Default: none. */
    public Builder listener(RetryListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public Retrier build() {
      return new Retrier(this);
    }
  }
}

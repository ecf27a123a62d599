package dev.tributary.connectors.metrics;

import dev.tributary.connectors.internal.BatchSizes;
import dev.tributary.core.TributaryException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ExportConnector;
import dev.tributary.core.job.RunListener;
import dev.tributary.core.job.RunSnapshot;
import dev.tributary.core.retry.BatchOutcome;
import dev.tributary.core.retry.Retrier;
import dev.tributary.core.retry.RetryOptions;
import dev.tributary.core.retry.Sleeper;
import dev.tributary.core.retry.Throttle;
import dev.tributary.core.trigger.MicroBatcher;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link RunListener} that exports run statistics and monitoring events: add it to a {@code
 * JobRunner} ({@code JobRunner.builder().listener(reporter)}) and every finished run sends its
 * {@link RunMetrics}, and optionally every rejected item an event, through an export connector
 * (usually {@link MetricsExportConnector}).
 *
 * <p>Telemetry is batched by the runtime's {@link MicroBatcher} (at most {@link
 * Builder#maxBatchSize} items, none waiting longer than {@link Builder#maxDelay}) and sent with its
 * retries and the connector's rate limit, off the runs' threads: a listener never slows a run down.
 * Telemetry is best effort: when the endpoint stays down past the retries, or the batcher is full,
 * items are dropped and counted ({@link #dropped()}), and the failure is logged once at WARN (it
 * reaches no caller) — jobs are never held up by their monitoring.
 *
 * <p>Thread-safe. {@link #close()} sends what is pending and stops the batcher's thread.
 */
public final class MetricsReporter implements RunListener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MetricsReporter.class);

  private final ExportConnector<Telemetry> connector;
  private final ConnectorContext context;
  private final Retrier retrier;
  private final boolean reportRejections;
  private final Clock clock;
  private final MicroBatcher<Long, Queued> batcher;
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicReference<@Nullable TributaryException> lastFailure = new AtomicReference<>();

  private record Queued(long seq, Telemetry item) {}

  private MetricsReporter(Builder b) {
    this.connector = b.connector;
    this.clock = b.clock;
    this.context = new ConnectorContext(b.config, b.authorization, b.clock);
    this.retrier =
        Retrier.builder()
            .options(b.retry)
            .throttle(Throttle.of(b.connector.rateLimit(b.config), b.clock))
            .sleeper(b.sleeper)
            .build();
    this.reportRejections = b.reportRejections;
    this.batcher =
        MicroBatcher.<Long, Queued>builder(Queued::seq, this::deliver)
            .maxBatchSize(Math.min(b.maxBatchSize, Math.max(1, b.connector.maxBatchSize())))
            .maxDelay(b.maxDelay)
            .clock(b.clock)
            .build();
  }

  /** A reporter sending through {@code connector} with {@code config} and {@code authorization}. */
  public static Builder builder(
      ExportConnector<Telemetry> connector, ConnectorConfig config, Authorization authorization) {
    return new Builder(connector, config, authorization);
  }

  @Override
  public void runFinished(RunSnapshot run) {
    RunMetrics.of(run, clock.instant()).forEach(this::offer);
  }

  @Override
  public void itemRejected(String jobId, long runNumber, Object item, TributaryException error) {
    if (reportRejections) {
      offer(RunMetrics.rejection(jobId, runNumber, error, clock.instant()));
    }
  }

  /** Queues any telemetry of the host's own; never blocks. */
  public void offer(Telemetry item) {
    Objects.requireNonNull(item, "item");
    try {
      if (!batcher.offer(new Queued(sequence.incrementAndGet(), item), Duration.ZERO)) {
        dropped.incrementAndGet();
        log.debug("telemetry dropped: the batcher is full");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      dropped.incrementAndGet();
    } catch (IllegalStateException closed) {
      dropped.incrementAndGet();
    }
  }

  private void deliver(List<Queued> batch) {
    List<Telemetry> items = new ArrayList<>(batch.size());
    batch.forEach(q -> items.add(q.item()));
    try {
      BatchOutcome<Telemetry> outcome = retrier.writeBatch(items, b -> connector.write(context, b));
      delivered.addAndGet(outcome.written());
      dropped.addAndGet(outcome.rejected().size());
      lastFailure.set(null);
    } catch (TributaryException e) {
      dropped.addAndGet(items.size());
      if (lastFailure.getAndSet(e) == null) {
        log.warn(
            "monitoring endpoint failed; telemetry is dropped until it recovers: {}",
            e.getMessage());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      dropped.addAndGet(items.size());
    }
  }

  /** Sends what is queued now; the future completes once it was sent or dropped. */
  public CompletableFuture<Void> flush() {
    return batcher.flush();
  }

  /** Items the endpoint took. */
  public long delivered() {
    return delivered.get();
  }

  /** Items dropped: the batcher was full, the endpoint failed past the retries, or refused them. */
  public long dropped() {
    return dropped.get();
  }

  /** The failure of the last delivery, if it failed. */
  public Optional<TributaryException> lastFailure() {
    return Optional.ofNullable(lastFailure.get());
  }

  /** Sends what is pending (waiting up to 30 s) and stops. */
  @Override
  public void close() throws InterruptedException {
    batcher.close(Duration.ofSeconds(30));
  }

  @Override
  public String toString() {
    return "MetricsReporter["
        + connector.descriptor().id()
        + ", delivered "
        + delivered
        + ", dropped "
        + dropped
        + "]";
  }

  /** Builds a {@link MetricsReporter}. Not thread-safe. */
  public static final class Builder {
    private final ExportConnector<Telemetry> connector;
    private final ConnectorConfig config;
    private final Authorization authorization;
    private int maxBatchSize = 500;
    private Duration maxDelay = Duration.ofSeconds(10);
    private RetryOptions retry = RetryOptions.builder().maxAttempts(3).build();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private boolean reportRejections;

    private Builder(
        ExportConnector<Telemetry> connector, ConnectorConfig config, Authorization authorization) {
      this.connector = Objects.requireNonNull(connector, "connector");
      this.config = Objects.requireNonNull(config, "config");
      this.authorization = Objects.requireNonNull(authorization, "authorization");
    }

    /** Items per request (capped by the connector's maximum). Default: 500. */
    public Builder maxBatchSize(int maxBatchSize) {
      this.maxBatchSize = BatchSizes.atLeastOne(maxBatchSize);
      return this;
    }

    /** How long an item may wait for its batch to fill. Default: 10 s. */
    public Builder maxDelay(Duration maxDelay) {
      Objects.requireNonNull(maxDelay, "maxDelay");
      if (maxDelay.isNegative() || maxDelay.isZero()) {
        throw new IllegalArgumentException("maxDelay must be positive: " + maxDelay);
      }
      this.maxDelay = maxDelay;
      return this;
    }

    /** Retries of a failed delivery. Default: 3 attempts, then the batch is dropped. */
    public Builder retry(RetryOptions retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /** Time stamps and batch ages. Default: the system UTC clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How retries wait. Default: {@link Sleeper#system()}; tests pass a fake. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Whether each rejected item also sends an {@code item_rejected} event. Default: false, as a
     * bad file can reject thousands of rows; the run's counters already say how many.
     */
    public Builder reportRejections(boolean reportRejections) {
      this.reportRejections = reportRejections;
      return this;
    }

    public MetricsReporter build() {
      return new MetricsReporter(this);
    }
  }
}

package dev.tributary.core.job;

import dev.tributary.core.TributaryException;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.retry.Retrier;
import dev.tributary.core.retry.Throttle;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The {@link RunContext} of one run of a {@link Job}. */
final class DefaultRunContext implements RunContext {
  private final Job job;
  private final Services services;
  private final Progress progress;
  private final ConnectorContext connectorContext;
  private final Retrier retrier;
  private final Retrier hostRetrier;
  private @Nullable Checkpoint checkpoint;

  DefaultRunContext(Job job, Services services, Progress progress, Throttle throttle) {
    this.job = job;
    this.services = services;
    this.progress = progress;
    this.connectorContext =
        new ConnectorContext(job.config(), job.authorization(), services.clock(), progress);
    this.retrier =
        Retrier.builder()
            .options(job.retry())
            .throttle(throttle)
            .sleeper(progress.control)
            .listener(progress)
            .build();
    this.hostRetrier =
        Retrier.builder().options(job.retry()).sleeper(progress.control).listener(progress).build();
    this.checkpoint = services.stateStore().load(job.id()).orElse(null);
  }

  @Override
  public String jobId() {
    return job.id();
  }

  @Override
  public long runNumber() {
    return progress.runNumber;
  }

  @Override
  public Clock clock() {
    return services.clock();
  }

  @Override
  public Optional<Checkpoint> checkpoint() {
    return Optional.ofNullable(checkpoint);
  }

  @Override
  public void commit(Checkpoint next) {
    Objects.requireNonNull(next, "checkpoint");
    services.stateStore().save(job.id(), next);
    checkpoint = next;
    services.listeners().progressed(progress.snapshot());
  }

  @Override
  public ConnectorContext connectorContext() {
    return connectorContext;
  }

  @Override
  public Retrier retrier() {
    return retrier;
  }

  @Override
  public Retrier hostRetrier() {
    return hostRetrier;
  }

  @Override
  public boolean stopRequested() {
    return progress.stopRequested();
  }

  @Override
  public void itemsRead(long n) {
    progress.read(n);
  }

  @Override
  public void itemsWritten(long n) {
    progress.written(n);
  }

  @Override
  public void itemRejected(Object item, TributaryException error) {
    progress.rejected(error);
    services.listeners().itemRejected(job.id(), progress.runNumber, item, error);
  }
}

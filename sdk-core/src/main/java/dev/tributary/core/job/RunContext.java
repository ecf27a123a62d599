package dev.tributary.core.job;

import dev.tributary.core.TributaryException;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.retry.Retrier;
import java.time.Clock;
import java.util.Optional;

/**
 * What a {@link JobTask} gets from the runtime for one run: the last checkpoint and the way to
 * commit the next, progress counters, the stop signal, and a {@link Retrier} already wired to the
 * job's retry options and to the rate limit of its connector and credential.
 *
 * <p>Belongs to one run and one thread at a time, except {@link #stopRequested()}, which may be
 * asked from anywhere.
 */
public interface RunContext {
  String jobId();

  /** 1 for the job's first run in this runner, then 2, 3, ... */
  long runNumber();

  Clock clock();

  /** The checkpoint the last run committed, or empty at the start (or after a reset). */
  Optional<Checkpoint> checkpoint();

  /**
   * Saves {@code checkpoint} durably. Call it only once everything before it is committed at the
   * destination: that is the at-least-once guarantee.
   */
  void commit(Checkpoint checkpoint);

  /** The context to pass to the job's connector: config, credential, clock and reporter. */
  ConnectorContext connectorContext();

  /**
   * Retries and throttles calls to the job's connector; its waits end early when the run is asked
   * to stop.
   */
  Retrier retrier();

  /** Retries calls to the host's own source or sink, without the connector's rate limit. */
  Retrier hostRetrier();

  /** Whether the run was asked to stop (shutdown, cancel or pause): commit and return soon. */
  boolean stopRequested();

  /** Counts {@code n} items read from the source. */
  void itemsRead(long n);

  /** Counts {@code n} items written (or committed) at the destination. */
  void itemsWritten(long n);

  /** Counts one item refused for good and tells the listeners which and why. */
  void itemRejected(Object item, TributaryException error);
}

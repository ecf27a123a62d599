package dev.tributary.core.job;

import dev.tributary.core.ErrorClass;
import dev.tributary.core.TributaryException;
import dev.tributary.core.connector.RunReporter;
import dev.tributary.core.retry.RetryListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/** The live counters of one run; any thread may add, any thread may take a snapshot. */
final class Progress implements RetryListener, RunReporter {
  final String jobId;
  final long runNumber;
  final RunControl control;
  private final Clock clock;
  private final Instant startedAt;
  private final LongAdder read = new LongAdder();
  private final LongAdder written = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder retried = new LongAdder();
  private final LongAdder bytes = new LongAdder();
  private final Map<ErrorClass, LongAdder> errors = new EnumMap<>(ErrorClass.class);
  private volatile @Nullable RunSnapshot finished;

  Progress(String jobId, long runNumber, RunControl control, Clock clock) {
    this.jobId = jobId;
    this.runNumber = runNumber;
    this.control = control;
    this.clock = clock;
    this.startedAt = clock.instant();
    for (ErrorClass c : ErrorClass.values()) {
      errors.put(c, new LongAdder());
    }
  }

  void read(long n) {
    read.add(n);
  }

  void written(long n) {
    written.add(n);
  }

  void rejected(TributaryException error) {
    rejected.increment();
    errors.get(error.errorClass()).increment();
  }

  void failed(TributaryException error) {
    errors.get(error.errorClass()).increment();
  }

  @Override
  public void retrying(int items, TributaryException cause, Duration delay) {
    retried.add(items);
    errors.get(cause.errorClass()).add(items);
  }

  @Override
  public void bytesTransferred(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("bytes must not be negative: " + n);
    }
    bytes.add(n);
  }

  @Override
  public boolean stopRequested() {
    return control.stopRequested();
  }

  RunSnapshot snapshot() {
    RunSnapshot done = finished;
    return done != null ? done : snapshot(RunStatus.RUNNING, null);
  }

  /** Ends the run (once; later calls return the first outcome). */
  synchronized RunSnapshot finish(RunStatus status, @Nullable TributaryException failure) {
    RunSnapshot done = finished;
    if (done == null) {
      done = snapshot(status, failure);
      finished = done;
    }
    return done;
  }

  boolean isFinished() {
    return finished != null;
  }

  private RunSnapshot snapshot(RunStatus status, @Nullable TributaryException failure) {
    Map<ErrorClass, Long> counts = new EnumMap<>(ErrorClass.class);
    errors.forEach(
        (c, n) -> {
          if (n.sum() > 0) {
            counts.put(c, n.sum());
          }
        });
    return new RunSnapshot(
        jobId,
        runNumber,
        status,
        startedAt,
        Duration.between(startedAt, clock.instant()),
        read.sum(),
        written.sum(),
        rejected.sum(),
        retried.sum(),
        bytes.sum(),
        counts,
        failure);
  }
}

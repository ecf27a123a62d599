package dev.tributary.core.job;

import dev.tributary.core.ErrorClass;
import dev.tributary.core.TributaryException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The progress of a run while it goes, and its outcome once it ended: what a host shows on a
 * dashboard or alerts on. Immutable; take a fresh one with {@link JobHandle#currentRun()}.
 *
 * @param jobId the job
 * @param runNumber the run's number within the job, from 1
 * @param status running, or how it ended
 * @param startedAt when the run started
 * @param elapsed how long it has run, or ran
 * @param itemsRead items read from the source (records, profiles, changes)
 * @param itemsWritten items written to (or committed at) the destination
 * @param itemsRejected items refused for good ({@code VALIDATION})
 * @param itemsRetried item sends repeated after a retryable failure
 * @param bytes bytes moved over the transport, as the connector reported them
 * @param errors failed items per error class, retried ones included
 * @param failure why the run failed, for {@link RunStatus#FAILED}
 */
public record RunSnapshot(
    String jobId,
    long runNumber,
    RunStatus status,
    Instant startedAt,
    Duration elapsed,
    long itemsRead,
    long itemsWritten,
    long itemsRejected,
    long itemsRetried,
    long bytes,
    Map<ErrorClass, Long> errors,
    @Nullable TributaryException failure) {
  public RunSnapshot {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(elapsed, "elapsed");
    EnumMap<ErrorClass, Long> copy = new EnumMap<>(ErrorClass.class);
    copy.putAll(errors);
    errors = Collections.unmodifiableMap(copy);
  }

  /** Why the run failed, if it did. */
  public Optional<TributaryException> failureCause() {
    return Optional.ofNullable(failure);
  }

  /** Failed items of {@code errorClass} so far. */
  public long errors(ErrorClass errorClass) {
    return errors.getOrDefault(errorClass, 0L);
  }

  public boolean finished() {
    return status != RunStatus.RUNNING;
  }

  @Override
  public String toString() {
    return jobId
        + " run "
        + runNumber
        + " "
        + status
        + " after "
        + elapsed
        + ": read "
        + itemsRead
        + ", written "
        + itemsWritten
        + ", rejected "
        + itemsRejected
        + ", retried "
        + itemsRetried
        + ", "
        + bytes
        + " bytes"
        + (errors.isEmpty() ? "" : ", errors " + errors)
        + (failure == null ? "" : ", failure: " + failure.getMessage());
  }
}

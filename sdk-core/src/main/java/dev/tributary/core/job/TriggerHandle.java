package dev.tributary.core.job;

import dev.tributary.core.model.AudienceChange;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link TriggeredJob} running in a {@link JobRunner}: the host feeds it audience changes. For a
 * triggered job a "run" lasts from start (or resume) to stop, and {@link #runNow()} flushes.
 */
public interface TriggerHandle extends JobHandle {
  /**
   * Hands over a change. Changes the trigger does not match are ignored (returns false). Blocks
   * while the job's micro-batcher is full: that is the back-pressure.
   *
   * @throws IllegalStateException if the job is cancelled or the runner shut down
   * @throws InterruptedException if interrupted while waiting for room
   */
  boolean offer(AudienceChange change) throws InterruptedException;

  /**
   * Hands over a change, waiting at most {@code timeout} for room.
   *
   * @return false if the trigger does not match the change or there was no room in time
   */
  boolean offer(AudienceChange change, Duration timeout) throws InterruptedException;

  /**
   * Delivers everything offered so far now; the future completes once it is written (or rejected)
   * at the destination. A host acks its own change feed (a Kafka offset, a queue message) after
   * this completes: that makes the whole path at-least-once.
   */
  CompletableFuture<Void> flush();

  /** Changes accepted but not yet delivered, oldest first: what a host saves if it must stop. */
  List<AudienceChange> undelivered();

  /** Whether the backfill of the whole audience is still going. */
  boolean backfilling();

  /**
   * Completes when the backfill has delivered the whole audience (at once when there is none, or it
   * completed in an earlier process). A backfill halted by a failure or a pause continues on {@link
   * #resume()}; one stopped by shutdown continues from its checkpoint in the next process.
   */
  CompletableFuture<Void> backfillCompletion();
}

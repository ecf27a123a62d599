package dev.tributary.core.job;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A job registered with a {@link JobRunner}: its state, its current and last runs, and the
 * controls. Thread-safe.
 */
public interface JobHandle {
  String id();

  JobState state();

  /** When the schedule fires next, if it will. */
  Optional<Instant> nextRunAt();

  /** The run going on now, as of this call, if there is one. */
  Optional<RunSnapshot> currentRun();

  /** The last run that ended, if any. */
  Optional<RunSnapshot> lastRun();

  /**
   * Runs the job now, outside its schedule; the future completes with the run's outcome. Runs never
   * overlap: if one is already going, this returns that run's outcome instead of starting another.
   *
   * @throws IllegalStateException if the job is paused or cancelled, or the runner shut down
   */
  CompletableFuture<RunSnapshot> runNow();

  /**
   * Stops scheduling runs; a run going on now is asked to stop at its next checkpoint. Nothing is
   * lost: the next run resumes from there.
   */
  void pause();

  /** Schedules runs again from now on (missed fire times are not made up). */
  void resume();

  /** Removes the job from the runner, stopping a run going on now at its next checkpoint. */
  void cancel();
}

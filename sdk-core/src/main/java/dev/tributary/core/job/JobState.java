package dev.tributary.core.job;

/** Whether a job will run. */
public enum JobState {
  /** Waiting for its next fire time (or, for a triggered job, for changes). */
  ACTIVE,
  /**
   * Not running until {@link JobHandle#resume()}: paused by the host, or by the runtime after a
   * {@code CONFIG} or {@code SYSTEM} failure that another run would only repeat.
   */
  PAUSED,
  /** Removed from the runner; it will not run again. */
  CANCELLED
}

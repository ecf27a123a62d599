package dev.tributary.core.job;

/** Where a run is, or how it ended. */
public enum RunStatus {
  /** Still going. */
  RUNNING,
  /** Done: every item written or rejected (see the counters), the checkpoint committed. */
  SUCCEEDED,
  /** Ended by an error; see {@link RunSnapshot#failure()}. Work after the checkpoint is redone. */
  FAILED,
  /** Asked to stop (shutdown, cancel, pause) and stopped at a checkpoint; resumes from there. */
  STOPPED
}

package dev.tributary.core.job;

import dev.tributary.core.TributaryException;

/**
 * Hears about runs as they go: to show progress, keep a report of rejected items, or alert on
 * failures. Methods are called on the run's thread and must be quick; an exception thrown here is
 * logged and otherwise ignored. Every method does nothing by default.
 */
public interface RunListener {
  /** A run started. */
  default void runStarted(RunSnapshot run) {}

  /** A run committed a batch or a page: a good moment to refresh a progress bar. */
  default void progressed(RunSnapshot run) {}

  /**
   * An item was refused for good. Items hold personal data: a listener that logs them should log
   * keys, not contents.
   */
  default void itemRejected(String jobId, long runNumber, Object item, TributaryException error) {}

  /** A run ended; {@link RunSnapshot#status()} says how. */
  default void runFinished(RunSnapshot run) {}
}

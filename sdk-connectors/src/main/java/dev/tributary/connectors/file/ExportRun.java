package dev.tributary.connectors.file;

import java.time.Instant;
import java.util.Objects;

/**
 * Which run an export file belongs to: what file names and e-mail subjects may show as {@code
 * .job}, {@code .run}, {@code .run_id} and, from {@code startedAt}, {@code .timestamp}, {@code
 * .date}, {@code .time} and {@code .local_timestamp}.
 *
 * @param jobId the job's ID ({@code adhoc} outside a job)
 * @param runNumber the run's number within the job, from 1
 * @param startedAt when the run started: every time in the file's name derives from it
 */
public record ExportRun(String jobId, long runNumber, Instant startedAt) {
  public ExportRun {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(startedAt, "startedAt");
    if (runNumber < 1) {
      throw new IllegalArgumentException("runNumber must be at least 1: " + runNumber);
    }
  }

  /** A run outside any job, started at {@code startedAt}. */
  public static ExportRun adhoc(Instant startedAt) {
    return new ExportRun("adhoc", 1, startedAt);
  }
}

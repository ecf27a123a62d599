package dev.tributary.connectors.file;

import dev.tributary.core.auth.Authorization;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.job.Job;
import dev.tributary.core.job.JobTask;
import dev.tributary.core.job.RunContext;
import dev.tributary.core.job.Sink;
import dev.tributary.core.retry.BatchOutcome;
import dev.tributary.sftp.FileImport;
import dev.tributary.sftp.FileKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A file import run under the {@code JobRunner}: each run hands every ready file of the inbox to
 * {@code sink} (typically {@link RowsToProfiles}) a page of rows at a time, streaming each file
 * once, and commits a checkpoint (file and line) after each page. A file is marked processed only
 * after its last page was committed.
 *
 * <ul>
 *   <li>A crash or a stop mid-file leaves the file unmarked; the next run skips the rows the
 *       checkpoint says are committed and goes on with the rest: none lost, none twice.
 *   <li>Progress: items read are rows read; items written are rows the sink committed; rows the
 *       sink refused (a malformed row, a value that does not fit its type, no identifier) are
 *       rejected with their line number, and so are files moved aside as bad.
 * </ul>
 *
 * <p>Immutable; thread-safe as far as the sink is.
 */
public final class FileImportTask implements JobTask {
  private final FileImportConnector connector;
  private final Sink<? super FileRow> sink;

  private FileImportTask(FileImportConnector connector, Sink<? super FileRow> sink) {
    this.connector = connector;
    this.sink = sink;
  }

  public static FileImportTask of(FileImportConnector connector, Sink<? super FileRow> sink) {
    return new FileImportTask(
        Objects.requireNonNull(connector, "connector"), Objects.requireNonNull(sink, "sink"));
  }

  /** A job running this task, on the {@code schedule} setting if it is set. */
  public static Job.Builder job(
      String id,
      FileImportConnector connector,
      ConnectorConfig config,
      Authorization authorization,
      Sink<? super FileRow> sink) {
    Job.Builder job = Job.custom(id, connector, config, authorization, of(connector, sink));
    config.optionalSchedule("schedule").ifPresent(job::schedule);
    return job;
  }

  @Override
  public void run(RunContext context) throws Exception {
    int pageSize = (int) context.connectorContext().config().integer("page_size");
    ImportPosition[] position = {ImportPosition.of(context.checkpoint())};
    FileImport.Result result;
    try {
      result =
          connector.importFiles(
              context.connectorContext(),
              (key, rows) -> position[0] = importFile(context, key, rows, position[0], pageSize));
    } catch (Stopped stopped) {
      return; // the checkpoint holds the last committed line; the next run goes on from there
    }
    result.failed().forEach(f -> context.itemRejected(f.file(), f.error()));
  }

  private ImportPosition importFile(
      RunContext context,
      FileKey key,
      FileImportConnector.Rows rows,
      ImportPosition position,
      int pageSize)
      throws java.io.IOException {
    long skip = position.committedLine(key);
    if (skip == Long.MAX_VALUE) {
      return position; // committed before a crash, not yet marked: it is marked now
    }
    List<FileRow> page = new ArrayList<>(pageSize);
    FileRow row;
    ImportPosition at = position;
    while ((row = rows.next()) != null) {
      if (row.line() <= skip) {
        continue;
      }
      page.add(row);
      if (page.size() == pageSize) {
        commit(context, page);
        at = new ImportPosition(key, row.line(), false);
        context.commit(at.toCheckpoint());
        page.clear();
        if (context.stopRequested()) {
          throw new Stopped();
        }
      }
    }
    commit(context, page);
    at = new ImportPosition(key, 0, true);
    context.commit(at.toCheckpoint());
    return at;
  }

  private void commit(RunContext context, List<FileRow> page) {
    if (page.isEmpty()) {
      return;
    }
    context.itemsRead(page.size());
    BatchOutcome<FileRow> outcome;
    try {
      outcome = context.hostRetrier().writeBatch(List.copyOf(page), b -> sink.commit(b));
    } catch (InterruptedException e) {
      throw new Stopped();
    }
    context.itemsWritten(outcome.written());
    outcome.rejected().forEach(r -> context.itemRejected(r.item(), r.error()));
  }

  @Override
  public String toString() {
    return "FileImportTask[" + connector + "]";
  }

  /** Ends a run that was asked to stop, at a checkpoint, from inside a file. */
  private static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super("the run was asked to stop", null, false, false);
    }
  }
}

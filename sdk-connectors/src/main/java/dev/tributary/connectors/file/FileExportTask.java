package dev.tributary.connectors.file;

import dev.tributary.core.SystemException;
import dev.tributary.core.TransientException;
import dev.tributary.core.ValidationException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.Page;
import dev.tributary.core.job.Job;
import dev.tributary.core.job.JobTask;
import dev.tributary.core.job.RunContext;
import dev.tributary.core.job.Source;
import dev.tributary.core.model.Profile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A file export run under the {@code JobRunner}: each run streams the audience, page by page, into
 * one file through a {@link FileExportConnector}, and commits its checkpoint only after the
 * destination confirmed the file.
 *
 * <ul>
 *   <li><b>Full or incremental.</b> With {@code restartEachRun(true)} every run exports the whole
 *       audience (the usual nightly file). Without, each run starts where the last delivered file
 *       ended — for a source that pages by change time, a file of what changed since.
 *   <li><b>No lost, no doubled file.</b> Before writing, the run commits the file's name as
 *       pending; a run after a crash or a failure sends that same file again (replacing a copy the
 *       crashed run may have delivered), never a second one. A file is never seen half-written.
 *   <li><b>Retries.</b> A failed transfer is retried by the runtime (the source is read again from
 *       the same checkpoint); a stop request abandons the file and the next run sends it.
 *   <li><b>Progress.</b> Items read are profiles read; items written are profiles in the delivered
 *       file; a profile whose values cannot be written is rejected and reported, the file goes on.
 * </ul>
 *
 * <p>Immutable; thread-safe as far as the source is.
 */
public final class FileExportTask implements JobTask {
  private final FileExportConnector connector;
  private final Source<? extends Profile> audience;
  private final int pageSize;
  private final Consumer<FileDelivery> onDelivered;

  private FileExportTask(Builder b) {
    this.connector = b.connector;
    this.audience = b.audience;
    this.pageSize = b.pageSize;
    this.onDelivered = b.onDelivered;
  }

  public static Builder builder(FileExportConnector connector, Source<? extends Profile> audience) {
    return new Builder(connector, audience);
  }

  /**
   * A job running this task: its schedule is the {@code schedule} setting, if set (else it runs on
   * {@code runNow()} only), and it exports the whole audience every run.
   */
  public static Job.Builder job(
      String id,
      FileExportConnector connector,
      ConnectorConfig config,
      Authorization authorization,
      Source<? extends Profile> audience) {
    Job.Builder job =
        Job.custom(id, connector, config, authorization, builder(connector, audience).build())
            .restartEachRun(true);
    config.optionalSchedule("schedule").ifPresent(job::schedule);
    return job;
  }

  @Override
  public void run(RunContext context) throws Exception {
    ExportPosition position = ExportPosition.of(context.checkpoint());
    boolean resumed = position.pendingFile() != null;
    Instant startedAt = resumed ? position.pendingAt() : context.clock().instant();
    ExportRun run = new ExportRun(context.jobId(), context.runNumber(), startedAt);
    Page<? extends Profile> first = read(context, position.source());
    ConnectorConfig config = context.connectorContext().config();
    if (!resumed && first.records().isEmpty() && first.last() && config.bool("skip_empty")) {
      context.commit(ExportPosition.delivered(first.next()).toCheckpoint());
      return;
    }
    String name =
        resumed ? position.pendingFile() : connector.fileName(context.connectorContext(), run);
    if (!resumed) {
      context.commit(position.pending(name, startedAt).toCheckpoint());
    }
    Attempt attempt = new Attempt(context, position.source(), first);
    int[] tries = {0};
    FileDelivery delivery =
        context
            .retrier()
            .call(
                () ->
                    connector.export(
                        context.connectorContext(),
                        run,
                        name,
                        resumed || tries[0]++ > 0,
                        attempt::writeAll));
    context.itemsRead(attempt.read);
    context.itemsWritten(delivery.profiles());
    attempt.rejected.forEach(r -> context.itemRejected(r.profile(), r.error()));
    context.commit(ExportPosition.delivered(attempt.end).toCheckpoint());
    onDelivered.accept(delivery);
  }

  private Page<? extends Profile> read(RunContext context, Checkpoint from) throws Exception {
    return context.hostRetrier().call(() -> audience.read(from, pageSize));
  }

  private record Rejected(Profile profile, ValidationException error) {}

  /** One attempt at writing the file: every page from the start checkpoint. */
  private final class Attempt {
    private final RunContext context;
    private final Checkpoint start;
    private final Page<? extends Profile> first;
    long read;
    Checkpoint end;
    List<Rejected> rejected = new ArrayList<>();

    Attempt(RunContext context, Checkpoint start, Page<? extends Profile> first) {
      this.context = context;
      this.start = start;
      this.first = first;
      this.end = start;
    }

    void writeAll(ProfileWriter out) throws Exception {
      read = 0;
      rejected = new ArrayList<>();
      Checkpoint from = start;
      Page<? extends Profile> page = first;
      boolean firstPage = true;
      while (true) {
        if (!firstPage) {
          if (context.stopRequested()) {
            throw new TransientException("the run was asked to stop; the file is sent next run");
          }
          page = read(context, from);
        }
        firstPage = false;
        for (Profile p : page.records()) {
          try {
            out.write(p);
          } catch (ValidationException e) {
            rejected.add(new Rejected(p, e));
          }
        }
        read += page.records().size();
        if (page.last()) {
          end = page.next();
          return;
        }
        if (page.records().isEmpty() && page.next().equals(from)) {
          throw new SystemException(
              "the audience returned an empty page that does not move past " + from);
        }
        from = page.next();
      }
    }
  }

  @Override
  public String toString() {
    return "FileExportTask[" + connector + "]";
  }

  /** Builds a {@link FileExportTask}. Not thread-safe. */
  public static final class Builder {
    private final FileExportConnector connector;
    private final Source<? extends Profile> audience;
    private int pageSize = 1000;
    private Consumer<FileDelivery> onDelivered = d -> {};

    private Builder(FileExportConnector connector, Source<? extends Profile> audience) {
      this.connector = Objects.requireNonNull(connector, "connector");
      this.audience = Objects.requireNonNull(audience, "audience");
    }

    /**
     * Profiles read from the audience per call; only one page is held at a time. Default: 1,000.
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1) {
        throw new IllegalArgumentException("pageSize must be at least 1: " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /** Called after each delivered file (on the run's thread; keep it quick). Default: nothing. */
    public Builder onDelivered(Consumer<FileDelivery> listener) {
      this.onDelivered = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public FileExportTask build() {
      return new FileExportTask(this);
    }
  }
}

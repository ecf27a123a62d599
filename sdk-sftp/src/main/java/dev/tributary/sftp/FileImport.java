package dev.tributary.sftp;

import dev.tributary.core.ErrorClass;
import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Imports the files that arrive in a remote directory, each exactly once: it lists the files that
 * match a glob, skips those already {@linkplain ProcessedFiles processed} and those not yet
 * {@linkplain Readiness ready}, streams each other one to a {@link FileHandler}, marks it processed
 * once the handler returned (the handler returns only after committing what it read), and then
 * {@linkplain AfterRead moves or deletes} it. Files are handled one at a time in path order; the
 * first failure stops the run and leaves that file unmarked, so the next run reads it again.
 *
 * <pre>{@code
 * FileImport inbox = FileImport.builder(sftp, "inbox", "*.csv.gz")
 *     .readiness(Readiness.sizeStableFor(Duration.ofMinutes(2)))
 *     .processedFiles(ProcessedFiles.inFile(Path.of("state/inbox.processed")))
 *     .afterRead(AfterRead.moveTo("archive"))
 *     .build();
 * FileImport.Result result = inbox.run((file, key, data) -> importCsv(new GZIPInputStream(data)));
 * }</pre>
 *
 * <p>Thread-safe: runs are serialized. Keep one instance per inbox for the life of the process —
 * {@link Readiness#sizeStableFor} compares against what earlier runs saw.
 */
public final class FileImport {
  /** Reads and commits one file. */
  @FunctionalInterface
  public interface FileHandler {
    /**
     * Imports {@code data} and returns only once it is committed. Do not close {@code data}.
     *
     * @param key the file's identity, for handlers that record it in their own transaction
     * @throws IOException if reading fails; the file stays unprocessed
     */
    void process(RemoteFile file, FileKey key, InputStream data) throws IOException;
  }

  /**
   * What one run found.
   *
   * @param imported files handed to the handler and marked processed, in order
   * @param notReady files left for a later run because they may still be uploading
   * @param alreadyProcessed files a previous run processed
   */
  public record Result(
      List<RemoteFile> imported,
      List<RemoteFile> notReady,
      List<RemoteFile> alreadyProcessed,
      List<FailedFile> failed) {
    public Result {
      imported = List.copyOf(imported);
      notReady = List.copyOf(notReady);
      alreadyProcessed = List.copyOf(alreadyProcessed);
      failed = List.copyOf(failed);
    }

    /** A result without failed files. */
    public Result(
        List<RemoteFile> imported, List<RemoteFile> notReady, List<RemoteFile> alreadyProcessed) {
      this(imported, notReady, alreadyProcessed, List.of());
    }
  }

  /**
   * A file whose handler found it bad ({@code VALIDATION}) and that was moved aside (see {@link
   * Builder#failedFiles(String)}), not marked processed.
   *
   * @param file the file as listed, before it was moved
   * @param movedTo its path now, relative to the base directory
   * @param error why the handler refused it
   */
  public record FailedFile(RemoteFile file, String movedTo, TributaryException error) {
    public FailedFile {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(movedTo, "movedTo");
      Objects.requireNonNull(error, "error");
    }
  }

  private record Seen(long size, Instant modified, Instant since) {}

  private final SftpClient client;
  private final String directory;
  private final String glob;
  private final boolean recursive;
  private final Readiness readiness;
  private final ProcessedFiles processed;
  private final AfterRead afterRead;
  private final Clock clock;
  private final @Nullable String failedDirectory;
  private final Map<String, Seen> seen = new HashMap<>();

  private FileImport(Builder b) {
    this.client = b.client;
    this.directory = b.directory;
    this.glob = b.glob;
    this.recursive = b.recursive;
    this.readiness = b.readiness;
    this.processed = b.processed;
    this.afterRead = b.afterRead;
    this.clock = b.clock;
    this.failedDirectory = b.failedDirectory;
  }

  /** An import of the files in {@code directory} whose names match {@code glob}. */
  public static Builder builder(SftpClient client, String directory, String glob) {
    return new Builder(client, directory, glob);
  }

  /** Imports every ready, unprocessed file once. */
  public synchronized Result run(FileHandler handler) {
    Objects.requireNonNull(handler, "handler");
    List<RemoteFile> imported = new ArrayList<>();
    List<RemoteFile> notReady = new ArrayList<>();
    List<RemoteFile> done = new ArrayList<>();
    List<FailedFile> failed = new ArrayList<>();
    Set<String> doneFiles = doneFiles();
    for (RemoteFile file : candidates()) {
      FileKey key = FileKey.of(file);
      if (processed.isProcessed(key)) {
        done.add(file);
        finish(file); // a crash may have come between the mark and the move
      } else if (!isReady(file, doneFiles)) {
        notReady.add(file);
      } else {
        FailedFile bad = importOne(file, key, handler);
        if (bad == null) {
          imported.add(file);
        } else {
          failed.add(bad);
        }
      }
    }
    return new Result(imported, notReady, done, failed);
  }

  private @Nullable FailedFile importOne(RemoteFile file, FileKey key, FileHandler handler) {
    try (InputStream data = client.openDownload(file.path())) {
      handler.process(file, key, data);
    } catch (IOException e) {
      throw new TransientException(
          "import of '" + file.path() + "' failed; it stays unprocessed: " + e.getMessage(), e);
    } catch (TributaryException e) {
      if (failedDirectory == null || e.errorClass() != ErrorClass.VALIDATION) {
        throw e;
      }
      seen.remove(file.path());
      return new FailedFile(file, moveAside(file), e);
    }
    processed.markProcessed(key);
    seen.remove(file.path());
    finish(file);
    return null;
  }

  /** Moves a bad file (and its done-file) into the failed-files directory; returns its path. */
  private String moveAside(RemoteFile file) {
    String target = below(Objects.requireNonNull(failedDirectory), file.path());
    List<String> paths = new ArrayList<>(List.of(file.path()));
    readiness.doneFileSuffix().ifPresent(s -> paths.add(file.path() + s));
    for (String path : paths) {
      if (client.stat(path).isPresent()) {
        String moved = below(failedDirectory, path);
        int slash = moved.lastIndexOf('/');
        if (slash > 0) {
          client.mkdirs(moved.substring(0, slash));
        }
        client.rename(path, moved, ExistingTarget.OVERWRITE);
      }
    }
    return target;
  }

  private List<RemoteFile> candidates() {
    List<RemoteFile> listed =
        recursive ? client.listRecursive(directory, glob) : client.list(directory, glob);
    String suffix = readiness.doneFileSuffix().orElse(null);
    List<RemoteFile> files = new ArrayList<>();
    for (RemoteFile f : listed) {
      boolean temporary = f.name().startsWith(".") && f.name().endsWith(".part");
      if (f.isFile() && !temporary && (suffix == null || !f.name().endsWith(suffix))) {
        files.add(f);
      }
    }
    return files;
  }

  private Set<String> doneFiles() {
    String suffix = readiness.doneFileSuffix().orElse(null);
    Set<String> paths = new HashSet<>();
    if (suffix != null) {
      String pattern = "*" + suffix;
      for (RemoteFile f :
          recursive ? client.listRecursive(directory, pattern) : client.list(directory, pattern)) {
        paths.add(f.path());
      }
    }
    return paths;
  }

  private boolean isReady(RemoteFile file, Set<String> doneFiles) {
    String suffix = readiness.doneFileSuffix().orElse(null);
    if (suffix != null) {
      return doneFiles.contains(file.path() + suffix);
    }
    Duration interval = readiness.stableInterval().orElse(null);
    if (interval == null) {
      return true;
    }
    Instant now = clock.instant();
    Seen before = seen.get(file.path());
    if (before != null
        && before.size() == file.size()
        && before.modified().equals(file.lastModified())) {
      return !now.isBefore(before.since().plus(interval));
    }
    seen.put(file.path(), new Seen(file.size(), file.lastModified(), now));
    return false;
  }

  private void finish(RemoteFile file) {
    if (afterRead.leaves()) {
      return;
    }
    List<String> paths = new ArrayList<>(List.of(file.path()));
    readiness.doneFileSuffix().ifPresent(s -> paths.add(file.path() + s));
    for (String path : paths) {
      if (afterRead.deletes()) {
        client.delete(path);
      } else if (client.stat(path).isPresent()) {
        String archived = archivePath(path);
        int slash = archived.lastIndexOf('/');
        if (slash > 0) {
          client.mkdirs(archived.substring(0, slash));
        }
        client.rename(path, archived, ExistingTarget.OVERWRITE);
      }
    }
  }

  private String archivePath(String path) {
    return below(afterRead.archiveDirectory().orElseThrow(), path);
  }

  /** {@code path}, relative to the imported directory, placed below {@code target}. */
  private String below(String target, String path) {
    String dir = dev.tributary.sftp.internal.RemotePaths.normalize(directory);
    String rest = dir.isEmpty() ? path : path.substring(dir.length() + 1);
    return target + "/" + rest;
  }

  /** Configures a {@link FileImport}. Not thread-safe. */
  public static final class Builder {
    private final SftpClient client;
    private final String directory;
    private final String glob;
    private boolean recursive;
    private Readiness readiness = Readiness.immediately();
    private ProcessedFiles processed = ProcessedFiles.inMemory();
    private AfterRead afterRead = AfterRead.leave();
    private Clock clock = Clock.systemUTC();
    private @Nullable String failedDirectory;

    private Builder(SftpClient client, String directory, String glob) {
      this.client = Objects.requireNonNull(client, "client");
      this.directory = Objects.requireNonNull(directory, "directory");
      this.glob = Objects.requireNonNull(glob, "glob");
    }

    /** Whether to look into subdirectories too. Default {@code false}. */
    public Builder recursive(boolean recursive) {
      this.recursive = recursive;
      return this;
    }

    /**
     * When a file may be read. Default {@link Readiness#immediately()}: right only when senders
     * upload atomically; otherwise choose a size-stable interval or a done-file.
     */
    public Builder readiness(Readiness readiness) {
      this.readiness = Objects.requireNonNull(readiness, "readiness");
      return this;
    }

    /**
     * Where processed files are remembered. Default {@link ProcessedFiles#inMemory()}, which
     * forgets on restart: use {@link ProcessedFiles#inFile} or your own store in production.
     */
    public Builder processedFiles(ProcessedFiles processed) {
      this.processed = Objects.requireNonNull(processed, "processed");
      return this;
    }

    /** What to do with a processed file. Default {@link AfterRead#leave()}. */
    public Builder afterRead(AfterRead afterRead) {
      this.afterRead = Objects.requireNonNull(afterRead, "afterRead");
      return this;
    }

    /**
     * Moves a file whose handler refuses it as bad input — a {@link TributaryException} of class
     * {@code VALIDATION}: corrupt, not decryptable as data, not in the expected format — into
     * {@code directory} (relative to the base directory, created when missing; its done-file too),
     * leaves it unmarked and goes on with the next file; {@link Result#failed()} lists it. Put the
     * file back after fixing the cause and it is imported again. Default: none, the first failure
     * of any kind stops the run and leaves the file where it is.
     */
    public Builder failedFiles(String directory) {
      Objects.requireNonNull(directory, "directory");
      if (directory.isBlank()) {
        throw new IllegalArgumentException("directory must not be blank");
      }
      this.failedDirectory = directory;
      return this;
    }

    /** The clock for {@link Readiness#sizeStableFor}. Default: the system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public FileImport build() {
      return new FileImport(this);
    }
  }
}

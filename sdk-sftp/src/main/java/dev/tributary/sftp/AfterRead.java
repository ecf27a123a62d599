package dev.tributary.sftp;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link FileImport} does with a file (and its done-file) once it is processed: leave it,
 * delete it, or move it into an archive directory. Immutable.
 */
public final class AfterRead {
  private static final AfterRead LEAVE = new AfterRead(false, null);
  private static final AfterRead DELETE = new AfterRead(true, null);

  private final boolean delete;
  private final @Nullable String archive;

  private AfterRead(boolean delete, @Nullable String archive) {
    this.delete = delete;
    this.archive = archive;
  }

  /** Leave processed files where they are; {@link ProcessedFiles} keeps them from repeating. */
  public static AfterRead leave() {
    return LEAVE;
  }

  public static AfterRead delete() {
    return DELETE;
  }

  /**
   * Move processed files into {@code directory} (relative to the base directory, created when
   * missing), keeping their path below the imported directory; an existing file there is replaced.
   */
  public static AfterRead moveTo(String directory) {
    Objects.requireNonNull(directory, "directory");
    return new AfterRead(false, directory);
  }

  public boolean deletes() {
    return delete;
  }

  public Optional<String> archiveDirectory() {
    return Optional.ofNullable(archive);
  }

  public boolean leaves() {
    return !delete && archive == null;
  }

  @Override
  public String toString() {
    return delete
        ? "AfterRead[delete]"
        : archive != null ? "AfterRead[move to " + archive + "]" : "AfterRead[leave]";
  }
}

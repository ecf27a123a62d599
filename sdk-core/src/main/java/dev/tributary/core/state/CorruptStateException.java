package dev.tributary.core.state;

import dev.tributary.core.SystemException;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Stored state exists but cannot be read back intact: a checkpoint file that is truncated, fails
 * its checksum or is not a checkpoint at all. The job stops rather than guess where to resume; the
 * message says which file to restore or delete.
 */
public class CorruptStateException extends SystemException {
  private static final long serialVersionUID = 1L;

  private final transient Path path;

  public CorruptStateException(Path path, String problem, @Nullable Throwable cause) {
    super(
        "checkpoint file "
            + path
            + " is corrupt ("
            + problem
            + "): restore it from a backup, or delete it to start that job from the beginning",
        cause);
    this.path = Objects.requireNonNull(path, "path");
  }

  /** The damaged file. */
  public Path path() {
    return path;
  }
}

package dev.tributary.sftp;

import dev.tributary.core.ConfigException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The server refused an operation on a path: it does not exist, permission is denied, or the target
 * already exists and the caller chose {@link ExistingTarget#FAIL}. A {@link
 * dev.tributary.core.ErrorClass#CONFIG} error: the path or the account's rights need fixing.
 */
public final class RemoteFileException extends ConfigException {
  private static final long serialVersionUID = 1L;

  /** Why the server refused. */
  public enum Reason {
    NOT_FOUND,
    PERMISSION_DENIED,
    EXISTS,
    NOT_A_FILE,
    UNSUPPORTED
  }

  private final String path;
  private final Reason reason;

  public RemoteFileException(
      String path, Reason reason, String message, @Nullable Throwable cause) {
    super(null, message, cause);
    this.path = Objects.requireNonNull(path, "path");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The path the operation was about, relative to the base directory. */
  public String path() {
    return path;
  }

  public Reason reason() {
    return reason;
  }
}

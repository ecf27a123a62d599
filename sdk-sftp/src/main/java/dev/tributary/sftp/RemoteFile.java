package dev.tributary.sftp;

import java.time.Instant;
import java.util.Objects;

/**
 * A file or directory on the server, as listed or stat-ed.
 *
 * @param path the path relative to the client's base directory, with {@code /} separators
 * @param size the size in bytes (0 when the server does not say)
 * @param lastModified the modification time, to the second (the epoch when the server does not say)
 * @param type what kind of entry it is
 */
public record RemoteFile(String path, long size, Instant lastModified, Type type) {
  /** The kinds of directory entry. */
  public enum Type {
    FILE,
    DIRECTORY,
    SYMLINK,
    OTHER
  }

  public RemoteFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(lastModified, "lastModified");
    Objects.requireNonNull(type, "type");
  }

  /** The last path segment. */
  public String name() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  public boolean isFile() {
    return type == Type.FILE;
  }

  public boolean isDirectory() {
    return type == Type.DIRECTORY;
  }
}

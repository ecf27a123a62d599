package dev.tributary.sftp;

import java.time.Instant;
import java.util.Objects;

/**
 * Identifies one version of a remote file for {@link ProcessedFiles}: its path, size and
 * modification time. A file uploaded again under the same name with other content is a new key.
 *
 * @param path the path relative to the client's base directory
 * @param size the size in bytes
 * @param lastModified the modification time, to the second
 */
public record FileKey(String path, long size, Instant lastModified) {
  public FileKey {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(lastModified, "lastModified");
  }

  /** The key of a listed file. */
  public static FileKey of(RemoteFile file) {
    return new FileKey(file.path(), file.size(), file.lastModified());
  }
}

package dev.tributary.sftp.internal;

import dev.tributary.sftp.RemoteFile;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.sftp.FileAttributes;
import net.schmizz.sshj.sftp.FileMode;
import net.schmizz.sshj.sftp.Request;
import net.schmizz.sshj.sftp.Response.StatusCode;
import net.schmizz.sshj.sftp.SFTPEngine;
import net.schmizz.sshj.sftp.SFTPException;

/** Single SFTP requests on one connection, with server paths. */
final class RemoteOps {
  private RemoteOps() {}

  static Optional<FileAttributes> stat(SFTPEngine sftp, String path) throws IOException {
    try {
      return Optional.of(sftp.stat(path));
    } catch (SFTPException e) {
      if (e.getStatusCode() == StatusCode.NO_SUCH_FILE
          || e.getStatusCode() == StatusCode.NO_SUCH_PATH) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Removes a file; false if there was none. */
  static boolean remove(SFTPEngine sftp, String path) throws IOException {
    try {
      sftp.remove(path);
      return true;
    } catch (SFTPException e) {
      if (e.getStatusCode() == StatusCode.NO_SUCH_FILE
          || e.getStatusCode() == StatusCode.NO_SUCH_PATH) {
        return false;
      }
      throw e;
    }
  }

  /** Creates {@code relativeDir} and its missing parents under the base directory. */
  static void mkdirs(SFTPEngine sftp, RemotePaths paths, String relativeDir) throws IOException {
    String prefix = "";
    for (String segment : RemotePaths.normalize(relativeDir).split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      prefix = RemotePaths.join(prefix, segment);
      String path = paths.resolve(prefix);
      Optional<FileAttributes> attrs = stat(sftp, path);
      if (attrs.isEmpty()) {
        try {
          sftp.makeDir(path);
        } catch (SFTPException e) {
          if (stat(sftp, path).isEmpty()) { // not created by someone else meanwhile
            throw e;
          }
        }
      } else if (attrs.get().getType() != FileMode.Type.DIRECTORY) {
        throw new SFTPException(StatusCode.NOT_A_DIRECTORY, prefix + " is not a directory");
      }
    }
  }

  /**
   * Renames {@code from} to {@code to}. With {@code overwrite}, replaces an existing target
   * atomically through OpenSSH's {@code posix-rename@openssh.com}; a server without it gets a
   * remove-then-rename, which is not atomic (for a moment there is no file) but never exposes a
   * partial one. Without {@code overwrite}, SFTP v3's rename fails if the target exists.
   */
  static void rename(SFTPEngine sftp, String from, String to, boolean overwrite)
      throws IOException {
    if (!overwrite) {
      sftp.rename(from, to, java.util.Set.of());
      return;
    }
    if (sftp.supportsServerExtension("posix-rename", "openssh.com")) {
      Request request =
          sftp.newExtendedRequest("posix-rename@openssh.com")
              .putString(from, sftp.getSubsystem().getRemoteCharset())
              .putString(to, sftp.getSubsystem().getRemoteCharset());
      sftp.request(request)
          .retrieve(sftp.getTimeoutMs(), TimeUnit.MILLISECONDS)
          .ensureStatusPacketIsOK();
      return;
    }
    remove(sftp, to);
    sftp.rename(from, to, java.util.Set.of());
  }

  static RemoteFile toRemoteFile(String relativePath, FileAttributes attrs) {
    RemoteFile.Type type =
        switch (attrs.getType()) {
          case REGULAR -> RemoteFile.Type.FILE;
          case DIRECTORY -> RemoteFile.Type.DIRECTORY;
          case SYMLINK -> RemoteFile.Type.SYMLINK;
          default -> RemoteFile.Type.OTHER;
        };
    long mtime = attrs.has(FileAttributes.Flag.ACMODTIME) ? attrs.getMtime() : 0;
    long size = attrs.has(FileAttributes.Flag.SIZE) ? attrs.getSize() : 0;
    return new RemoteFile(relativePath, size, Instant.ofEpochSecond(mtime), type);
  }
}

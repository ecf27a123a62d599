package dev.tributary.sftp.internal;

import dev.tributary.sftp.DoneFile;
import dev.tributary.sftp.ExistingTarget;
import dev.tributary.sftp.RemoteFileException;
import dev.tributary.sftp.UploadOptions;
import dev.tributary.sftp.UploadResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.SFTPEngine;
import net.schmizz.sshj.sftp.SFTPException;
import org.jspecify.annotations.Nullable;

/**
 * Where an upload writes and how it ends: the temporary name beside the final one, the check of an
 * existing target before and at the end, the rename, and the done-file.
 */
final class UploadTarget {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String path;
  private final String finalPath;
  private final String writePath;
  private final UploadOptions options;

  UploadTarget(RemotePaths paths, String relativePath, UploadOptions options) {
    this.path = RemotePaths.normalize(relativePath);
    if (path.isEmpty()) {
      throw new IllegalArgumentException("an upload needs a file name, not the base directory");
    }
    this.options = options;
    this.finalPath = paths.resolve(path);
    if (options.atomic()) {
      byte[] random = new byte[6];
      RANDOM.nextBytes(random);
      String dir = RemotePaths.parent(path);
      String temp = "." + RemotePaths.name(path) + "." + HexFormat.of().formatHex(random) + ".part";
      this.writePath = paths.resolve(RemotePaths.join(dir, temp));
    } else {
      this.writePath = finalPath;
    }
  }

  String path() {
    return path;
  }

  String writePath() {
    return writePath;
  }

  UploadOptions options() {
    return options;
  }

  /** Whether the file is created with EXCL: writing in place, refusing an existing target. */
  boolean exclusiveCreate() {
    return !options.atomic() && options.existingTarget() != ExistingTarget.OVERWRITE;
  }

  /**
   * Checks the target before any byte is sent.
   *
   * @return false if the target exists and the policy is {@link ExistingTarget#SKIP}
   * @throws RemoteFileException if it exists and the policy is {@link ExistingTarget#FAIL}
   */
  boolean prepare(SFTPEngine sftp, RemotePaths paths) throws IOException {
    if (options.createDirectories() && !RemotePaths.parent(path).isEmpty()) {
      RemoteOps.mkdirs(sftp, paths, RemotePaths.parent(path));
    }
    if (options.existingTarget() == ExistingTarget.OVERWRITE
        || RemoteOps.stat(sftp, finalPath).isEmpty()) {
      return true;
    }
    if (options.existingTarget() == ExistingTarget.SKIP) {
      return false;
    }
    throw exists();
  }

  private RemoteFileException exists() {
    return new RemoteFileException(
        path,
        RemoteFileException.Reason.EXISTS,
        "cannot upload '"
            + path
            + "': it already exists (choose ExistingTarget.OVERWRITE or SKIP"
            + " to allow this)",
        null);
  }

  /** Moves the complete temporary file to the final name and writes the done-file. */
  UploadResult finish(SFTPEngine sftp, long size, @Nullable String md5) throws IOException {
    if (options.atomic()) {
      boolean overwrite = options.existingTarget() == ExistingTarget.OVERWRITE;
      try {
        RemoteOps.rename(sftp, writePath, finalPath, overwrite);
      } catch (SFTPException e) {
        if (overwrite || RemoteOps.stat(sftp, finalPath).isEmpty()) {
          throw e;
        }
        RemoteOps.remove(sftp, writePath); // the target appeared while we uploaded
        if (options.existingTarget() == ExistingTarget.SKIP) {
          return new UploadResult(path, 0, null, true, null);
        }
        throw exists();
      }
    }
    String done = null;
    DoneFile doneFile = options.doneFile().orElse(null);
    if (doneFile != null) {
      done = path + doneFile.suffix();
      String content = doneFile.content(RemotePaths.name(path), size, md5 == null ? "" : md5);
      writeSmallFile(sftp, finalPath + doneFile.suffix(), content);
    }
    return new UploadResult(path, size, md5, false, done);
  }

  private static void writeSmallFile(SFTPEngine sftp, String target, String content)
      throws IOException {
    String temp = target + ".part";
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    try (RemoteFile f =
        sftp.open(temp, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.TRUNC))) {
      if (bytes.length > 0) {
        f.write(0, bytes, 0, bytes.length);
      }
    }
    RemoteOps.rename(sftp, temp, target, true);
  }

  /** Removes what a failed upload wrote, so nothing partial stays behind. */
  void discard(SFTPEngine sftp) throws IOException {
    RemoteOps.remove(sftp, writePath);
  }
}

package dev.tributary.sftp;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What an upload did.
 *
 * @param path the final path, relative to the base directory
 * @param size the bytes written (0 when skipped)
 * @param md5 the lowercase hex MD5 of the bytes written, when computed (see {@link
 *     UploadOptions.Builder#computeMd5(boolean)}), else {@code null}
 * @param skipped whether the target existed and {@link ExistingTarget#SKIP} left it alone
 * @param doneFile the done-file written, if one was
 */
public record UploadResult(
    String path, long size, @Nullable String md5, boolean skipped, @Nullable String doneFile) {
  public UploadResult {
    Objects.requireNonNull(path, "path");
  }

  public Optional<String> md5Hex() {
    return Optional.ofNullable(md5);
  }

  public Optional<String> doneFilePath() {
    return Optional.ofNullable(doneFile);
  }
}

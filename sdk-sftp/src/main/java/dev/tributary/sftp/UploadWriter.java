package dev.tributary.sftp;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the content of an upload, for {@link SftpClient#upload(String, UploadOptions,
 * UploadWriter)}: typically the head of an encode → gzip → PGP pipeline.
 */
@FunctionalInterface
public interface UploadWriter {
  /**
   * Writes everything to {@code out}. Closing {@code out} (for instance by closing a gzip or PGP
   * stream wrapped around it, which is how those finish) only flushes it: the upload is committed
   * when this method returns normally, and abandoned when it throws.
   */
  void writeTo(OutputStream out) throws IOException;
}

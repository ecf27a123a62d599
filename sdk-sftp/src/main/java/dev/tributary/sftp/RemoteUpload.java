package dev.tributary.sftp;

import java.io.OutputStream;

/**
 * An upload in progress, written to as an {@link OutputStream} — the end of an encode → gzip → PGP
 * → SFTP pipeline. Bytes go to the server as they are written, many requests in flight, with
 * constant memory. Nothing appears under the final name until {@link #commit()}: closing without a
 * commit (for instance because the pipeline failed) deletes the temporary file.
 *
 * <pre>{@code
 * try (RemoteUpload upload = sftp.openUpload("out/export.csv.gz", options);
 *     OutputStream gzip = new GZIPOutputStream(upload)) {
 *   writeCsv(gzip);
 *   gzip.finish();
 *   UploadResult result = upload.commit();
 * }
 * }</pre>
 *
 * <p>If the connection drops, the upload reconnects and resends what the server had not yet
 * confirmed (it keeps at most the unconfirmed window in memory). Not thread-safe: one writer. Holds
 * one of the client's connections until closed.
 */
public abstract class RemoteUpload extends OutputStream {
  /** For the implementation only. */
  protected RemoteUpload() {}

  /**
   * Finishes the upload: waits until the server confirmed every byte, closes the file, moves it to
   * its final name as the {@link UploadOptions} say and writes the done-file. After this, {@link
   * #close()} does nothing more.
   *
   * @throws dev.tributary.core.TributaryException if the upload failed; the final name is then
   *     untouched
   */
  public abstract UploadResult commit();

  /** The bytes written so far. */
  public abstract long bytesWritten();
}

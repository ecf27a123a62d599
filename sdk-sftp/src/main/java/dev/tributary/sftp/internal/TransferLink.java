package dev.tributary.sftp.internal;

import dev.tributary.core.TransientException;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The pooled connection and the open remote file of one pipelined transfer ({@link
 * PipelinedDownload}, {@link PipelinedUpload}), and how the transfer gets a new connection when one
 * drops: the broken connection goes back to the pool as unhealthy; once {@code maxAttempts}
 * connections are used the transfer gives up ({@link Errors#connectionLost}); else it takes the
 * next (after the retry delay, which the transfer waits). Reopening the file and resending are the
 * transfer's own. Not thread-safe: one per transfer.
 */
final class TransferLink {
  private final Operations ops;
  private final String action;
  private @Nullable Connection connection;
  private @Nullable OpenFile file;
  private int reconnects;

  /**
   * @param action what the transfer does, for {@link Errors#connectionLost}: {@code "download
   *     a/b.csv"}
   */
  TransferLink(Operations ops, String action, Connection connection) {
    this.ops = ops;
    this.action = action;
    this.connection = connection;
  }

  /** The connection in use. */
  Connection connection() throws IOException {
    Connection c = connection;
    if (c == null) {
      throw new IOException("no connection");
    }
    return c;
  }

  /** The remote file, open on {@link #connection()}. */
  OpenFile file() throws IOException {
    OpenFile f = file;
    if (f == null) {
      throw new IOException("the remote file is not open");
    }
    return f;
  }

  /** The remote file if it is open, for closing. */
  @Nullable OpenFile fileIfOpen() {
    return file;
  }

  void opened(OpenFile f) {
    file = f;
  }

  /** The file was closed: nothing to close any more. */
  void fileClosed() {
    file = null;
  }

  /**
   * Takes the connection away, for the caller to give back to the pool; null if there is none. The
   * file stays readable through {@link #fileIfOpen()}.
   */
  @Nullable Connection take() {
    Connection c = connection;
    connection = null;
    return c;
  }

  /**
   * The first step of a reconnect: gives the broken connection back to the pool as unhealthy and
   * forgets the file open on it; then the caller waits the retry delay and takes the {@link #next}
   * connection, unless this returned the error to give up with.
   *
   * @return {@link Errors#connectionLost} when this was the last connection the settings allow,
   *     else null
   */
  @Nullable TransientException dropBroken(IOException cause) throws IOException {
    Connection broken = connection();
    connection = null;
    file = null;
    ops.pool().release(broken, false);
    if (++reconnects >= ops.settings().maxAttempts()) {
      return Errors.connectionLost(ops.settings().target(), action, cause);
    }
    return null;
  }

  /**
   * Takes the next connection after {@link #dropBroken}, which is then the one in use (the caller
   * reopens the file on it).
   *
   * @throws dev.tributary.core.TributaryException if no connection could be made
   */
  Connection next() {
    Connection fresh = ops.acquire(reconnects + 1);
    connection = fresh;
    return fresh;
  }
}

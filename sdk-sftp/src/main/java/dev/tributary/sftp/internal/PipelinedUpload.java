package dev.tributary.sftp.internal;

import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import dev.tributary.sftp.RemoteUpload;
import dev.tributary.sftp.UploadResult;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HexFormat;
import net.schmizz.sshj.sftp.OpenMode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams bytes into a remote file with many writes in flight, reconnecting and resending the
 * unconfirmed ones when the connection drops, then hands the finished file to {@link UploadTarget}
 * to put it under its final name.
 */
final class PipelinedUpload extends RemoteUpload {
  private static final Logger log = LoggerFactory.getLogger(PipelinedUpload.class);

  /** Unconfirmed bytes an upload keeps in flight unless told how many writes. */
  private static final int DEFAULT_UNCONFIRMED_BYTES = 2 * 1024 * 1024;

  private final Operations ops;
  private final UploadTarget target;
  private final @Nullable MessageDigest md5;
  private final TransferLink link;
  private final WriteWindow window;
  private byte[] chunk;
  private int filled;
  private long sent;
  private boolean finished;

  PipelinedUpload(Operations ops, UploadTarget target, Connection connection) throws IOException {
    this.ops = ops;
    this.target = target;
    this.link = new TransferLink(ops, "upload " + target.path(), connection);
    this.md5 = target.options().computeMd5() ? md5() : null;
    OpenFile file = OpenFile.open(connection.sftp(), target.writePath(), openModes(true));
    link.opened(file);
    ClientSettings s = ops.settings();
    int chunkSize =
        connection.limits().writeSize(s.writeRequestSize(), file.writeSizeForOnePacket());
    int inFlight =
        s.maxUnconfirmedWrites() > 0
            ? s.maxUnconfirmedWrites()
            : Math.max(4, (DEFAULT_UNCONFIRMED_BYTES + chunkSize - 1) / chunkSize);
    this.window = new WriteWindow(inFlight, chunkSize, s.requestTimeout().toMillis());
    this.chunk = window.newChunk();
  }

  private EnumSet<OpenMode> openModes(boolean fresh) {
    EnumSet<OpenMode> modes = EnumSet.of(OpenMode.WRITE, OpenMode.CREAT);
    if (fresh) {
      modes.add(target.exclusiveCreate() ? OpenMode.EXCL : OpenMode.TRUNC);
    }
    return modes;
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no MD5", e);
    }
  }

  @Override
  public void write(int b) throws IOException {
    ensureOpen();
    chunk[filled++] = (byte) b;
    if (filled == chunk.length) {
      flushChunk();
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    ensureOpen();
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    while (len > 0) {
      int n = Math.min(len, chunk.length - filled);
      System.arraycopy(b, off, chunk, filled, n);
      filled += n;
      off += n;
      len -= n;
      if (filled == chunk.length) {
        flushChunk();
      }
    }
  }

  /** Reads {@code in} to its end straight into the write chunks. */
  long transferFrom(InputStream in) throws IOException {
    ensureOpen();
    long total = 0;
    int n;
    while ((n = in.read(chunk, filled, chunk.length - filled)) >= 0) {
      filled += n;
      total += n;
      if (filled == chunk.length) {
        flushChunk();
      }
    }
    return total;
  }

  /** Sends the filled chunk; on failure the upload is aborted and a classified error thrown. */
  private void flushChunk() {
    if (filled == 0) {
      return;
    }
    if (md5 != null) {
      md5.update(chunk, 0, filled);
    }
    byte[] full = chunk;
    int length = filled;
    long offset = sent;
    try {
      while (window.isFull()) {
        guarded(() -> window.awaitOldest(link.connection()));
      }
      guarded(() -> window.send(link.file(), offset, full, length));
    } catch (IOException e) {
      throw fail(e);
    } catch (RuntimeException e) {
      abort();
      throw e;
    }
    sent += length;
    chunk = window.newChunk();
    filled = 0;
  }

  /** An I/O step that survives a dropped connection by reconnecting and resending. */
  private interface Step {
    void run() throws IOException;
  }

  private void guarded(Step step) throws IOException {
    while (true) {
      try {
        step.run();
        return;
      } catch (IOException e) {
        if (Errors.isServerAnswer(e) && link.connection().isAlive()) {
          throw e;
        }
        reconnect(e);
      }
    }
  }

  private void reconnect(IOException cause) throws IOException {
    TransientException lost = link.dropBroken(cause);
    if (lost != null) {
      throw lost;
    }
    log.debug(
        "upload of {} lost its connection after {} bytes: resuming", target.path(), sent, cause);
    Operations.pause(ops.settings().retryDelay());
    Connection fresh = link.next();
    OpenFile reopened = OpenFile.open(fresh.sftp(), target.writePath(), openModes(false));
    link.opened(reopened);
    window.resend(reopened);
  }

  @Override
  public long bytesWritten() {
    return sent + filled;
  }

  @Override
  public UploadResult commit() {
    ensureOpenUnchecked();
    flushChunk();
    try {
      while (!window.isEmpty()) {
        guarded(() -> window.awaitOldest(link.connection()));
      }
      guarded(() -> link.file().close());
      link.fileClosed();
      String md5Hex = md5 == null ? null : HexFormat.of().formatHex(md5.digest());
      Connection c = link.connection();
      UploadResult result = target.finish(c.sftp(), sent, md5Hex);
      finished = true;
      link.take();
      ops.pool().release(c, true);
      return result;
    } catch (IOException e) {
      throw fail(e);
    } catch (RuntimeException e) {
      abort();
      throw e;
    }
  }

  private TributaryException fail(IOException e) {
    boolean answered = Errors.isServerAnswer(e);
    abort();
    return answered
        ? Errors.refused("upload", target.path(), e)
        : Errors.connectionLost(ops.settings().target(), "upload " + target.path(), e);
  }

  /** Closes without committing: the temporary file is removed, the final name untouched. */
  @Override
  public void close() {
    if (!finished) {
      abort();
    }
  }

  private void abort() {
    if (finished) {
      return;
    }
    finished = true;
    Connection c = link.take();
    boolean cleaned = false;
    if (c != null) {
      boolean healthy = c.isAlive();
      try {
        if (healthy) {
          OpenFile f = link.fileIfOpen();
          if (f != null) {
            f.close();
          }
          target.discard(c.sftp());
          cleaned = true;
        }
      } catch (IOException | RuntimeException e) {
        healthy = false;
        log.debug("cleaning up the aborted upload of {} failed", target.path(), e);
      }
      ops.pool().release(c, healthy);
    }
    if (!cleaned) {
      discardOnFreshConnection();
    }
  }

  /** The connection broke: one try on a new one to remove the temporary file. */
  private void discardOnFreshConnection() {
    try {
      Connection fresh = ops.pool().acquire();
      boolean ok = false;
      try {
        target.discard(fresh.sftp());
        ok = true;
      } finally {
        ops.pool().release(fresh, ok);
      }
    } catch (IOException | RuntimeException e) {
      log.debug("could not remove the temporary file of {}", target.path(), e);
    }
  }

  private void ensureOpen() throws IOException {
    if (finished) {
      throw new IOException("the upload of " + target.path() + " is already committed or closed");
    }
  }

  private void ensureOpenUnchecked() {
    if (finished) {
      throw new IllegalStateException(
          "the upload of " + target.path() + " is already committed or closed");
    }
  }
}

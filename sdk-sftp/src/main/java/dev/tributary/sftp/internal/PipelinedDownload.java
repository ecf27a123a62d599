package dev.tributary.sftp.internal;

import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import net.schmizz.concurrent.Promise;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.PacketType;
import net.schmizz.sshj.sftp.Response;
import net.schmizz.sshj.sftp.SFTPException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a remote file with many read requests in flight (like OpenSSH's {@code sftp}, which keeps
 * 64 of up to 255 KiB). Bytes come out in order; when the connection drops, it reconnects and goes
 * on from the first byte it has not yet received, so the reader sees one unbroken stream. Not
 * thread-safe. Holds a pooled connection until closed.
 */
final class PipelinedDownload extends InputStream {
  private static final Logger log = LoggerFactory.getLogger(PipelinedDownload.class);

  /** A read in flight of {@code buffer.length} bytes; the server's bytes arrive in the buffer. */
  private record Read(
      long offset,
      long sentNanos,
      byte[] buffer,
      Promise<Engine.ReadReply, SFTPException> promise) {
    int length() {
      return buffer.length;
    }
  }

  private final Operations ops;
  private final String path;
  private final String serverPath;
  private final Deque<Read> inFlight = new ArrayDeque<>();

  /** Buffers whose bytes were read out, for the next reads: no allocation per packet. */
  private final Deque<byte[]> spare = new ArrayDeque<>();

  private final ReadAheadWindow window;
  private final TransferLink link;
  private int readSize;
  private long nextOffset;
  private long receivedUpTo;
  private byte[] buffer = new byte[0];
  private int position;
  private int limit;
  private boolean eof;
  private long knownSize;
  private boolean closed;

  PipelinedDownload(
      Operations ops, String path, String serverPath, Connection connection, long offset)
      throws IOException {
    this.ops = ops;
    this.path = path;
    this.serverPath = serverPath;
    this.link = new TransferLink(ops, "download " + path, connection);
    this.readSize = connection.limits().capRead(ops.settings().readRequestSize());
    this.window = new ReadAheadWindow(ops.settings().readAheadRequests(), System.nanoTime());
    this.nextOffset = offset;
    this.receivedUpTo = offset;
    OpenFile f = OpenFile.open(connection.sftp(), serverPath, EnumSet.of(OpenMode.READ));
    link.opened(f);
    this.knownSize = f.length();
  }

  @Override
  public int read() throws IOException {
    return fill() ? buffer[position++] & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(len, limit - position);
    System.arraycopy(buffer, position, b, off, n);
    position += n;
    return n;
  }

  @Override
  public long transferTo(OutputStream out) throws IOException {
    long total = 0;
    while (fill()) {
      int n = limit - position;
      out.write(buffer, position, n);
      position = limit;
      total += n;
    }
    return total;
  }

  @Override
  public int available() {
    return limit - position;
  }

  /** Makes the buffer non-empty; false at the end of the file. */
  private boolean fill() throws IOException {
    ensureOpen();
    while (position == limit && !eof) {
      try {
        fetchNext();
      } catch (IOException e) {
        if (Errors.isServerAnswer(e) && link.connection().isAlive()) {
          throw fail(Errors.refused("download", path, e));
        }
        reconnect(e);
      }
    }
    return position < limit;
  }

  private void fetchNext() throws IOException {
    OpenFile f = link.file();
    // Up to the size known at open, then one read at a time to find the end (or new data).
    while (inFlight.size() < window.reads(readSize)
        && (nextOffset < knownSize || inFlight.isEmpty())) {
      Read next;
      try {
        next = send(f, nextOffset, readSize);
      } catch (IOException e) {
        if (inFlight.isEmpty()) {
          throw e;
        }
        // The connection may be gone, but answers may have arrived before it went: use them
        // first (a resumed download then starts after them); waiting for the next unanswered
        // read reports the failure.
        break;
      }
      inFlight.addLast(next);
      nextOffset += readSize;
    }
    Read head = inFlight.pollFirst();
    boolean waited = !head.promise().isFulfilled();
    Engine.ReadReply reply =
        link.connection().await(head.promise(), ops.settings().requestTimeout().toMillis());
    long answeredNanos = System.nanoTime();
    recycle(buffer);
    buffer = head.buffer();
    position = 0;
    limit = 0;
    Response other = reply.other();
    if (other != null) {
      other.ensurePacketTypeIs(PacketType.STATUS).ensureStatusIs(Response.StatusCode.EOF);
      eof = true;
      return;
    }
    int n = reply.length();
    window.answered(n, head.sentNanos(), waited, answeredNanos);
    if (head.offset() >= knownSize) {
      knownSize = Long.MAX_VALUE; // the file grew since it was opened: read on to its end
    }
    if (n < head.length()) {
      askForTheRest(f, head, n);
    }
    limit = n;
    receivedUpTo = head.offset() + n;
  }

  /**
   * A server sends at most its own limit per read: ask for the rest of {@code head} now, in pieces
   * of that size sent together, and use that size from now on.
   */
  private void askForTheRest(OpenFile f, Read head, int n) throws IOException {
    long from = head.offset() + n;
    long to = head.offset() + head.length();
    if (from >= knownSize) {
      inFlight.addFirst(send(f, from, (int) (to - from)));
      return; // at the end of the file: one read finds out
    }
    int piece = Math.max(n, 1);
    readSize = piece;
    Deque<Read> rest = new ArrayDeque<>();
    for (long o = from; o < to; o += piece) {
      int len = (int) Math.min(piece, to - o);
      rest.addLast(send(f, o, len));
    }
    while (!rest.isEmpty()) {
      inFlight.addFirst(rest.pollLast());
    }
  }

  private Read send(OpenFile f, long offset, int length) throws IOException {
    byte[] into = spare.pollFirst();
    if (into == null || into.length != length) {
      into = new byte[length];
    }
    return new Read(offset, System.nanoTime(), into, f.sendRead(offset, into));
  }

  /** Keeps a read-out buffer for the next read of the usual size. */
  private void recycle(byte[] used) {
    if (used.length == readSize && spare.size() < window.reads(readSize)) {
      spare.addFirst(used);
    }
  }

  private void reconnect(IOException cause) throws IOException {
    inFlight.clear(); // their buffers may still be written to by the dead connection: dropped
    spare.clear();
    TransientException lost = link.dropBroken(cause);
    if (lost != null) {
      throw fail(lost);
    }
    log.debug("download of {} lost its connection at byte {}: resuming", path, receivedUpTo, cause);
    Operations.pause(ops.settings().retryDelay());
    Connection fresh;
    try {
      fresh = link.next();
    } catch (TributaryException e) {
      throw fail(e);
    }
    link.opened(OpenFile.open(fresh.sftp(), serverPath, EnumSet.of(OpenMode.READ)));
    readSize = fresh.limits().capRead(readSize);
    nextOffset = receivedUpTo;
  }

  private TributaryException fail(TributaryException e) {
    close();
    return e;
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("the download of " + path + " is closed");
    }
  }

  /** Closes the remote file and gives the connection back. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    Connection c = link.take();
    if (c == null) {
      return;
    }
    boolean healthy = c.isAlive();
    try {
      OpenFile f = link.fileIfOpen();
      if (healthy && f != null) {
        for (Read r : inFlight) { // drain, so the connection is clean for the next user
          c.await(r.promise(), ops.settings().requestTimeout().toMillis());
        }
        f.close();
      }
    } catch (IOException | RuntimeException e) {
      healthy = false;
      log.debug("closing the download of {} failed", path, e);
    }
    inFlight.clear();
    ops.pool().release(c, healthy);
  }
}

package dev.tributary.sftp.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import net.schmizz.concurrent.Promise;
import net.schmizz.sshj.sftp.Response;
import net.schmizz.sshj.sftp.SFTPException;
import org.jspecify.annotations.Nullable;

/**
 * The writes of an upload that the server has not confirmed yet, with their bytes, so that after a
 * dropped connection they can be sent again to a fresh one. Memory is bounded by {@code capacity}
 * chunks; chunk arrays are recycled. Not thread-safe.
 */
final class WriteWindow {
  /** One write request in flight. */
  private static final class Write {
    final long offset;
    final byte[] data;
    final int length;
    @Nullable Promise<Response, SFTPException> promise;

    Write(long offset, byte[] data, int length) {
      this.offset = offset;
      this.data = data;
      this.length = length;
    }
  }

  private final Deque<Write> inFlight = new ArrayDeque<>();
  private final Deque<byte[]> spare = new ArrayDeque<>();
  private final int capacity;
  private final int chunkSize;
  private final long timeoutMs;

  WriteWindow(int capacity, int chunkSize, long timeoutMs) {
    this.capacity = capacity;
    this.chunkSize = chunkSize;
    this.timeoutMs = timeoutMs;
  }

  int chunkSize() {
    return chunkSize;
  }

  /** An empty chunk to fill. */
  byte[] newChunk() {
    byte[] b = spare.pollFirst();
    return b != null ? b : new byte[chunkSize];
  }

  boolean isFull() {
    return inFlight.size() >= capacity;
  }

  boolean isEmpty() {
    return inFlight.isEmpty();
  }

  /** Sends a filled chunk; the window keeps it until the server confirms it. */
  void send(OpenFile file, long offset, byte[] chunk, int length) throws IOException {
    Write w = new Write(offset, chunk, length);
    inFlight.addLast(w);
    w.promise = file.sendWrite(offset, chunk, length);
  }

  /** Waits for the oldest write's confirmation and recycles its chunk. */
  void awaitOldest(Connection connection) throws IOException {
    Write w = inFlight.peekFirst();
    if (w == null) {
      return;
    }
    Promise<Response, SFTPException> p = w.promise;
    if (p == null) {
      throw new SFTPException("write at " + w.offset + " was never sent");
    }
    connection.await(p, timeoutMs).ensureStatusPacketIsOK();
    inFlight.pollFirst();
    spare.addFirst(w.data);
  }

  /** Sends every unconfirmed write again, in order, to a freshly opened file. */
  void resend(OpenFile file) throws IOException {
    for (Write w : inFlight) {
      w.promise = null;
    }
    for (Write w : inFlight) {
      w.promise = file.sendWrite(w.offset, w.data, w.length);
    }
  }
}

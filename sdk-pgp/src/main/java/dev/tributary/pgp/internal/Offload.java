package dev.tributary.pgp.internal;

import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * Work on a stream of bytes, done in order on one helper thread: the caller's bytes are copied into
 * the buffers of a {@link BufferRing} and handed over a buffer at a time. The thread starts with
 * the first full buffer, so a small job is done on the caller's thread alone, by {@link #drain}. A
 * failure of the work, on either thread, is kept ({@link #failure}), not thrown, and the rest of
 * the bytes are skipped. Not thread-safe: one caller thread.
 */
abstract class Offload {
  private final BufferRing ring;
  private final int size;
  private final String threadName;
  private Thread worker;
  private byte[] filling;
  private int used;
  private volatile Throwable failure;

  Offload(String threadName, int buffers, int size) {
    this.ring = new BufferRing(buffers, size);
    this.size = size;
    this.threadName = threadName;
  }

  /** The work on {@code len} bytes of {@code b}: on the helper thread, or the caller's. */
  abstract void process(byte[] b, int len) throws IOException;

  /** Copies the bytes into the ring, handing over each buffer it fills. */
  final void put(byte[] b, int off, int len) throws InterruptedIOException {
    while (len > 0) {
      if (filling == null) {
        filling = ring.claim();
        used = 0;
      }
      int n = Math.min(len, size - used);
      System.arraycopy(b, off, filling, used, n);
      used += n;
      off += n;
      len -= n;
      if (used == size) {
        handOver();
      }
    }
  }

  private void handOver() {
    ring.publish(used);
    filling = null;
    if (worker == null) {
      worker = new Thread(this::processAll, threadName);
      worker.setDaemon(true);
      worker.start();
    }
  }

  private void processAll() {
    int n;
    while ((n = ring.next()) >= 0) {
      if (!ring.isClosed()) { // the ring still hands out what was published before close
        processKeepingFailure(ring.current(), n);
      }
      ring.release();
    }
  }

  /**
   * Processes the bytes unless the work already failed; a failure is kept, not thrown. An Error
   * too: on the helper thread it would end the thread with its buffer held, and the caller would
   * wait for that buffer for ever.
   */
  private void processKeepingFailure(byte[] b, int len) {
    if (failure == null) {
      try {
        process(b, len);
      } catch (Throwable t) {
        failure = t;
      }
    }
  }

  /**
   * Hands over what has been put so far (or, while no thread has started, processes it here) and
   * waits until all of it has been processed.
   *
   * @throws InterruptedIOException if interrupted, or closed meanwhile
   */
  final void drain() throws InterruptedIOException {
    if (filling != null && used > 0) {
      if (worker == null) {
        processKeepingFailure(filling, used);
        used = 0;
      } else {
        handOver();
      }
    }
    ring.awaitEmpty();
    if (ring.isClosed()) {
      throw new InterruptedIOException("closed while the helper thread was at work");
    }
  }

  /** The work's failure (on either thread), if it failed. */
  final Throwable failure() {
    return failure;
  }

  final boolean isClosed() {
    return ring.isClosed();
  }

  /** Stops the helper thread (after the buffer it is working on); nothing more is processed. */
  final void close() {
    ring.close();
  }
}

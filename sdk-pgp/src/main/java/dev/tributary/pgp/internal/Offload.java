package dev.tributary.pgp.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import org.jspecify.annotations.Nullable;

/**
 * Work on a stream of bytes, done in order on one helper thread: the caller's bytes are copied into
 * the buffers of a {@link BufferRing} ({@link #put}) and handed over a buffer at a time. The thread
 * starts with the first full buffer, so a small job is done on the caller's thread alone, by {@link
 * #drain}. A caller that produces its bytes itself may instead {@link #claim} a buffer of the ring,
 * write into it and {@link #publish} it: no copy. A failure of the work, on either thread, is kept
 * ({@link #failure}), not thrown, and the rest of the bytes are skipped. Not thread-safe: one
 * caller thread.
 */
abstract class Offload {
  private final BufferRing ring;
  private final int size;
  private final String threadName;
  private Thread worker;
  private byte[] filling;
  private int used;

  /** Whether {@link #filling} was claimed by the caller, to be published rather than put into. */
  private boolean claimed;

  /** Whether the caller published its last buffer: nothing more may be claimed or put. */
  private boolean ended;

  private volatile Throwable failure;

  /**
   * @param buffers how many buffers, a power of two and at least two (a buffer published is then
   *     not handed out again by the next claim)
   * @param size the size of each
   */
  Offload(String threadName, int buffers, int size) {
    this(threadName, buffers, size, null);
  }

  /**
   * @param owner what the work is for: once it has been garbage-collected (its user never closed
   *     it), the helper thread ends ({@link BufferRing}); this object, and so {@link #process},
   *     must hold no reference to it. {@code null}: always closed by its user.
   */
  Offload(String threadName, int buffers, int size, @Nullable Object owner) {
    this(threadName, buffers, size, owner, 1);
  }

  /**
   * @param wakeAt how many buffers the parked helper is woken for ({@link
   *     BufferRing#BufferRing(int, int, Object, int)}); {@link #drain} wakes it for fewer
   */
  Offload(String threadName, int buffers, int size, @Nullable Object owner, int wakeAt) {
    if (buffers < 2) {
      throw new IllegalArgumentException("at least two buffers are needed: " + buffers);
    }
    this.ring = new BufferRing(buffers, size, owner, wakeAt);
    this.size = size;
    this.threadName = threadName;
  }

  /**
   * The work on {@code len} bytes of {@code b} from {@code off}: on the helper thread, or the
   * caller's.
   */
  abstract void process(byte[] b, int off, int len) throws IOException;

  /** Copies the bytes into the ring, handing over each buffer it fills. */
  final void put(byte[] b, int off, int len) throws InterruptedIOException {
    requireNothingPending();
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

  private void requireNothingPending() {
    if (claimed) {
      throw new IllegalStateException("a claimed buffer is not published yet");
    }
    if (ended) {
      throw new IllegalStateException("the last buffer was published");
    }
  }

  /**
   * A buffer of the ring for the caller to fill itself, once one is free (after what was put before
   * has been handed over). The caller hands it over with {@link #publish} before its next claim or
   * put. The helper only reads it, and the ring never hands out the same buffer twice in a row, so
   * the caller may still read a buffer it published after its next claim, though not after the one
   * after that.
   *
   * @throws InterruptedIOException if interrupted while waiting, or closed meanwhile
   */
  final byte[] claim() throws InterruptedIOException {
    requireNothingPending();
    if (filling != null && used > 0) {
      handOver();
    }
    if (filling == null) {
      filling = ring.claim();
    }
    used = 0;
    claimed = true;
    return filling;
  }

  /**
   * Hands over {@code len} bytes from {@code off} of the buffer last {@linkplain #claim claimed}.
   * With {@code last}, the caller has no more bytes: if no thread has started (the job was one
   * buffer), the work is done here and now, as {@link #drain} does for a small job.
   */
  final void publish(int off, int len, boolean last) {
    if (!claimed) {
      throw new IllegalStateException("no buffer is claimed");
    }
    claimed = false;
    ended = last;
    if (last && worker == null) {
      processKeepingFailure(filling, off, len);
      filling = null;
      return;
    }
    ring.publish(off, len);
    filling = null;
    startWorker();
  }

  private void handOver() {
    ring.publish(used);
    filling = null;
    startWorker();
  }

  private void startWorker() {
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
        processKeepingFailure(ring.current(), ring.currentOffset(), n);
      }
      ring.release();
    }
  }

  /**
   * Processes the bytes unless the work already failed; a failure is kept, not thrown. An Error
   * too: on the helper thread it would end the thread with its buffer held, and the caller would
   * wait for that buffer for ever.
   */
  private void processKeepingFailure(byte[] b, int off, int len) {
    if (failure == null) {
      try {
        process(b, off, len);
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
        processKeepingFailure(filling, 0, used);
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

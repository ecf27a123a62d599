package dev.tributary.pgp.internal;

import java.io.InterruptedIOException;
import java.lang.ref.WeakReference;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * A few byte buffers passed round between two threads, one filling them and one emptying them, in
 * order: the hand-over behind {@link AsyncSha1}, {@link ReadAheadInputStream} and {@link
 * WriteBehindOutputStream}. Each side waits (spinning briefly, then parked) only when the ring is
 * full or empty, and a hand-over costs two volatile writes and at most one {@code unpark}: no
 * queue, lock or task object per buffer. That matters in a short-lived process such as one {@code
 * sop} call, where every method on the hot path is one more for the JIT to compile on the same two
 * cores that do the work.
 *
 * <p>One thread fills ({@link #claim}, {@link #publish}), one other empties ({@link #next}, {@link
 * #release}); either may {@link #close}. Counts are volatile, so a buffer's contents written before
 * {@code publish} (or read before {@code release}) are seen by the other side after its wait.
 *
 * <p>A ring made for an owner (the stream a helper thread works for) closes itself once its owner
 * has been garbage-collected: a waiting side looks at the owner every {@value #OWNER_CHECK_MILLIS}
 * ms, so a helper thread left waiting by a stream nobody closed ends then. The helper must hold no
 * reference to the owner, or the owner is never collected.
 */
final class BufferRing {
  private static final int SPINS = 100;

  /** How long a parked side waits before it looks whether the owner is still there. */
  static final long OWNER_CHECK_MILLIS = 1000;

  /** Each made by the filler's first claim of it: a short stream touches one or two. */
  private final byte[][] buffers;

  private final int size;
  private final int[] offsets;
  private final int[] lengths;
  private final int mask;

  /**
   * How many buffers a parked side is woken for: see {@link #BufferRing(int, int, Object, int)}.
   */
  private final int wakeAt;

  /** Buffers published so far. */
  private volatile long published;

  /** Buffers released so far. */
  private volatile long released;

  private volatile boolean closed;
  private volatile Thread waitingFiller;
  private volatile Thread waitingEmptier;
  private final @Nullable WeakReference<Object> owner;

  /**
   * @param count how many buffers, a power of two
   * @param size the size of each
   */
  BufferRing(int count, int size) {
    this(count, size, null);
  }

  /**
   * @param owner what the ring works for: once it has been garbage-collected, the ring closes
   *     itself; {@code null}: the ring is always closed by its user
   */
  BufferRing(int count, int size, @Nullable Object owner) {
    this(count, size, owner, 1);
  }

  /**
   * A ring whose parked side is woken only once {@code wakeAt} buffers are ready for it: the
   * emptier once that many are published (or one with a negative length, the end, or when the
   * filler {@linkplain #awaitEmpty waits for it}), the filler once that many are free. A side that
   * is not parked takes what there is, one buffer at a time. On two cores every wake-up of a helper
   * thread let it preempt the thread that woke it, the one doing the serial work (CFB encryption);
   * waking it for several buffers at once makes that rarer.
   *
   * @param wakeAt from 1 (every buffer: the other constructors) to {@code count}
   */
  BufferRing(int count, int size, @Nullable Object owner, int wakeAt) {
    if (Integer.bitCount(count) != 1) {
      throw new IllegalArgumentException("count must be a power of two: " + count);
    }
    if (wakeAt < 1 || wakeAt > count) {
      throw new IllegalArgumentException("wakeAt must be from 1 to " + count + ": " + wakeAt);
    }
    this.wakeAt = wakeAt;
    buffers = new byte[count][];
    this.size = size;
    offsets = new int[count];
    lengths = new int[count];
    mask = count - 1;
    this.owner = owner == null ? null : new WeakReference<>(owner);
  }

  /** The filler's next buffer, once one is free; throws if the ring was closed meanwhile. */
  byte[] claim() throws InterruptedIOException {
    long slot = published;
    int spins = 0;
    while (slot - released > mask) {
      if (closed) {
        throw new InterruptedIOException("the buffer ring is closed");
      }
      spins = pause(spins, true, () -> slot - released > mask && !closed);
    }
    int i = (int) slot & mask;
    byte[] b = buffers[i];
    if (b == null) { // the emptier reads it only after the volatile write of its publish
      b = new byte[size];
      buffers[i] = b;
    }
    return b;
  }

  /**
   * Hands the buffer last claimed to the emptier with how many bytes it holds: a negative length
   * marks the end (the filler's own convention for what follows).
   */
  void publish(int length) {
    publish(0, length);
  }

  /**
   * Hands over the buffer last claimed, its bytes from {@code offset} on: {@link #currentOffset}
   * tells the emptier where they start.
   */
  void publish(int offset, int length) {
    long slot = published;
    offsets[(int) slot & mask] = offset;
    lengths[(int) slot & mask] = length;
    published = slot + 1;
    Thread t = waitingEmptier;
    if (t != null && (length < 0 || slot + 1 - released >= wakeAt)) {
      LockSupport.unpark(t);
    }
  }

  /**
   * Waits for the next published buffer and returns its length (see {@link #publish}); the buffer
   * itself is {@link #current}. Returns {@code Integer.MIN_VALUE} if the ring was closed while
   * waiting.
   */
  int next() {
    long slot = released;
    int spins = 0;
    while (published == slot) {
      if (closed) {
        return Integer.MIN_VALUE;
      }
      spins = pause(spins, false, () -> published == slot && !closed);
    }
    return lengths[(int) slot & mask];
  }

  /** The buffer {@link #next} waited for. */
  byte[] current() {
    return buffers[(int) released & mask];
  }

  /** Where the bytes of the {@link #current} buffer start: 0 unless published with an offset. */
  int currentOffset() {
    return offsets[(int) released & mask];
  }

  /** Gives the current buffer back to the filler. */
  void release() {
    long r = released + 1;
    released = r;
    Thread t = waitingFiller;
    if (t != null && mask + 1 - (published - r) >= wakeAt) {
      LockSupport.unpark(t);
    }
  }

  /**
   * Waits until the emptier has released every published buffer (or the ring was closed), waking it
   * first: it may be parked with fewer than {@code wakeAt} buffers published. An interrupt ends the
   * wait and closes the ring; one pending while there is nothing to wait for is left pending, not
   * thrown.
   */
  void awaitEmpty() throws InterruptedIOException {
    Thread e = waitingEmptier;
    if (e != null) {
      LockSupport.unpark(e);
    }
    int spins = 0;
    while (released != published && !closed) {
      spins = pause(spins, true, () -> released != published && !closed);
    }
    if (released != published && Thread.currentThread().isInterrupted()) {
      throw new InterruptedIOException("interrupted while waiting for the helper thread");
    }
  }

  /** Wakes both sides; from now on neither waits. */
  void close() {
    closed = true;
    Thread t = waitingFiller;
    if (t != null) {
      LockSupport.unpark(t);
    }
    t = waitingEmptier;
    if (t != null) {
      LockSupport.unpark(t);
    }
  }

  boolean isClosed() {
    return closed;
  }

  private interface Condition {
    boolean holds();
  }

  /**
   * One step of waiting: a spin first, then parking. The waiter registers itself and checks the
   * condition again before parking, and the other side changes its count before it looks for a
   * waiter, so a wake-up is never lost. An interrupt, or an owner gone, closes the ring.
   */
  private int pause(int spins, boolean filler, Condition stillWaiting) {
    if (spins < SPINS) {
      Thread.onSpinWait();
      return spins + 1;
    }
    Thread me = Thread.currentThread();
    if (filler) {
      waitingFiller = me;
    } else {
      waitingEmptier = me;
    }
    if (stillWaiting.holds()) {
      LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(OWNER_CHECK_MILLIS));
    }
    if (filler) {
      waitingFiller = null;
    } else {
      waitingEmptier = null;
    }
    if (me.isInterrupted() || (owner != null && owner.get() == null)) {
      close();
    }
    return spins;
  }
}

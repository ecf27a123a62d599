package dev.tributary.pgp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.lang.ref.Reference;

/**
 * Reads {@code source} ahead on a helper thread into eight 256 KiB buffers of a {@link BufferRing},
 * so that reading overlaps with the cipher; the helper, once it has filled them all, is woken again
 * when four are free, and a caller waiting for data when four are full or the source ended. A read
 * failure is thrown by the caller's next {@code read} (a new exception each time, the failure as
 * its cause). {@code close} stops the helper but does not close {@code source}, nor interrupts a
 * read of it (an interrupt would close an interruptible channel under the caller's stream): a
 * helper waiting in a read ends when that read returns, and reads no more. Every read after {@code
 * close} throws, and a second close does nothing. A stream nobody closed stops its helper the same
 * way once it has been garbage-collected ({@link BufferRing}). Not thread-safe: one caller thread.
 *
 * <p>{@link #decryptedAhead} is the variant inside a decryption: it runs the decryption of a
 * compressed data packet's body ahead of its decompression, which then has the caller's core to
 * itself, and throws the source's unchecked failures as they are, so that the decryption's own
 * ({@code PgpDataException} and the like) keep their type.
 */
public final class ReadAheadInputStream extends InputStream {
  private static final int BUFFER = 1 << 18;

  /** The decrypting variant's buffers ({@link #decryptedAhead}), each handed over on its own. */
  private static final int BUFFERS = 4;

  /** Published as a length: the source ended. */
  private static final int END = -1;

  private final BufferRing ring;
  private final Pump pump;
  private final Thread reader;

  /** The current buffer's length, or -2 when no buffer is held. */
  private int length = -2;

  private int pos;
  private boolean closed;

  /** Reads {@code source} ahead, in eight 256 KiB buffers. */
  public ReadAheadInputStream(InputStream source) {
    this(source, BUFFER, "tributary-pgp-read", false, 8, 4);
  }

  private ReadAheadInputStream(
      InputStream source, int bufferSize, String threadName, boolean uncheckedAsIs) {
    this(source, bufferSize, threadName, uncheckedAsIs, BUFFERS, 1);
  }

  private ReadAheadInputStream(
      InputStream source,
      int bufferSize,
      String threadName,
      boolean uncheckedAsIs,
      int buffers,
      int wakeAt) {
    this.ring = new BufferRing(buffers, bufferSize, this, wakeAt);
    this.pump = new Pump(ring, source, bufferSize, uncheckedAsIs);
    Thread t = new Thread(pump, threadName);
    t.setDaemon(true);
    reader = t;
    t.start();
  }

  /**
   * Reads a decrypted packet body ahead, in four 64 KiB buffers. Before the caller touches the
   * stream under {@code source} itself, it must {@link #stop} this one.
   */
  static ReadAheadInputStream decryptedAhead(InputStream source) {
    return new ReadAheadInputStream(source, 1 << 16, "tributary-pgp-decrypt", true);
  }

  /**
   * The helper's work. It holds no reference to the stream, so that a stream nobody closed is
   * garbage-collected, which closes the ring ({@link BufferRing}) and so ends the helper.
   */
  private static final class Pump implements Runnable {
    private final BufferRing ring;
    private final InputStream source;
    private final int bufferSize;
    private final boolean uncheckedAsIs;
    private volatile Throwable failure;

    Pump(BufferRing ring, InputStream source, int bufferSize, boolean uncheckedAsIs) {
      this.ring = ring;
      this.source = source;
      this.bufferSize = bufferSize;
      this.uncheckedAsIs = uncheckedAsIs;
    }

    @Override
    public void run() {
      try {
        while (true) {
          byte[] buffer = ring.claim();
          int n;
          try {
            n = fill(buffer);
          } catch (Throwable e) { // an Error too: the reader would wait for the end for ever
            failure =
                e instanceof IOException || (uncheckedAsIs && e instanceof RuntimeException)
                    ? e
                    : new IOException(e.getMessage(), e);
            ring.publish(END);
            return;
          }
          if (n < 0) {
            return; // closed meanwhile
          }
          ring.publish(n == 0 ? END : n);
          if (n == 0) {
            return;
          }
        }
      } catch (InterruptedIOException e) {
        // closed by the caller: stop
      }
    }

    /**
     * Fills {@code buffer} up to the source's end, a read at a time; -1 once the ring has been
     * closed: after a read the caller no longer waits for, nothing more is read from the source.
     */
    private int fill(byte[] buffer) throws IOException {
      int n = 0;
      while (n < bufferSize) {
        if (ring.isClosed()) {
          return -1;
        }
        int r = source.read(buffer, n, bufferSize - n);
        if (r < 0) {
          break;
        }
        n += r;
      }
      return n;
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    ensureOpen();
    if (len == 0) {
      return 0;
    }
    if (!hasBytes()) {
      return -1;
    }
    int n = Math.min(len, length - pos);
    System.arraycopy(ring.current(), pos, b, off, n);
    pos += n;
    return n;
  }

  /**
   * Writes the rest of the source to {@code out} straight from the read-ahead buffers, without the
   * copy into a caller's array that {@link #read} makes.
   */
  @Override
  public long transferTo(OutputStream out) throws IOException {
    ensureOpen();
    long total = 0;
    while (hasBytes()) {
      int n = length - pos;
      out.write(ring.current(), pos, n);
      pos = length;
      total += n;
    }
    return total;
  }

  /**
   * Whether the current buffer has unread bytes, moving to the next buffer when it has none; false
   * at the end, which is kept (every later call reports it again), or throws the read failure.
   */
  private boolean hasBytes() throws IOException {
    if (length >= 0 && pos == length) {
      ring.release();
      length = -2;
    }
    if (length == -2) {
      try {
        length = ring.next();
      } finally {
        // reachable while it waits: the ring closes once this stream is collected (BufferRing)
        Reference.reachabilityFence(this);
      }
      pos = 0;
      if (length == Integer.MIN_VALUE) {
        length = -2;
        throw new IOException("the stream is closed");
      }
    }
    if (length < 0) {
      Throwable f = pump.failure;
      if (f instanceof RuntimeException unchecked) {
        throw unchecked;
      }
      if (f != null) {
        throw new IOException(f.getMessage(), f);
      }
      return false;
    }
    return true;
  }

  private void ensureOpen() throws IOException {
    if (closed) { // the buffers may still hold bytes read ahead
      throw new IOException("the stream is closed");
    }
  }

  @Override
  public void close() {
    closed = true;
    // No interrupt: it would close an interruptible channel under the caller's stream.
    ring.close();
  }

  /**
   * Closes this stream and waits until the helper has left the source: after it the caller may read
   * the source itself. The wait is at most one read of the source, and ends early when this thread
   * is interrupted (the interrupt stays set, and the helper may then still be reading).
   */
  void stop() {
    close();
    try {
      reader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

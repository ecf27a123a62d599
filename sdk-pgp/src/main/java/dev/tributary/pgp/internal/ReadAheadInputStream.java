package dev.tributary.pgp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * Reads {@code source} ahead on a helper thread into four 256 KiB buffers, so that reading overlaps
 * with the cipher. A read failure is thrown by the caller's next {@code read}. {@code close} stops
 * the helper but does not close {@code source}. Not thread-safe: one caller thread.
 */
public final class ReadAheadInputStream extends InputStream {
  private static final int BUFFER = 1 << 18;
  private static final int BUFFERS = 4;

  /** A filled buffer: its array is handed over, never compared or hashed. */
  @SuppressWarnings("ArrayRecordComponent")
  private record Chunk(byte[] data, int length, IOException failure) {}

  private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(BUFFERS + 1);
  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS + 1);
  private final ThreadPoolExecutor reader = Workers.single("tributary-pgp-read");
  private volatile boolean closed;
  private Chunk current;
  private int pos;

  public ReadAheadInputStream(InputStream source) {
    for (int i = 0; i < BUFFERS; i++) {
      free.add(new byte[BUFFER]);
    }
    reader.execute(() -> pump(source));
    reader.shutdown();
  }

  private void pump(InputStream source) {
    try {
      while (!closed) {
        byte[] buffer = free.take();
        if (closed) {
          return;
        }
        int n;
        try {
          n = source.readNBytes(buffer, 0, BUFFER);
        } catch (IOException e) {
          filled.put(new Chunk(buffer, -1, e));
          return;
        }
        if (n == 0) {
          filled.put(new Chunk(buffer, -1, null));
          return;
        }
        filled.put(new Chunk(buffer, n, null));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
    if (len == 0) {
      return 0;
    }
    if (current == null || (current.length() >= 0 && pos == current.length())) {
      if (current != null && current.length() >= 0) {
        free.add(current.data());
      }
      try {
        current = filled.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while reading");
      }
      pos = 0;
    }
    if (current.failure() != null) {
      throw current.failure();
    }
    if (current.length() < 0) {
      filled.add(current); // stay at the end
      current = null;
      return -1;
    }
    int n = Math.min(len, current.length() - pos);
    System.arraycopy(current.data(), pos, b, off, n);
    pos += n;
    return n;
  }

  @Override
  public void close() {
    // No interrupt: it would close an interruptible channel under the caller's stream.
    closed = true;
    free.offer(new byte[0]);
  }
}

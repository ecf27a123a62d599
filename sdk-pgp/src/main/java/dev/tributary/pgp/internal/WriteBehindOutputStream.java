package dev.tributary.pgp.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * Writes to {@code target} on a helper thread, so that the caller's thread encrypts or decrypts
 * while the previous chunk is being written: the write system calls (or a slow network) overlap
 * with the cipher instead of adding to it. Uses four 256 KiB buffers; a write failure is thrown by
 * the next {@code write}, {@code flush} or {@code close}. {@code close} flushes and stops the
 * thread but does not close {@code target}. Not thread-safe: one caller thread.
 */
public final class WriteBehindOutputStream extends OutputStream {
  private static final int BUFFER = 1 << 18;
  private static final int BUFFERS = 4;

  private final OutputStream target;
  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
  private final ThreadPoolExecutor writer = Workers.single("tributary-pgp-write");
  private byte[] current;
  private int used;
  private Future<?> last;
  private volatile IOException failure;

  public WriteBehindOutputStream(OutputStream target) {
    this.target = target;
    for (int i = 0; i < BUFFERS - 1; i++) {
      free.add(new byte[BUFFER]);
    }
    current = new byte[BUFFER];
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    check();
    while (len > 0) {
      int n = Math.min(len, BUFFER - used);
      System.arraycopy(b, off, current, used, n);
      used += n;
      off += n;
      len -= n;
      if (used == BUFFER) {
        handOver();
      }
    }
  }

  private void handOver() throws IOException {
    byte[] full = current;
    int n = used;
    last =
        writer.submit(
            () -> {
              try {
                if (failure == null) {
                  target.write(full, 0, n);
                }
              } catch (IOException e) {
                failure = e;
              } finally {
                free.add(full);
              }
            });
    try {
      current = free.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing");
    }
    used = 0;
  }

  @Override
  public void flush() throws IOException {
    if (used > 0) {
      handOver();
    }
    await();
    check();
    target.flush();
  }

  private void await() throws IOException {
    if (last == null) {
      return;
    }
    try {
      last.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing");
    } catch (ExecutionException e) {
      throw new IOException("write failed", e.getCause());
    }
  }

  /**
   * Throws the helper's write failure, a new exception each time: the same instance thrown by a
   * write and again by {@code close} in one try-with-resources would be added as suppressed to
   * itself, which throws an IllegalArgumentException in place of the failure.
   */
  private void check() throws IOException {
    IOException f = failure;
    if (f != null) {
      throw new IOException(f.getMessage(), f);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      flush();
    } finally {
      writer.shutdown();
    }
  }
}

package dev.tributary.pgp.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/**
 * Writes to {@code target} on a helper thread, so that the caller's thread encrypts or decrypts
 * while the previous chunk is being written: the write system calls (or a slow network) overlap
 * with the cipher instead of adding to it. Uses eight 256 KiB buffers ({@link Offload}), and the
 * helper, once it has written all it had, is woken again for four full ones (or by {@code flush}
 * and {@code close}), so bytes may wait in up to three full buffers until more follow; a small
 * output is written by the caller's thread alone. A write failure is thrown by the next {@code
 * write}, {@code flush} or {@code close}. {@code close} flushes and stops the thread but does not
 * close {@code target}; a second {@code close} does nothing, and {@code write} or {@code flush}
 * after it throws, as after an interrupt that ended a wait (the helper has stopped). Not
 * thread-safe: one caller thread.
 */
public final class WriteBehindOutputStream extends OutputStream {
  private final OutputStream target;
  private final Offload offload;
  private boolean closed;

  public WriteBehindOutputStream(OutputStream target) {
    this.target = target;
    this.offload =
        new Offload("tributary-pgp-write", 8, 1 << 18, null, 4) {
          @Override
          void process(byte[] b, int off, int len) throws IOException {
            target.write(b, off, len);
          }
        };
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    ensureOpen();
    offload.put(b, off, len);
  }

  @Override
  public void flush() throws IOException {
    ensureOpen();
    drainAndFlush();
  }

  private void drainAndFlush() throws IOException {
    offload.drain();
    check();
    target.flush();
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("the stream is closed");
    }
    check();
    if (offload.isClosed()) { // only an interrupt closes it before close() does
      throw new InterruptedIOException(
          "an interrupt stopped the stream's helper thread: nothing more can be written");
    }
  }

  /**
   * Throws the helper's write failure, a new exception each time: the same instance thrown by a
   * write and again by {@code close} in one try-with-resources would be added as suppressed to
   * itself, which throws an IllegalArgumentException in place of the failure.
   */
  private void check() throws IOException {
    Throwable f = offload.failure();
    if (f != null) {
      throw new IOException(f.getMessage(), f);
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (offload.isClosed()) { // by an interrupt: the rest of the bytes are dropped
      return;
    }
    try {
      drainAndFlush();
    } finally {
      offload.close();
    }
  }
}

package dev.tributary.pgp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;

/**
 * How long work on a message sees an interrupt of its thread (a host stopping its job): encryption,
 * decryption, signing and the reading of signed messages look at the flag every {@value #EVERY}
 * bytes of plaintext ({@link #check}), since compression and decompression, a bomb's above all,
 * keep a thread busy without a wait, where an interrupt would otherwise be seen; a failure that
 * comes from an interrupt is told as one ({@link #causedAny}). The flag stays set for the host to
 * see.
 */
final class Interrupts {
  /** Plaintext bytes between two looks at the interrupt flag: well under a millisecond's work. */
  static final int EVERY = 1 << 16;

  private Interrupts() {}

  /**
   * Throws if this thread has been interrupted; the flag stays set.
   *
   * @param doing what the interrupt stops ("decrypting"), for the exception's message
   */
  static void check(String doing) throws InterruptedIOException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedIOException("interrupted while " + doing);
    }
  }

  /**
   * Copies {@code in} to {@code out} to its end, {@value #EVERY} bytes at most at a time, looking
   * at the interrupt flag before each read ({@link #check}); closes neither.
   */
  static void copy(InputStream in, OutputStream out, String doing) throws IOException {
    byte[] buffer = new byte[EVERY];
    check(doing);
    int n;
    while ((n = in.read(buffer)) >= 0) {
      out.write(buffer, 0, n);
      check(doing);
    }
  }

  /**
   * Whether {@code failure} comes from an interrupt of this thread: its flag is set (the interrupt
   * may also have closed a file channel under the source or the target, whose failures would read
   * as theirs), or an {@link InterruptedIOException} caused it (a wait for a helper thread that the
   * interrupt ended; a socket's read timeout is one too, but not an interrupt).
   */
  static boolean causedAny(Throwable failure) {
    if (Thread.currentThread().isInterrupted()) {
      return true;
    }
    for (Throwable c = failure; c != null; c = c.getCause()) {
      if (c instanceof InterruptedIOException && !(c instanceof SocketTimeoutException)) {
        return true;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return false;
  }
}

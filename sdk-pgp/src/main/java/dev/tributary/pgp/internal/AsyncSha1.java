package dev.tributary.pgp.internal;

import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-1 computed on a helper thread, for the MDC: the caller's thread does AES while this one
 * hashes what it has already decrypted (or is about to encrypt), so on two cores the MDC costs
 * almost nothing. Data is copied into four 128 KiB buffers ({@link Offload}: memory stays constant)
 * and hashed in order by one daemon thread; less data than one buffer is hashed on the caller's
 * thread by {@link #digest}. Not thread-safe: one caller thread.
 */
final class AsyncSha1 implements AutoCloseable {
  private final MessageDigest sha1;
  private final Offload offload =
      new Offload("tributary-pgp-mdc", 4, 1 << 17) {
        @Override
        void process(byte[] b, int len) {
          JdkPieces.update(sha1, b, 0, len);
        }
      };

  AsyncSha1() {
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-1", e);
    }
  }

  /**
   * Hands {@code len} bytes of {@code b} over to be hashed.
   *
   * @throws InterruptedIOException if the thread was interrupted while it had to wait for the
   *     helper (the interrupt flag stays set)
   */
  void update(byte[] b, int off, int len) throws InterruptedIOException {
    offload.put(b, off, len);
  }

  /**
   * Waits for the data handed over so far to be hashed, then returns the digest.
   *
   * @throws InterruptedIOException if the thread was interrupted while it had to wait
   */
  byte[] digest() throws InterruptedIOException {
    offload.drain();
    Throwable f = offload.failure();
    if (f != null) {
      throw new IllegalStateException("SHA-1 failed", f);
    }
    return sha1.digest();
  }

  @Override
  public void close() {
    offload.close();
  }
}

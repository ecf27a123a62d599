package dev.tributary.pgp.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * SHA-1 computed on a helper thread, for the MDC: the caller's thread does AES while this one
 * hashes what it has already decrypted (or is about to encrypt), so on two cores the MDC costs
 * almost nothing. Data is copied into one of a few 64 KiB buffers (memory stays constant), and
 * hashed in order by a single thread, which ends a second after its last job. Not thread-safe: one
 * caller thread.
 */
final class AsyncSha1 implements AutoCloseable {
  private static final int BUFFER = 1 << 16;
  private static final int BUFFERS = 4;

  /** Below this much data in one call, hashing inline is cheaper than handing it over. */
  private static final int INLINE = 4096;

  private final MessageDigest sha1;
  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
  private final ThreadPoolExecutor worker;
  private Future<?> last;

  AsyncSha1() {
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-1", e);
    }
    for (int i = 0; i < BUFFERS; i++) {
      free.add(new byte[BUFFER]);
    }
    worker =
        new ThreadPoolExecutor(
            1,
            1,
            1,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "tributary-pgp-mdc");
              t.setDaemon(true);
              return t;
            });
    worker.allowCoreThreadTimeOut(true);
  }

  void update(byte[] b, int off, int len) {
    if (len < INLINE) {
      byte[] small = java.util.Arrays.copyOfRange(b, off, off + len);
      last = worker.submit(() -> sha1.update(small));
      return;
    }
    while (len > 0) {
      int n = Math.min(len, BUFFER);
      byte[] buffer = take();
      System.arraycopy(b, off, buffer, 0, n);
      last =
          worker.submit(
              () -> {
                JdkPieces.update(sha1, buffer, 0, n);
                free.add(buffer);
              });
      off += n;
      len -= n;
    }
  }

  /** Waits for the data handed over so far to be hashed, then returns the digest. */
  byte[] digest() {
    await();
    return sha1.digest();
  }

  private byte[] take() {
    try {
      return free.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while hashing", e);
    }
  }

  private void await() {
    if (last == null) {
      return;
    }
    try {
      last.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while hashing", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("SHA-1 failed", e.getCause());
    }
  }

  @Override
  public void close() {
    worker.shutdown();
  }
}

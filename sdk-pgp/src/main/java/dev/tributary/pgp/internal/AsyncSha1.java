package dev.tributary.pgp.internal;

import java.io.InterruptedIOException;
import java.lang.ref.Reference;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-1 computed on a helper thread, for the MDC: the caller's thread does AES while this one
 * hashes what it has already decrypted (or is about to encrypt), so on two cores the MDC costs
 * almost nothing. Data is handed over in a few buffers ({@link Offload}: memory stays constant),
 * copied into them by {@link #update} or, with no copy, decrypted into them by the caller ({@link
 * #claim}, {@link #publish}), and hashed in order by one daemon thread; less data than one buffer
 * is hashed on the caller's thread. The thread ends at {@link #close}, or within a second of this
 * object's being garbage-collected unclosed (a stream nobody closed). Not thread-safe: one caller
 * thread.
 */
final class AsyncSha1 implements AutoCloseable {
  private final MessageDigest sha1;
  private final Offload offload;

  /**
   * For {@link #update} by an encryption: eight 256 KiB buffers, the helper woken for four at a
   * time ({@link BufferRing#BufferRing(int, int, Object, int)}), so that it preempts the encrypting
   * thread less often.
   */
  AsyncSha1() {
    this(1 << 18, 8, 4);
  }

  private AsyncSha1(int bufferSize, int buffers, int wakeAt) {
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-1", e);
    }
    offload = hashing(sha1, bufferSize, buffers, wakeAt, this);
  }

  /**
   * With four buffers, the helper woken for each.
   *
   * @param bufferSize the size of each of the four buffers: what {@link #claim} returns
   */
  AsyncSha1(int bufferSize) {
    this(bufferSize, 4, 1);
  }

  /**
   * The helper's work, made in a static method so that it holds no reference to {@code owner}: an
   * AsyncSha1 whose stream was never closed is collected, and its helper thread ends. The methods
   * that wait for the helper keep {@code this} reachable until they return ({@link
   * Reference#reachabilityFence}): the JIT may otherwise treat an object as unreachable while its
   * method still runs, once that method reads none of its fields any more, and the ring would then
   * close under a caller that still waits.
   */
  private static Offload hashing(
      MessageDigest sha1, int bufferSize, int buffers, int wakeAt, AsyncSha1 owner) {
    return new Offload("tributary-pgp-mdc", buffers, bufferSize, owner, wakeAt) {
      @Override
      void process(byte[] b, int off, int len) {
        JdkPieces.update(sha1, b, off, len);
      }
    };
  }

  /**
   * Hands {@code len} bytes of {@code b} over to be hashed.
   *
   * @throws InterruptedIOException if the thread was interrupted while it had to wait for the
   *     helper (the interrupt flag stays set)
   */
  void update(byte[] b, int off, int len) throws InterruptedIOException {
    try {
      offload.put(b, off, len);
    } finally {
      Reference.reachabilityFence(this); // alive while it waits: see hashing
    }
  }

  /**
   * A free buffer to decrypt into, to be handed over by {@link #publish} before the next call of
   * this or {@link #update}; see {@link Offload#claim}.
   *
   * @throws InterruptedIOException if interrupted while it had to wait for the helper
   */
  byte[] claim() throws InterruptedIOException {
    try {
      return offload.claim();
    } finally {
      Reference.reachabilityFence(this); // alive while it waits: see hashing
    }
  }

  /**
   * Hands {@code len} bytes from {@code off} of the buffer last claimed over to be hashed; {@code
   * last} when no more will follow but the tail given to {@link #digest(byte[], int, int)}.
   */
  void publish(int off, int len, boolean last) {
    offload.publish(off, len, last);
  }

  /**
   * Waits for the data handed over so far to be hashed, hashes {@code len} bytes of {@code tail}
   * after it on the caller's thread, and returns the digest.
   *
   * @throws InterruptedIOException if the thread was interrupted while it had to wait
   */
  byte[] digest(byte[] tail, int off, int len) throws InterruptedIOException {
    try {
      offload.drain();
    } finally {
      Reference.reachabilityFence(this); // alive while it waits: see hashing
    }
    Throwable f = offload.failure();
    if (f != null) {
      throw new IllegalStateException("SHA-1 failed", f);
    }
    JdkPieces.update(sha1, tail, off, len);
    return sha1.digest();
  }

  /**
   * Waits for the data handed over so far to be hashed, then returns the digest.
   *
   * @throws InterruptedIOException if the thread was interrupted while it had to wait
   */
  byte[] digest() throws InterruptedIOException {
    return digest(new byte[0], 0, 0);
  }

  @Override
  public void close() {
    offload.close();
  }
}

package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Offload}: the bytes put reach {@code process} once and in order, on one helper thread, or
 * on the caller's when the job is smaller than a buffer; the helper's failure is kept and stops the
 * work; {@code close} and interrupts end every wait of the caller.
 */
@Timeout(20)
class OffloadTest {
  private static final String THREAD = "offload-test";

  /** Hashes what it is given with SHA-256 and notes the threads it ran on. */
  private static final class Hashing extends Offload {
    final MessageDigest sha256 = sha256();
    final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    final AtomicLong bytes = new AtomicLong();

    /** The arrays processed, by identity. */
    final Set<byte[]> arrays = ConcurrentHashMap.newKeySet();

    Hashing(int buffers, int size) {
      super(THREAD, buffers, size);
    }

    @Override
    void process(byte[] b, int off, int len) {
      threads.add(Thread.currentThread());
      arrays.add(b);
      sha256.update(b, off, len);
      bytes.addAndGet(len);
    }
  }

  /** Blocks in the first buffer it processes until {@link #unblock}; counts its calls. */
  private static final class Stuck extends Offload {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch unblocked = new CountDownLatch(1);
    final AtomicInteger calls = new AtomicInteger();
    volatile Thread helper;

    Stuck() {
      super(THREAD, 2, 16);
    }

    @Override
    void process(byte[] b, int off, int len) throws IOException {
      calls.incrementAndGet();
      helper = Thread.currentThread();
      entered.countDown();
      try {
        unblocked.await();
      } catch (InterruptedException e) {
        throw new InterruptedIOException();
      }
    }

    void awaitEntered() throws InterruptedException {
      assertThat(entered.await(Background.DEADLINE_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
    }

    /**
     * A caller thread blocked in {@code put} (ten buffers into a ring of two) or in {@code drain}
     * (one buffer, which this helper is stuck in).
     */
    Background blockedCaller(boolean inDrain) throws InterruptedException {
      int n = inDrain ? 16 : 160;
      Background caller =
          Background.start(
              "caller",
              () -> {
                put(new byte[n], 0, n);
                drain();
              });
      awaitEntered();
      caller.awaitParkedInRing();
      return caller;
    }

    void unblock() {
      unblocked.countDown();
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void manyBuffers_areProcessedInOrder_onOneHelperThread() throws Exception {
    Random random = new Random(1);
    byte[] source = new byte[1 << 20];
    random.nextBytes(source);
    Hashing offload = new Hashing(4, 1 << 16);
    MessageDigest expected = sha256();
    long total = 0;
    while (total < 64L << 20) {
      int n =
          switch (random.nextInt(5)) {
            case 0 -> random.nextInt(17);
            case 1 -> random.nextInt(1 << 16);
            case 2 -> 1 << 16;
            default -> random.nextInt(source.length);
          };
      int off = random.nextInt(source.length - n + 1);
      expected.update(source, off, n);
      offload.put(source, off, n);
      total += n;
    }
    offload.drain();

    assertThat(offload.failure()).isNull();
    assertThat(offload.bytes).hasValue(total);
    assertThat(offload.sha256.digest()).isEqualTo(expected.digest());
    assertThat(offload.threads).hasSize(1).doesNotContain(Thread.currentThread());
    Thread helper = offload.threads.iterator().next();
    assertThat(helper.getName()).isEqualTo(THREAD);
    assertThat(helper.isDaemon()).isTrue();

    offload.close();
    helper.join(Background.DEADLINE_MILLIS);
    assertThat(helper.isAlive()).as("helper ended by close").isFalse();
  }

  @Test
  void aJobSmallerThanABuffer_isProcessedOnTheCallersThread() throws Exception {
    Hashing offload = new Hashing(4, 1 << 10);
    byte[] data = new byte[(1 << 10) - 1];
    new Random(2).nextBytes(data);
    offload.put(data, 0, 100);
    offload.put(data, 100, 0);
    offload.put(data, 100, data.length - 100);
    offload.drain();

    assertThat(offload.threads).containsExactly(Thread.currentThread());
    assertThat(offload.sha256.digest()).isEqualTo(sha256().digest(data));

    offload.put(data, 0, 10); // still small: a later drain works here too
    offload.drain();
    assertThat(offload.threads).containsExactly(Thread.currentThread());
    assertThat(offload.bytes).hasValue(data.length + 10);
  }

  @Test
  void oneFullBuffer_startsTheHelper() throws Exception {
    Hashing offload = new Hashing(4, 1 << 10);
    offload.put(new byte[1 << 10], 0, 1 << 10);
    offload.drain();
    assertThat(offload.threads).hasSize(1).doesNotContain(Thread.currentThread());
    offload.close();
  }

  /**
   * A caller that claims buffers and writes into them itself (as decryption does for the MDC) hands
   * them over with no copy: the helper processes the claimed arrays themselves, the ranges
   * published, in order. The ring never hands out the buffer it handed out last, so the caller may
   * still read that one while it fills the next (the buffer's owner reads its last few octets).
   */
  @Test
  void claimedBuffers_areProcessedInPlace_inOrder_onTheHelper() throws Exception {
    Random random = new Random(4);
    int size = 1 << 12;
    Hashing offload = new Hashing(4, size);
    MessageDigest expected = sha256();
    Set<byte[]> claimed = ConcurrentHashMap.newKeySet();
    byte[] previous = null;
    byte[] previousContent = null;
    long total = 0;
    for (int i = 0; i < 2000; i++) {
      byte[] b = offload.claim();
      assertThat(b).hasSize(size).isNotSameAs(previous);
      claimed.add(b);
      int off = random.nextInt(size);
      int len = random.nextInt(size - off + 1);
      random.nextBytes(b);
      if (previous != null) {
        assertThat(previous)
            .as("published before this claim, still intact")
            .isEqualTo(previousContent);
      }
      expected.update(b, off, len);
      total += len;
      offload.publish(off, len, i == 1999);
      previous = b;
      previousContent = b.clone();
    }
    offload.drain();

    assertThat(offload.failure()).isNull();
    assertThat(offload.bytes).hasValue(total);
    assertThat(offload.sha256.digest()).isEqualTo(expected.digest());
    assertThat(offload.threads).hasSize(1).doesNotContain(Thread.currentThread());
    assertThat(offload.arrays).as("no copies").isEqualTo(claimed).hasSize(4);
    offload.close();
  }

  /**
   * A job of one claimed buffer, published as the last, is processed on the caller's thread at
   * once, as a small job put is by drain; afterwards nothing more may be claimed or put.
   */
  @Test
  void oneClaimedBuffer_publishedAsTheLast_isProcessedHere_thenTheOffloadIsEnded()
      throws Exception {
    Hashing offload = new Hashing(4, 1 << 10);
    byte[] b = offload.claim();
    byte[] data = Chunks.random(5, 1 << 10);
    System.arraycopy(data, 0, b, 0, data.length);
    offload.publish(3, 1000, true);

    assertThat(offload.bytes).as("processed before any drain").hasValue(1000);
    assertThat(offload.threads).containsExactly(Thread.currentThread());
    offload.drain();
    assertThat(offload.sha256.digest())
        .isEqualTo(sha256().digest(Arrays.copyOfRange(data, 3, 1003)));
    assertThatThrownBy(offload::claim)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the last buffer was published");
    assertThatThrownBy(() -> offload.put(data, 0, 1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void publishWithoutAClaim_orPutWhileABufferIsClaimed_isAMistake() throws Exception {
    Hashing offload = new Hashing(4, 1 << 10);
    assertThatThrownBy(() -> offload.publish(0, 1, false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no buffer is claimed");
    offload.claim();
    assertThatThrownBy(() -> offload.put(new byte[1], 0, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not published yet");
    assertThatThrownBy(offload::claim).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new Hashing(1, 16)).isInstanceOf(IllegalArgumentException.class);
  }

  /** Bytes put before a claim are handed over before the claimed buffer: the order holds. */
  @Test
  void bytesPutBeforeAClaim_areProcessedFirst() throws Exception {
    Hashing offload = new Hashing(4, 1 << 10);
    byte[] first = Chunks.random(6, 100);
    byte[] second = Chunks.random(7, 1 << 10);
    offload.put(first, 0, first.length);
    byte[] b = offload.claim();
    System.arraycopy(second, 0, b, 0, second.length);
    offload.publish(0, second.length, false);
    offload.put(first, 0, 10);
    offload.drain();

    MessageDigest expected = sha256();
    expected.update(first);
    expected.update(second);
    expected.update(first, 0, 10);
    assertThat(offload.sha256.digest()).isEqualTo(expected.digest());
    offload.close();
  }

  /**
   * A failure of the work is kept for {@link Offload#failure} and the rest skipped, whether it
   * happened on the helper thread or, for a job under one buffer, on the caller's: drain does not
   * throw the work's own exception (that one instance, thrown again by a later call, would be added
   * to itself as suppressed by try-with-resources).
   */
  @Test
  @Timeout(5)
  void failure_isKept_andLaterBytesAreNotProcessed_onEitherThread() throws Exception {
    Throwable[] failures = {
      new IOException("disk full"),
      new IllegalStateException("a bug"),
      new AssertionError("an error")
    };
    for (Throwable failure : failures) {
      for (boolean onHelper : new boolean[] {true, false}) {
        String what = failure + (onHelper ? " on the helper" : " on the caller's thread");
        int failingCall = onHelper ? 2 : 1;
        AtomicInteger calls = new AtomicInteger();
        Offload offload =
            new Offload(THREAD, 4, 1 << 10) {
              @Override
              void process(byte[] b, int off, int len) throws IOException {
                if (calls.incrementAndGet() == failingCall) {
                  Failures.raise(failure);
                }
              }
            };
        byte[] data = new byte[onHelper ? 10 << 10 : 10];
        for (int round = 1; round <= 2; round++) {
          offload.put(data, 0, data.length);
          offload.drain();
          assertThat(offload.failure()).as("%s, round %d", what, round).isSameAs(failure);
          assertThat(calls).as("%s, round %d: calls", what, round).hasValue(failingCall);
        }
        offload.close();
      }
    }
  }

  @Test
  void close_wakesACallerBlockedInPutOrDrain() throws Exception {
    for (boolean inDrain : new boolean[] {false, true}) {
      Stuck offload = new Stuck();
      try {
        Background caller = offload.blockedCaller(inDrain);

        offload.close();

        assertThat(caller.join())
            .as("in drain: %s", inDrain)
            .isInstanceOf(InterruptedIOException.class)
            .hasMessageContaining("closed");
      } finally {
        offload.unblock();
      }
    }
  }

  @Test
  void interrupt_endsTheCallersWait_inPutAndInDrain() throws Exception {
    for (boolean inDrain : new boolean[] {false, true}) {
      Stuck offload = new Stuck();
      try {
        Background caller = offload.blockedCaller(inDrain);

        caller.thread().interrupt();

        assertThat(caller.join())
            .as("in drain: %s", inDrain)
            .isInstanceOf(InterruptedIOException.class);
        assertThat(caller.interruptedAtEnd()).as("interrupt status kept").isTrue();
        assertThat(offload.isClosed()).isTrue();
      } finally {
        offload.unblock();
      }
    }
  }

  /**
   * A drain with nothing to wait for (a job under one buffer, done on the caller's thread, or one
   * whose buffers the helper has all processed) succeeds although the caller's thread has an
   * interrupt pending, and leaves it pending.
   */
  @Test
  void pendingInterrupt_doesNotFailADrainWithNothingToWaitFor() throws Exception {
    Hashing small = new Hashing(4, 1 << 10);
    Hashing large = new Hashing(4, 1 << 10);
    byte[] data = Chunks.random(3, 4 << 10);
    Background caller =
        Background.start(
            "caller",
            () -> {
              large.put(data, 0, data.length);
              large.drain();
              Thread.currentThread().interrupt();
              large.drain();
              small.put(data, 0, 100);
              small.drain();
            });
    assertThat(caller.join()).isNull();
    assertThat(caller.interruptedAtEnd()).as("interrupt status kept").isTrue();
    assertThat(small.sha256.digest()).isEqualTo(sha256().digest(Arrays.copyOf(data, 100)));
    assertThat(large.sha256.digest()).isEqualTo(sha256().digest(data));
    assertThat(small.isClosed()).isFalse();
    assertThat(large.isClosed()).isFalse();
    large.close();
  }

  /** When the helper is still at work, a pending interrupt ends the drain's wait at once. */
  @Test
  void pendingInterrupt_endsADrainThatMustWait() throws Exception {
    Stuck offload = new Stuck();
    try {
      Background caller =
          Background.start(
              "caller",
              () -> {
                offload.put(new byte[16], 0, 16); // one full buffer: the helper is stuck in it
                offload.awaitEntered();
                Thread.currentThread().interrupt();
                offload.drain();
              });
      assertThat(caller.join()).isInstanceOf(InterruptedIOException.class);
      assertThat(caller.interruptedAtEnd()).as("interrupt status kept").isTrue();
      assertThat(offload.isClosed()).isTrue();
    } finally {
      offload.unblock();
    }
  }

  /**
   * Once closed, nothing more is processed (the class's promise): buffers the caller had handed
   * over but the helper had not started are dropped, not processed after close returned. (A
   * WriteBehindOutputStream whose flush was interrupted would otherwise go on writing to the
   * caller's stream after its close returned, while the caller closes or deletes it.)
   */
  @Test
  void close_stopsTheHelper_afterTheBufferItIsWorkingOn() throws Exception {
    Stuck offload = new Stuck();
    offload.put(new byte[32], 0, 32); // two buffers: the first in process, the second waiting
    offload.awaitEntered();

    offload.close();
    offload.unblock();

    offload.helper.join(Background.DEADLINE_MILLIS);
    assertThat(offload.helper.isAlive()).isFalse();
    assertThat(offload.calls).as("buffers processed").hasValue(1);
  }
}

package dev.tributary.pgp;

import static dev.tributary.pgp.AbortedEncryptionTest.helperThreads;
import static dev.tributary.pgp.EncryptDecryptTest.encrypt;
import static dev.tributary.pgp.EncryptDecryptTest.to;
import static dev.tributary.pgp.EncryptDecryptTest.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.TransientException;
import dev.tributary.testing.PgpTestKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The helper threads of a message end when the message does, also when the caller left it unclosed
 * or the call failed while a helper waited in the caller's stream: a host that meets many such
 * messages must not collect threads, each with its buffers, for good. Counted by the helpers' names
 * ({@link AbortedEncryptionTest#helperThreads}).
 */
class HelperThreadsTest {
  /** How long a stream nobody closed may keep its helpers, garbage collections included. */
  private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(30);

  /**
   * Regression: an {@code encrypt(OutputStream)} stream that was neither closed nor aborted kept
   * its MDC thread parked for good, with its four 128 KiB buffers.
   */
  @Test
  void encryptionStream_neverClosed_endsItsHelperThread_onceCollected() throws Exception {
    Set<Thread> before = helperThreads();
    writeAndLeaveUnclosed();
    Set<Thread> started = startedSince(before);
    assertThat(started).as("helper threads the message started").isNotEmpty();
    assertEndOnceCollected(started);
  }

  /** An encryption of 3 MiB, left unclosed: nothing refers to its stream after the return. */
  private static void writeAndLeaveUnclosed() throws IOException {
    byte[] data = new byte[3 << 20];
    new Random(17).nextBytes(data);
    OutputStream out = to(PgpTestKeys.ALICE_RSA).build().encrypt(OutputStream.nullOutputStream());
    out.write(data);
  }

  /**
   * Regression: a {@code DecryptionStream} read in part and never closed kept the MDC thread and
   * the one that decrypts the compressed packet ahead parked for good.
   */
  @Test
  void decryptionStream_neverClosed_endsItsHelperThreads_onceCollected() throws Exception {
    byte[] message =
        encrypt(to(PgpTestKeys.ALICE_RSA).build(), InterruptedCallsTest.Csv.rows(8 << 20));
    Set<Thread> before = helperThreads();
    readPartAndLeaveUnclosed(message);
    Set<Thread> started = startedSince(before);
    assertThat(started)
        .as("helper threads the decryption started")
        .extracting(Thread::getName)
        .contains("tributary-pgp-mdc", "tributary-pgp-decrypt");
    assertEndOnceCollected(started);
  }

  private static void readPartAndLeaveUnclosed(byte[] message) throws IOException {
    InputStream in = with(PgpTestKeys.ALICE_RSA).open(new ByteArrayInputStream(message));
    assertThat(in.readNBytes(1 << 20)).hasSize(1 << 20);
  }

  /**
   * Regression: an interrupted {@code encrypt(InputStream, OutputStream)} whose reader thread was
   * waiting in the caller's {@code read} read on after that read returned, until it had filled its
   * 256 KiB buffer: it consumed the caller's stream after the call had returned, and stayed for
   * good, waiting in the next read, when the stream gave no more.
   */
  @Test
  void encryptFromAStream_interruptedWhileItsReaderWaits_readerEndsAfterThatRead()
      throws Exception {
    Trickle source = new Trickle();
    Set<Thread> before = helperThreads();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                to(PgpTestKeys.ALICE_RSA).build().encrypt(source, OutputStream.nullOutputStream());
              } catch (Throwable e) {
                failure.set(e);
              }
            },
            "encrypting-caller");
    try {
      caller.start();
      assertThat(source.reading.await(10, TimeUnit.SECONDS)).as("the reader reads").isTrue();
      caller.interrupt();
      caller.join(10_000);
      assertThat(caller.isAlive()).as("the interrupted call still runs").isFalse();
      assertThat(failure.get())
          .isInstanceOf(TransientException.class)
          .hasMessage("encryption was interrupted");
      Set<Thread> reader = startedSince(before);
      assertThat(reader).extracting(Thread::getName).containsExactly("tributary-pgp-read");

      source.give(1000); // the read it waits in returns: it must not read on
      for (Thread t : reader) {
        t.join(10_000);
        assertThat(t.isAlive()).as("%s still runs after its read returned", t).isFalse();
      }
      assertThat(source.reads.get()).as("reads of the caller's stream").isEqualTo(1);
    } finally {
      source.end(); // frees a reader left waiting in a second read
    }
  }

  private static Set<Thread> startedSince(Set<Thread> before) {
    Set<Thread> started = new HashSet<>(helperThreads());
    started.removeAll(before);
    return started;
  }

  /** Collects garbage until every one of {@code threads} has ended, or fails at the deadline. */
  private static void assertEndOnceCollected(Set<Thread> threads) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE_NANOS;
    while (threads.stream().anyMatch(Thread::isAlive) && System.nanoTime() < deadline) {
      System.gc();
      Thread.sleep(200);
    }
    for (Thread t : threads) {
      assertThat(t.isAlive()).as("%s, 30 s after its stream was left unclosed", t).isFalse();
    }
  }

  /** A caller's stream that gives what the test releases, a read at a time: a slow connection. */
  static final class Trickle extends InputStream {
    final CountDownLatch reading = new CountDownLatch(1);
    final AtomicInteger reads = new AtomicInteger();
    private final Semaphore available = new Semaphore(0);
    private volatile boolean ended;

    void give(int bytes) {
      available.release(bytes);
    }

    void end() {
      ended = true;
      available.release(Integer.MAX_VALUE / 2);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      reading.countDown();
      try {
        available.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException();
      }
      if (ended) {
        return -1;
      }
      reads.incrementAndGet();
      int n = Math.min(len, 1 + available.drainPermits());
      b[off] = 'x';
      return n;
    }
  }
}

package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link WriteBehindOutputStream}: the target receives exactly the bytes written, in order, and is
 * flushed but not closed; once the target fails, every later write, flush and close throws a new
 * IOException with the target's message and its exception as the cause.
 */
@Timeout(20)
class WriteBehindOutputStreamTest {
  private static final int BUFFER = 1 << 18;

  /** Collects what is written; notes flushes and whether it was closed. */
  private static final class Target extends ByteArrayOutputStream {
    int flushes;
    boolean closed;

    @Override
    public void flush() {
      flushes++;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  /**
   * Takes {@code limit} bytes, then fails every write with one and the same throwable, as some
   * streams do (sshj's, for one, rethrows the error it stored).
   */
  static final class FailingTarget extends OutputStream {
    private final long limit;
    private final Throwable failure;
    long written;

    FailingTarget(long limit, Throwable failure) {
      this.limit = limit;
      this.failure = failure;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (written + len > limit) {
        written = limit;
        Failures.raise(failure);
      }
      written += len;
    }
  }

  @Test
  void roundTrip_withOddWriteSizes_andFlushes() throws Exception {
    Random random = new Random(8);
    for (int length : new int[] {0, 1, 100, BUFFER - 1, BUFFER, BUFFER + 1, 5 * BUFFER + 3}) {
      byte[] data = Chunks.random(length, length);
      Target target = new Target();
      WriteBehindOutputStream out = new WriteBehindOutputStream(target);
      int half = length / 2;
      Chunks.write(out, Arrays.copyOf(data, half), Chunks.oddSizes(random, 70_000));
      out.flush();
      Chunks.assertSameBytes(
          target.toByteArray(), Arrays.copyOf(data, half), length + " bytes, after flush");
      Chunks.write(out, Arrays.copyOfRange(data, half, length), Chunks.oddSizes(random, 600_000));
      out.close();
      out.close();

      Chunks.assertSameBytes(target.toByteArray(), data, length + " bytes");
      assertThat(target.flushes).isEqualTo(2);
      assertThat(target.closed).as("target left open").isFalse();
    }
  }

  /**
   * Write and flush after close throw that the stream is closed, and nothing more reaches the
   * target: a write under one buffer used to be taken silently, and a later flush wrote it to the
   * target, then threw "closed while the helper thread was at work".
   */
  @Test
  void writeOrFlush_afterClose_throwsThatTheStreamIsClosed_andWritesNothing() throws Exception {
    for (int length : new int[] {10, 2 * BUFFER}) {
      byte[] data = Chunks.random(length, length);
      Target target = new Target();
      WriteBehindOutputStream out = new WriteBehindOutputStream(target);
      out.write(data);
      out.close();

      List<ThrowingCallable> calls =
          List.of(
              () -> out.write(data, 0, length),
              () -> out.write(7),
              out::flush,
              () -> out.write(data, 0, length));
      for (ThrowingCallable call : calls) {
        assertThatThrownBy(call)
            .as("after %d bytes", length)
            .isExactlyInstanceOf(IOException.class)
            .hasMessage("the stream is closed");
      }
      out.close();

      Chunks.assertSameBytes(target.toByteArray(), data, length + " bytes, then closed");
      assertThat(target.flushes).as("flushed by the first close only").isEqualTo(1);
    }
  }

  /**
   * An interrupt pending on the caller's thread does not fail the close of an output under one
   * buffer, which is written on the caller's thread with nothing to wait for (the close used to
   * write it and then throw InterruptedIOException), and is still pending afterwards.
   */
  @Test
  void pendingInterrupt_smallOutput_isWrittenAndClosedWithoutAnException() throws Exception {
    byte[] data = Chunks.random(4, 100);
    Target target = new Target();
    Background caller =
        Background.start(
            "caller",
            () -> {
              Thread.currentThread().interrupt();
              try (WriteBehindOutputStream out = new WriteBehindOutputStream(target)) {
                out.write(data);
              }
            });
    assertThat(caller.join()).isNull();
    assertThat(caller.interruptedAtEnd()).as("interrupt status kept").isTrue();
    Chunks.assertSameBytes(target.toByteArray(), data, "written");
    assertThat(target.flushes).isEqualTo(1);
  }

  /**
   * Fails after 100 of 1,000 bytes (written by the caller's thread at the flush) or after 700,000
   * of 4 MiB (by the helper, seen by a later write), with an IOException or an Error: the call that
   * sees it and each later write, flush and close throw a new IOException, the target's failure its
   * cause, and none waits for a helper that died.
   */
  @Test
  @Timeout(5)
  void targetFails_everyLaterCallThrowsANewIoException() throws Exception {
    Throwable[] failures = {
      new IOException("No space left on device"), new NoClassDefFoundError("org/example/Missing")
    };
    int[][] limitAndLength = {{100, 1000}, {700_000, 4 << 20}};
    for (Throwable failure : failures) {
      for (int[] c : limitAndLength) {
        String what = failure + " after " + c[0] + " of " + c[1] + " bytes";
        FailingTarget target = new FailingTarget(c[0], failure);
        WriteBehindOutputStream out = new WriteBehindOutputStream(target);
        List<Throwable> thrown = new ArrayList<>();
        try {
          Chunks.write(out, Chunks.random(9, c[1]), Chunks.oddSizes(new Random(9), 100_000));
          out.flush();
        } catch (IOException e) {
          thrown.add(e);
        }
        assertThat(thrown).as("%s: the writes or the flush saw it", what).hasSize(1);
        thrown.addAll(laterCalls(out));

        assertThat(thrown).as(what).hasSize(4).doesNotHaveDuplicates().doesNotContain(failure);
        for (Throwable e : thrown) {
          assertThat(e).as(what).isInstanceOf(IOException.class).hasMessage(failure.getMessage());
          assertThat(e.getCause()).as(what).isSameAs(failure);
        }
        assertThat(target.written).as(what).isEqualTo(c[0]);
      }
    }
  }

  /**
   * A flush interrupted while the target is slow ends the stream: once close has returned, the
   * helper finishes the write it is in and writes nothing more to the caller's stream, which the
   * caller may be closing or deleting by then.
   */
  @Test
  void close_afterAnInterruptedFlush_writesNothingMore() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch released = new CountDownLatch(1);
    AtomicLong written = new AtomicLong();
    AtomicReference<Thread> helper = new AtomicReference<>();
    OutputStream slow = blockingTarget(entered, released, written, helper);
    WriteBehindOutputStream out = new WriteBehindOutputStream(slow);
    Background caller =
        Background.start(
            "caller",
            () -> {
              try (out) {
                out.write(new byte[3 * BUFFER]);
                out.flush();
              }
            });
    assertThat(entered.await(Background.DEADLINE_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
    caller.awaitParkedInRing();

    caller.thread().interrupt();
    assertThat(caller.join()).isInstanceOf(InterruptedIOException.class);
    released.countDown();

    helper.get().join(Background.DEADLINE_MILLIS);
    assertThat(helper.get().isAlive()).isFalse();
    assertThat(written).as("bytes written in all").hasValue(BUFFER);
  }

  /**
   * After a flush ended by an interrupt, the helper has stopped: a later write must fail rather
   * than take bytes that would never be written (the caller may not have closed yet).
   */
  @Test
  void write_afterAnInterruptedFlush_fails_andNothingMoreIsWritten() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch released = new CountDownLatch(1);
    AtomicLong written = new AtomicLong();
    OutputStream slow = blockingTarget(entered, released, written, new AtomicReference<>());
    WriteBehindOutputStream out = new WriteBehindOutputStream(slow);
    AtomicReference<Throwable> laterWrite = new AtomicReference<>();
    AtomicReference<Throwable> laterFlush = new AtomicReference<>();
    Background caller =
        Background.start(
            "caller",
            () -> {
              try {
                out.write(new byte[3 * BUFFER]);
                out.flush();
              } catch (InterruptedIOException interrupted) {
                Thread.interrupted(); // handled: the caller goes on, and tries to write more
                try {
                  out.write(new byte[10]);
                } catch (IOException e) {
                  laterWrite.set(e);
                }
                try {
                  out.flush();
                } catch (IOException e) {
                  laterFlush.set(e);
                }
                out.close();
                throw interrupted;
              }
            });
    assertThat(entered.await(Background.DEADLINE_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
    caller.awaitParkedInRing();

    caller.thread().interrupt();
    assertThat(caller.join()).isInstanceOf(InterruptedIOException.class);
    released.countDown();

    assertThat(laterWrite.get())
        .isInstanceOf(InterruptedIOException.class)
        .hasMessage("an interrupt stopped the stream's helper thread: nothing more can be written");
    assertThat(laterFlush.get()).isInstanceOf(InterruptedIOException.class);
    Thread.sleep(100); // give a wrongly accepted write time to reach the target
    assertThat(written).as("bytes written in all").hasValue(BUFFER);
  }

  /**
   * A target whose writes each record the writing thread in {@code helper}, count down {@code
   * entered}, wait for {@code released}, then add their length to {@code written}.
   */
  static OutputStream blockingTarget(
      CountDownLatch entered,
      CountDownLatch released,
      AtomicLong written,
      AtomicReference<Thread> helper) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        helper.set(Thread.currentThread());
        entered.countDown();
        try {
          released.await();
        } catch (InterruptedException e) {
          throw new InterruptedIOException();
        }
        written.addAndGet(len);
      }
    };
  }

  /** What write, flush and close (in that order) throw; each must throw. */
  static List<IOException> laterCalls(OutputStream out) {
    List<IOException> thrown = new ArrayList<>();
    for (int call = 0; call < 3; call++) {
      try {
        switch (call) {
          case 0 -> out.write(new byte[10], 0, 10);
          case 1 -> out.flush();
          default -> out.close();
        }
        throw new AssertionError(new String[] {"write", "flush", "close"}[call] + " did not throw");
      } catch (IOException e) {
        thrown.add(e);
      }
    }
    return thrown;
  }
}

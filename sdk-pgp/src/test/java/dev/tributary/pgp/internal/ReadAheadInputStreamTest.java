package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link ReadAheadInputStream}: the bytes come out as the source gave them, whatever the sizes of
 * the reads on either side; a failing source fails every later read, each time with a new exception
 * whose cause is the source's, and never hangs the reader.
 */
@Timeout(20)
class ReadAheadInputStreamTest {
  private static final int BUFFER = 1 << 18;
  private static final Duration DEADLINE = Duration.ofMillis(Background.DEADLINE_MILLIS);

  /** A source that hands out at most a few thousand bytes a read, then fails with one throwable. */
  private static final class Source extends FilterInputStream {
    private final Random random;
    private final long failAt;
    private final Throwable failure;
    private long read;
    boolean closed;

    Source(byte[] data, long seed, long failAt, Throwable failure) {
      super(new ByteArrayInputStream(data));
      this.random = new Random(seed);
      this.failAt = failAt;
      this.failure = failure;
    }

    Source(byte[] data, long seed) {
      this(data, seed, Long.MAX_VALUE, new AssertionError("unused"));
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (read >= failAt) {
        Failures.raise(failure);
      }
      int n =
          super.read(
              b, off, (int) Math.min(failAt - read, Math.min(len, 1 + random.nextInt(7000))));
      read += Math.max(0, n);
      return n;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void roundTrip_withOddReadSizes_onBothSides() throws Exception {
    Random random = new Random(7);
    for (int length : new int[] {0, 1, BUFFER - 1, BUFFER, BUFFER + 1, 3 * BUFFER + 17, 3 << 20}) {
      byte[] data = Chunks.random(length, length);
      Source source = new Source(data, length);
      try (ReadAheadInputStream in = new ReadAheadInputStream(source)) {
        Chunks.assertSameBytes(
            Chunks.readAll(in, Chunks.oddSizes(random, 70_000)), data, length + " bytes");
        assertThat(in.read()).isEqualTo(-1);
        assertThat(in.read(new byte[8], 0, 8)).isEqualTo(-1);
        assertThat(in.read(new byte[8], 0, 0)).isZero();
      }
      assertThat(source.closed).as("source left open").isFalse();
    }
  }

  @Test
  void transferTo_writesWhatReadsLeft_fromTheBuffersThemselves() throws Exception {
    for (int length : new int[] {0, 1, BUFFER, 3 * BUFFER + 17}) {
      byte[] data = Chunks.random(length + 1, length);
      try (ReadAheadInputStream in = new ReadAheadInputStream(new Source(data, length))) {
        byte[] head = in.readNBytes(Math.min(length, 1000)); // part of the first buffer read
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        long n = in.transferTo(rest);
        assertThat(n).isEqualTo(length - head.length);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(head);
        rest.writeTo(all);
        Chunks.assertSameBytes(all.toByteArray(), data, length + " bytes");
        assertThat(in.read()).as("the end, kept").isEqualTo(-1);
        assertThat(in.transferTo(rest)).isZero();
      }
    }
  }

  @Test
  void transferTo_throwsTheSourcesFailure_afterWritingTheBuffersBeforeIt() throws Exception {
    byte[] data = Chunks.random(3, 2 << 20);
    IOException failure = new IOException("connection reset");
    try (ReadAheadInputStream in =
        new ReadAheadInputStream(new Source(data, 3, BUFFER + 5, failure))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertThatThrownBy(() -> in.transferTo(out))
          .isInstanceOf(IOException.class)
          .hasMessage("connection reset")
          .hasCause(failure);
      // Whole buffers before the failure are written; the part of a buffer whose read failed is
      // not (the call fails either way).
      byte[] written = out.toByteArray();
      assertThat(written.length).isEqualTo(BUFFER);
      Chunks.assertSameBytes(written, Arrays.copyOf(data, BUFFER), "the bytes before the failure");
    }
  }

  @Test
  void sourceIoException_failsEveryLaterRead_withANewExceptionCausedByIt() throws Exception {
    byte[] data = Chunks.random(1, 2 << 20);
    IOException failure = new IOException("connection reset");
    try (ReadAheadInputStream in =
        new ReadAheadInputStream(new Source(data, 1, 600_000, failure))) {
      List<Throwable> thrown = readUntilItFails(in, data);
      assertThat(thrown).hasSize(4).doesNotHaveDuplicates().doesNotContain(failure);
      for (Throwable t : thrown) {
        assertThat(t).isExactlyInstanceOf(IOException.class).hasMessage("connection reset");
        assertThat(t.getCause()).isSameAs(failure);
      }
    }
  }

  @Test
  void sourceRuntimeExceptionOrError_failsTheRead_withAnIoException_insteadOfHanging()
      throws Exception {
    byte[] data = Chunks.random(2, 1 << 20);
    for (Throwable failure :
        new Throwable[] {
          new IllegalStateException("a bug in the source"), new StackOverflowError("deep")
        }) {
      try (ReadAheadInputStream in =
          new ReadAheadInputStream(new Source(data, 2, 300_000, failure))) {
        List<Throwable> thrown =
            assertTimeoutPreemptively(
                DEADLINE, () -> readUntilItFails(in, data), failure::toString);
        assertThat(thrown).doesNotHaveDuplicates();
        for (Throwable t : thrown) {
          assertThat(t).isInstanceOf(IOException.class).hasMessage(failure.getMessage());
          assertThat(t).hasRootCause(failure);
        }
      }
    }
  }

  /** Inside a decryption the source's own unchecked failures (PgpDataException) keep their type. */
  @Test
  void decryptedAhead_throwsTheSourcesRuntimeException_asItIs_andAnErrorAsAnIoException()
      throws Exception {
    byte[] data = Chunks.random(3, 1 << 20);
    IllegalStateException unchecked = new IllegalStateException("malformed packet");
    try (ReadAheadInputStream in =
        ReadAheadInputStream.decryptedAhead(new Source(data, 3, 300_000, unchecked))) {
      byte[] buffer = new byte[10_000];
      Throwable thrown =
          assertTimeoutPreemptively(
              DEADLINE,
              () -> {
                try {
                  while (in.read(buffer, 0, buffer.length) >= 0) {
                    // until it throws
                  }
                  return null;
                } catch (IllegalStateException e) {
                  return e;
                }
              });
      assertThat(thrown).isSameAs(unchecked);
    }
    StackOverflowError error = new StackOverflowError("deep");
    try (ReadAheadInputStream in =
        ReadAheadInputStream.decryptedAhead(new Source(data, 4, 300_000, error))) {
      List<Throwable> thrown =
          assertTimeoutPreemptively(DEADLINE, () -> readUntilItFails(in, data));
      assertThat(thrown.get(0)).isInstanceOf(IOException.class).hasRootCause(error);
    }
  }

  /**
   * {@code stop} returns only once the helper has left the source, so that the caller may read the
   * source itself (to reach the integrity check) without two threads in it.
   */
  @Test
  void stop_waitsUntilTheHelperHasLeftTheSource() throws Exception {
    CountDownLatch inRead = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    InputStream blocking =
        new InputStream() {
          @Override
          public int read() {
            throw new UnsupportedOperationException();
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            inRead.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              throw new java.io.InterruptedIOException();
            }
            return -1;
          }
        };
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    ReadAheadInputStream in = ReadAheadInputStream.decryptedAhead(blocking);
    assertThat(inRead.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    List<Thread> helper =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().equals("tributary-pgp-decrypt") && !before.contains(t))
            .toList();
    assertThat(helper).hasSize(1);
    Thread stopper = new Thread(in::stop, "stopper");
    stopper.start();
    stopper.join(300);
    assertThat(stopper.isAlive()).as("stop returned while the helper was in the source").isTrue();
    release.countDown();
    stopper.join(10_000);
    assertThat(stopper.isAlive()).as("stop still waits").isFalse();
    assertThat(helper.get(0).isAlive()).as("the helper still runs after stop").isFalse();
  }

  /**
   * Reads with a 10,000-byte buffer until a read throws, checks that what came before is a prefix
   * of {@code data}, then reads three times more (both read methods): the four exceptions.
   */
  private static List<Throwable> readUntilItFails(InputStream in, byte[] data) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    List<Throwable> thrown = new ArrayList<>();
    byte[] buffer = new byte[10_000];
    while (thrown.isEmpty()) {
      try {
        int n = in.read(buffer, 0, buffer.length);
        assertThat(n).as("read ended before the failure").isPositive();
        got.write(buffer, 0, n);
      } catch (IOException e) {
        thrown.add(e);
      }
    }
    byte[] before = got.toByteArray();
    Chunks.assertSameBytes(before, Arrays.copyOf(data, before.length), "read before the failure");
    for (int i = 0; i < 3; i++) {
      Throwable t = i == 1 ? catchIo(in::read) : catchIo(() -> in.read(buffer, 0, buffer.length));
      thrown.add(t);
    }
    return thrown;
  }

  private interface Read {
    int read() throws IOException;
  }

  private static Throwable catchIo(Read read) {
    try {
      int n = read.read();
      throw new AssertionError("read returned " + n + " instead of throwing");
    } catch (IOException e) {
      return e;
    }
  }

  /**
   * Once closed, every read fails as java.io streams do, though bytes read ahead are still in the
   * buffers: it used to go on returning them. A second close does nothing.
   */
  @Test
  void read_afterClose_fails_evenWithBytesReadAhead() throws Exception {
    for (int length : new int[] {1000, 3 * BUFFER, 0}) {
      byte[] data = Chunks.random(length, length);
      ReadAheadInputStream in = new ReadAheadInputStream(new Source(data, length));
      assertThat(in.read()).isEqualTo(length == 0 ? -1 : data[0] & 0xff); // a buffer is held
      in.close();

      List<Read> reads =
          List.of(
              in::read,
              () -> in.read(new byte[10], 0, 10),
              () -> in.read(new byte[10], 0, 0),
              () -> (int) in.transferTo(new ByteArrayOutputStream()));
      for (Read read : reads) {
        assertThat(catchIo(read))
            .as("%d bytes", length)
            .isExactlyInstanceOf(IOException.class)
            .hasMessage("the stream is closed");
      }
      in.close();
    }
  }

  @Test
  void close_beforeTheSourceGaveAnything_makesReadFail() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    InputStream slow =
        new InputStream() {
          @Override
          public int read() throws IOException {
            return read(new byte[1], 0, 1);
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            try {
              never.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            throw new IOException("unblocked");
          }
        };
    try {
      ReadAheadInputStream in = new ReadAheadInputStream(slow);
      in.close();
      assertThatThrownBy(() -> in.read(new byte[10], 0, 10))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("closed");
    } finally {
      never.countDown();
    }
  }
}

package dev.tributary.examples.cli.sop;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A verb's streamed output that a failure leaves visibly unfinished: the last {@link #TAIL} bytes
 * are held back until {@link #finish} and dropped by {@link #fail}, and once the input {@link
 * #watch watched} fails to read, nothing more is passed on. For verbs that stream their output as
 * they read stdin ({@code inline-sign}, {@code armor}, {@code dearmor}): a failed run's output
 * stops well before where the reading failed, without its last packets or armor footer, or is
 * empty, so it cannot pass for a whole, shorter one. Constant memory; not thread-safe, but {@link
 * #fail} may come from another thread.
 */
final class UnfinishedOnFailure extends OutputStream {
  /**
   * How much is held back: more than the end of any message sop writes (signature packets, a
   * checksum and an armor footer), so a small failed output is empty.
   */
  static final int TAIL = 64 << 10;

  private final OutputStream out;
  private final byte[] ring;
  private int head;
  private int held;
  private volatile boolean failed;

  UnfinishedOnFailure(OutputStream out) {
    this(out, TAIL);
  }

  UnfinishedOnFailure(OutputStream out, int tail) {
    this.out = Objects.requireNonNull(out, "out");
    this.ring = new byte[tail];
  }

  /** {@code in}, which calls {@link #fail} when a read of it fails. */
  InputStream watch(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        try {
          return super.read();
        } catch (IOException | RuntimeException e) {
          fail();
          throw e;
        }
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        try {
          return super.read(b, off, len);
        } catch (IOException | RuntimeException e) {
          fail();
          throw e;
        }
      }
    };
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (failed) {
      return;
    }
    if (len >= ring.length) {
      passOn(held);
      out.write(b, off, len - ring.length);
      off += len - ring.length;
      len = ring.length;
      head = 0;
    } else if (held + len > ring.length) {
      passOn(held + len - ring.length);
    }
    int at = (head + held) % ring.length;
    int first = Math.min(len, ring.length - at);
    System.arraycopy(b, off, ring, at, first);
    System.arraycopy(b, off + first, ring, 0, len - first);
    held += len;
  }

  /** Writes the oldest {@code n} held bytes. */
  private void passOn(int n) throws IOException {
    int first = Math.min(n, ring.length - head);
    out.write(ring, head, first);
    out.write(ring, 0, n - first);
    head = (head + n) % ring.length;
    held -= n;
  }

  /** Flushes what was passed on; the held tail stays held. */
  @Override
  public void flush() throws IOException {
    if (!failed) {
      out.flush();
    }
  }

  /** The verb succeeded: writes the held tail. */
  void finish() throws IOException {
    if (!failed) {
      passOn(held);
      out.flush();
    }
  }

  /** The verb failed: drops the held tail and everything written after. */
  void fail() {
    failed = true;
  }
}

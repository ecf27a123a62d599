package dev.tributary.pgp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * The text of armored blocks one after another, buffered: what an {@link ArmorDecoder} read ahead
 * past its footer is {@linkplain #unread pushed back} into it, to be read first by the next block.
 * One is read from for every block, so that many blocks nest no streams: a new {@code
 * BufferedInputStream} over what was read ahead and the rest, for each block, made every read go
 * through one stream per block before it (quadratic time, and a {@link StackOverflowError} at some
 * ten thousand blocks). Supports {@link #mark}, for the few characters that tell armor from binary.
 * Not thread-safe, like any stream; {@code close} closes the source.
 */
final class ArmorSource extends InputStream {
  private final InputStream in;
  private byte[] buf;
  private int pos;
  private int count;
  private int markPos = -1;
  private int markLimit;

  ArmorSource(InputStream in, int size) {
    this.in = in;
    this.buf = new byte[size];
  }

  /**
   * Puts {@code len} octets of {@code b} back, before what was not read yet, to be read next; any
   * mark is dropped. They are the last ones read, and still in the buffer, when a decoder gives
   * back what it read ahead: then this copies them over themselves.
   */
  void unread(byte[] b, int off, int len) {
    Objects.checkFromIndexSize(off, len, b.length);
    markPos = -1;
    if (len <= pos) {
      pos -= len;
      System.arraycopy(b, off, buf, pos, len);
      return;
    }
    int remaining = count - pos;
    byte[] target = len + remaining <= buf.length ? buf : new byte[len + remaining];
    System.arraycopy(buf, pos, target, len, remaining);
    System.arraycopy(b, off, target, 0, len);
    buf = target;
    pos = 0;
    count = len + remaining;
  }

  @Override
  public int read() throws IOException {
    if (pos == count && !fill()) {
      return -1;
    }
    return buf[pos++] & 0xff;
  }

  /**
   * What is buffered, or else what one read of the source gives: straight into {@code b}, without a
   * copy, when that is at least a whole buffer and no mark is set.
   */
  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    if (pos == count) {
      if (len >= buf.length && markPos < 0) {
        pos = 0;
        count = 0;
        return in.read(b, off, len);
      }
      if (!fill()) {
        return -1;
      }
    }
    int n = Math.min(len, count - pos);
    System.arraycopy(buf, pos, b, off, n);
    pos += n;
    return n;
  }

  /** Reads more of the source into the buffer, all of it read, keeping what a mark holds. */
  private boolean fill() throws IOException {
    if (markPos >= 0 && pos - markPos >= markLimit) {
      markPos = -1;
    }
    if (markPos < 0) {
      pos = 0;
      count = 0;
    } else if (markPos > 0) {
      System.arraycopy(buf, markPos, buf, 0, count - markPos);
      count -= markPos;
      pos = count;
      markPos = 0;
    }
    if (count == buf.length) {
      buf = Arrays.copyOf(buf, (int) Math.min(markLimit, 2L * buf.length)); // markLimit > count
    }
    int n = in.read(buf, count, buf.length - count);
    if (n <= 0) {
      return false;
    }
    count += n;
    return true;
  }

  @Override
  public long skip(long n) throws IOException {
    if (n <= 0) {
      return 0;
    }
    int buffered = count - pos;
    if (buffered == 0) {
      return markPos < 0 ? in.skip(n) : read() < 0 ? 0 : 1;
    }
    int skipped = (int) Math.min(n, buffered);
    pos += skipped;
    return skipped;
  }

  @Override
  public int available() throws IOException {
    int buffered = count - pos;
    int more = in.available();
    return buffered > Integer.MAX_VALUE - more ? Integer.MAX_VALUE : buffered + more;
  }

  @Override
  public boolean markSupported() {
    return true;
  }

  @Override
  public void mark(int readLimit) {
    markPos = pos;
    markLimit = readLimit;
  }

  @Override
  public void reset() throws IOException {
    if (markPos < 0) {
      throw new IOException("no mark to reset to, or more was read than its limit");
    }
    pos = markPos;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

package dev.tributary.pgp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Turns each CR LF pair of text into LF as it streams, in constant memory: a CR at the end of one
 * piece waits for the first byte of the next, and one that ends the text is kept, as is any CR that
 * no LF follows. {@link #input} and {@link #output} wrap streams in it. Not thread-safe.
 */
public final class CrLfToLf {
  private static final byte CR = '\r';
  private static final byte LF = '\n';
  private static final long CRS = 0x0D0D_0D0D_0D0D_0D0DL;
  private static final long ONES = 0x0101_0101_0101_0101L;
  private static final long HIGHS = 0x8080_8080_8080_8080L;

  /** Eight bytes of an array at any index, the first one lowest. */
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Whether the last byte seen was a CR, not written yet. */
  private boolean heldCr;

  private CrLfToLf() {}

  /**
   * Converts {@code len} bytes of {@code src} into {@code dst} from its start, which has room for
   * {@code len + 1} bytes (a CR held from the piece before); returns how many it wrote. The bytes
   * up to each CR are copied eight at a time: text has a CR a line, and a loop that looked at each
   * byte ran at a quarter of decryption's speed.
   */
  private int convert(byte[] src, int off, int len, byte[] dst) {
    int i = off;
    int end = off + len;
    int w = 0;
    if (heldCr && i < end) {
      heldCr = false;
      if (src[i] != LF) {
        dst[w++] = CR; // a lone CR is data; the byte after it is read below, as any other
      }
    }
    while (true) {
      // Copies the bytes up to the next CR, or to the end, leaving i there. w <= i - off + 1, so
      // the eight bytes written at w fit; those past a CR are overwritten by what follows it.
      while (i <= end - 8) {
        long x = (long) LONGS.get(src, i);
        LONGS.set(dst, w, x);
        int n = bytesBeforeCr(x);
        i += n;
        w += n;
        if (n < 8) {
          break;
        }
      }
      while (i < end && src[i] != CR) {
        dst[w++] = src[i++];
      }
      if (i == end) {
        return w;
      }
      if (++i == end) { // the CR ends the piece: the next piece's first byte decides
        heldCr = true;
        return w;
      }
      if (src[i] != LF) {
        dst[w++] = CR;
      }
    }
  }

  /**
   * How many of the eight bytes of {@code x} (the first in the array's order lowest) come before
   * the first CR, 8 if none is a CR: the lowest zero byte of {@code x ^ CRS}.
   */
  private static int bytesBeforeCr(long x) {
    return Long.numberOfTrailingZeros(zeroBytes(x ^ CRS)) >>> 3;
  }

  /**
   * The high bit of {@code v}'s lowest zero byte set, and maybe of bytes above it, never below; 0
   * if no byte is zero. The classic test, exact up to the first zero.
   */
  static long zeroBytes(long v) {
    return (v - ONES) & ~v & HIGHS;
  }

  /** Writes the CR held at the end of the text, if any, into {@code dst}; returns 0 or 1. */
  private int finish(byte[] dst) {
    if (!heldCr) {
      return 0;
    }
    heldCr = false;
    dst[0] = CR;
    return 1;
  }

  /** {@code in} with its CR LF pairs read as LF. Closing it closes {@code in}. */
  public static InputStream input(InputStream in) {
    return new Input(Objects.requireNonNull(in, "in"));
  }

  /**
   * {@code out} with CR LF pairs written to it as LF; {@link Output#finish} writes a CR held at the
   * end. Closing it does not close {@code out}.
   */
  public static Output output(OutputStream out) {
    return new Output(Objects.requireNonNull(out, "out"));
  }

  private static final int PIECE = 1 << 16;

  private static final class Input extends InputStream {
    private final CrLfToLf conversion = new CrLfToLf();
    private final InputStream in;
    private final byte[] raw = new byte[PIECE];
    private final byte[] converted = new byte[PIECE + 1];
    private final byte[] one = new byte[1];
    private int pos;
    private int lim;
    private boolean end;

    Input(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      if (len == 0) {
        return 0;
      }
      // A piece may convert to nothing: a lone CR, held to see whether an LF follows.
      while (pos == lim) {
        if (end) {
          return -1;
        }
        int n = in.read(raw, 0, raw.length);
        pos = 0;
        if (n < 0) {
          end = true;
          lim = conversion.finish(converted);
        } else {
          lim = conversion.convert(raw, 0, n, converted);
        }
      }
      int n = Math.min(len, lim - pos);
      System.arraycopy(converted, pos, b, off, n);
      pos += n;
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** Writes text with its CR LF pairs made LF. Not thread-safe. */
  public static final class Output extends OutputStream {
    private final CrLfToLf conversion = new CrLfToLf();
    private final OutputStream out;
    private final byte[] converted = new byte[PIECE + 1];

    private Output(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      for (int done = 0; done < len; done += PIECE) {
        int n = conversion.convert(b, off + done, Math.min(PIECE, len - done), converted);
        out.write(converted, 0, n);
      }
    }

    /** Writes the CR held back at the end of the text, if the text ended in one. */
    public void finish() throws IOException {
      out.write(converted, 0, conversion.finish(converted));
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }
  }
}

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
   * Converts {@code len} bytes of {@code src} from {@code off} into {@code dst} from {@code
   * dstOff}, which has room for {@code len + 1} bytes (a CR held from the piece before); returns
   * how many it wrote. {@code dst} may also be {@code src} itself at {@code off}, when no CR is
   * held: the text is then converted in place, as it never gets longer. The bytes up to each CR are
   * copied eight at a time: text has a CR a line, and a loop that looked at each byte ran at a
   * quarter of decryption's speed.
   */
  private int convert(byte[] src, int off, int len, byte[] dst, int dstOff) {
    int i = off;
    int end = off + len;
    int w = dstOff;
    if (heldCr && i < end) {
      heldCr = false;
      if (src[i] != LF) {
        dst[w++] = CR; // a lone CR is data; the byte after it is read below, as any other
      }
    }
    while (true) {
      // Copies the bytes up to the next CR, or to the end, leaving i there. w - dstOff <= i - off
      // + 1, so the eight bytes written at w fit; those past a CR are overwritten by what follows
      // it. In place, w <= i, and they would overwrite bytes still to be read when w is less than
      // eight behind the CR (the first lines of a piece): those few are copied one at a time. The
      // loop steps a whole eight bytes until it meets a CR, so that the next read's index does not
      // wait for this one's search: stepping by the count before the CR ran at half the speed.
      while (i <= end - 8) {
        long x = (long) LONGS.get(src, i);
        long crs = zeroBytes(x ^ CRS);
        if (crs != 0) {
          int n = Long.numberOfTrailingZeros(crs) >>> 3; // the bytes before the first CR
          if (dst != src || w == i || w + 8 <= i + n) {
            LONGS.set(dst, w, x);
          } else {
            for (int k = 0; k < n; k++) {
              dst[w + k] = src[i + k];
            }
          }
          i += n;
          w += n;
          break;
        }
        LONGS.set(dst, w, x);
        i += 8;
        w += 8;
      }
      while (i < end && src[i] != CR) {
        dst[w++] = src[i++];
      }
      if (i == end) {
        return w - dstOff;
      }
      if (++i == end) { // the CR ends the piece: the next piece's first byte decides
        heldCr = true;
        return w - dstOff;
      }
      if (src[i] != LF) {
        dst[w++] = CR;
      }
    }
  }

  /**
   * The high bit of {@code v}'s lowest zero byte set, and maybe of bytes above it, never below; 0
   * if no byte is zero. The classic test, exact up to the first zero.
   */
  static long zeroBytes(long v) {
    return (v - ONES) & ~v & HIGHS;
  }

  /**
   * Writes the CR held from the piece before, if any, into {@code dst} at {@code at}, and forgets
   * it; returns 0 or 1.
   */
  private int takeHeldCr(byte[] dst, int at) {
    if (!heldCr) {
      return 0;
    }
    heldCr = false;
    dst[at] = CR;
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

  /**
   * Reads of at least this many bytes are read into the caller's buffer and converted there;
   * smaller ones are served from a piece read and converted ahead.
   */
  private static final int DIRECT = 1 << 13;

  private static final class Input extends InputStream {
    private final CrLfToLf conversion = new CrLfToLf();
    private final InputStream in;

    /** For reads smaller than {@link #DIRECT}: [pos, lim) is converted text not handed out yet. */
    private final byte[] piece = new byte[PIECE];

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
      if (pos == lim) {
        // A large read goes into b: no copy, and the source is asked for as much as b takes.
        if (len >= DIRECT) {
          return readConverted(b, off, len);
        }
        lim = Math.max(readConverted(piece, 0, piece.length), 0);
        pos = 0;
        if (lim == 0) {
          return -1;
        }
      }
      int n = Math.min(len, lim - pos);
      System.arraycopy(piece, pos, b, off, n);
      pos += n;
      return n;
    }

    /**
     * Reads up to {@code len} (at least 2) bytes into {@code b} and converts them there; returns
     * how many it converted to, at least one, or -1 at the end. A CR held from the read before goes
     * first, so that the conversion starts with none held and can work in place.
     */
    private int readConverted(byte[] b, int off, int len) throws IOException {
      while (!end) {
        int held = conversion.heldCr ? 1 : 0;
        if (held == 1) {
          b[off] = CR; // not taken yet: a failed read below leaves it held
        }
        int n = in.read(b, off + held, len - held);
        if (n < 0) {
          end = true;
          return conversion.takeHeldCr(b, off) == 1 ? 1 : -1;
        }
        conversion.heldCr = false;
        int converted = conversion.convert(b, off, held + n, b, off);
        if (converted > 0) {
          return converted;
        }
        // A piece may convert to nothing: a lone CR, held to see whether an LF follows.
      }
      return -1;
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
        int n = conversion.convert(b, off + done, Math.min(PIECE, len - done), converted, 0);
        out.write(converted, 0, n);
      }
    }

    /** Writes the CR held back at the end of the text, if the text ended in one. */
    public void finish() throws IOException {
      out.write(converted, 0, conversion.takeHeldCr(converted, 0));
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }
  }
}

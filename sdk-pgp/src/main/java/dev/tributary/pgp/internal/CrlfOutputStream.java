package dev.tributary.pgp.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Writes text with its line endings made CRLF, the canonical form of RFC 9580 (section 5.2.1.2): LF
 * and a lone CR become CRLF, CRLF stays. {@link #close} ends a last lone CR and closes the stream
 * below. Public for the benchmarks only. Not thread-safe.
 */
public final class CrlfOutputStream extends FilterOutputStream {
  static final byte CR = '\r';
  static final byte LF = '\n';

  /** CR, and LF, in each of a word's eight octets. */
  static final long CRS = 0x0D0D_0D0D_0D0D_0D0DL;

  static final long LFS = 0x0A0A_0A0A_0A0A_0A0AL;

  /** Eight bytes of an array at any index, the first one lowest (also text signatures' hashing). */
  static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** The most bytes of a write converted at once; each may become two. */
  private static final int PIECE = 1 << 15;

  private final byte[] converted = new byte[2 * PIECE + 8];

  /** Whether the last byte written was a CR: its LF is written before the next byte or at close. */
  private boolean afterCr;

  /** A stream that writes the text it is given to {@code out} with CRLF line endings. */
  public CrlfOutputStream(OutputStream out) {
    super(Objects.requireNonNull(out, "out"));
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    for (int done = 0; done < len; done += PIECE) {
      int n = convert(b, off + done, Math.min(PIECE, len - done));
      out.write(converted, 0, n);
    }
  }

  /**
   * Converts {@code len} bytes of {@code src} into {@link #converted} from its start; returns how
   * many it wrote. The bytes up to each CR or LF are copied eight at a time, as {@link CrLfToLf}
   * copies them: a loop that looked at each byte made text encryption a quarter as fast as binary.
   */
  private int convert(byte[] src, int off, int len) {
    byte[] dst = converted;
    int i = off;
    int end = off + len;
    int w = 0;
    if (afterCr && i < end) {
      afterCr = false;
      dst[w++] = LF; // the held CR's LF: the text's own, or one added to a lone CR
      if (src[i] == LF) {
        i++;
      }
    }
    while (true) {
      // Copies the bytes up to the next CR or LF, or to the end, leaving i there. Each byte read
      // so far wrote at most two, plus the held CR's LF, so the eight bytes written at w fit in
      // 2 * PIECE + 8; those past a CR or LF are overwritten by what follows it. The loop steps a
      // whole eight bytes until it meets a CR or LF, so that the next read's index does not wait
      // for this one's search, as in CrLfToLf: stepping by the count before it was slower.
      while (i <= end - 8) {
        long x = (long) LONGS.get(src, i);
        LONGS.set(dst, w, x);
        long ends = CrLfToLf.zeroBytes(x ^ CRS) | CrLfToLf.zeroBytes(x ^ LFS);
        if (ends != 0) {
          int n = Long.numberOfTrailingZeros(ends) >>> 3; // the bytes before the first CR or LF
          i += n;
          w += n;
          break;
        }
        i += 8;
        w += 8;
      }
      while (i < end && src[i] != CR && src[i] != LF) {
        dst[w++] = src[i++];
      }
      if (i == end) {
        return w;
      }
      byte c = src[i++];
      dst[w++] = CR;
      if (c == CR) {
        if (i == end) { // the next write's first byte tells whether the text has its own LF
          afterCr = true;
          return w;
        }
        if (src[i] == LF) {
          i++;
        }
      }
      dst[w++] = LF;
    }
  }

  @Override
  public void close() throws IOException {
    if (afterCr) {
      out.write(LF);
      afterCr = false;
    }
    super.close();
  }
}

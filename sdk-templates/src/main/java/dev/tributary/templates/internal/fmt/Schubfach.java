package dev.tributary.templates.internal.fmt;

import java.math.BigInteger;

/**
 * The shortest decimal that rounds back to a double (and of those the closest), by Raffaello
 * Giulietti's Schubfach algorithm — the digits Go's {@code strconv} prints for precision -1. Java
 * 17's {@code Double.toString} is not always shortest, hence this class. The table of powers of ten
 * is computed once at class initialisation. Stateless and thread-safe.
 */
final class Schubfach {
  private static final int P = 53;
  private static final int Q_MIN = -1074;
  private static final long C_MIN = 1L << (P - 1);
  private static final long T_MASK = C_MIN - 1;
  private static final int BQ_MASK = 0x7FF;
  private static final long C_TINY = 3;
  private static final int K_MIN = -324;
  private static final int K_MAX = 292;
  private static final long MASK_63 = (1L << 63) - 1;
  private static final long[] G = table();

  private Schubfach() {}

  /** 10^-k as g = g1 2^63 + g0, scaled into [2^125, 2^126), rounded up; see the paper. */
  private static long[] table() {
    long[] g = new long[(K_MAX - K_MIN + 1) * 2];
    for (int k = K_MIN; k <= K_MAX; k++) {
      BigInteger floor;
      if (k <= 0) {
        BigInteger n = BigInteger.TEN.pow(-k);
        int r = n.bitLength() - 126;
        floor = r >= 0 ? n.shiftRight(r) : n.shiftLeft(-r);
      } else {
        BigInteger d = BigInteger.TEN.pow(k);
        floor = BigInteger.ONE.shiftLeft(125 + d.bitLength()).divide(d);
      }
      BigInteger beta = floor.add(BigInteger.ONE);
      g[(k - K_MIN) * 2] = beta.shiftRight(63).longValueExact();
      g[(k - K_MIN) * 2 + 1] = beta.longValue() & MASK_63;
    }
    return g;
  }

  /**
   * Writes the shortest digits of {@code |v|} (finite, non-zero) into {@code out}: the digits
   * without trailing zeros and the decimal point position, value = 0.d1d2…dn × 10^dp.
   */
  static void shortest(double v, Digits out) {
    long bits = Double.doubleToRawLongBits(v);
    long t = bits & T_MASK;
    int bq = (int) (bits >>> (P - 1)) & BQ_MASK;
    if (bq != 0) {
      int mq = -Q_MIN + 1 - bq;
      long c = C_MIN | t;
      if (0 < mq && mq < P) {
        long f = c >> mq;
        if (f << mq == c) {
          out.set(f, 0);
          return;
        }
      }
      toDecimal(-mq, c, 0, out);
    } else if (t < C_TINY) {
      // The two smallest subnormals: one digit reads back, as Go prints them (the JDK, which
      // wants at least two digits, would say 4.9e-324 and 9.9e-324).
      out.set(t == 1 ? 5 : 1, t == 1 ? -324 : -323);
    } else {
      toDecimal(Q_MIN, t, 0, out);
    }
  }

  private static void toDecimal(int q, long c, int dk, Digits out) {
    int odd = (int) c & 0x1;
    long cb = c << 2;
    long cbr = cb + 2;
    long cbl;
    int k;
    if (c != C_MIN || q == Q_MIN) {
      cbl = cb - 2;
      k = flog10pow2(q);
    } else {
      cbl = cb - 1;
      k = flog10threeQuartersPow2(q);
    }
    int h = q + flog2pow10(-k) + 2;
    long g1 = G[(k - K_MIN) * 2];
    long g0 = G[(k - K_MIN) * 2 + 1];
    long vb = rop(g1, g0, cb << h);
    long vbl = rop(g1, g0, cbl << h);
    long vbr = rop(g1, g0, cbr << h);
    long s = vb >> 2;
    if (s >= 100) {
      long sp10 = 10 * Math.multiplyHigh(s, 115_292_150_460_684_698L << 4);
      long tp10 = sp10 + 10;
      boolean upin = vbl + odd <= sp10 << 2;
      boolean wpin = (tp10 << 2) + odd <= vbr;
      if (upin != wpin) {
        out.set(upin ? sp10 : tp10, k);
        return;
      }
    }
    long t = s + 1;
    boolean uin = vbl + odd <= s << 2;
    boolean win = (t << 2) + odd <= vbr;
    if (uin != win) {
      out.set(uin ? s : t, k + dk);
      return;
    }
    long cmp = vb - ((s + t) << 1);
    out.set(cmp < 0 || (cmp == 0 && (s & 0x1) == 0) ? s : t, k + dk);
  }

  private static long rop(long g1, long g0, long cp) {
    long x1 = Math.multiplyHigh(g0, cp);
    long y0 = g1 * cp;
    long y1 = Math.multiplyHigh(g1, cp);
    long z = (y0 >>> 1) + x1;
    long vbp = y1 + (z >>> 63);
    return vbp | (((z & MASK_63) + MASK_63) >>> 63);
  }

  private static int flog10pow2(int e) {
    return (int) ((e * 661_971_961_083L) >> 41);
  }

  private static int flog10threeQuartersPow2(int e) {
    return (int) ((e * 661_971_961_083L - 274_743_187_321L) >> 41);
  }

  private static int flog2pow10(int e) {
    return (int) ((e * 913_124_641_741L) >> 38);
  }
}

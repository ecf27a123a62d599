package dev.tributary.templates.internal.fmt;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Decimal digits of a non-negative number as Go's {@code strconv} holds them: {@code nd} digits
 * without trailing zeros and the decimal point position {@code dp}, value = 0.d1…dn × 10^dp. Zero
 * has no digits. Mutable scratch space; not thread-safe.
 */
final class Digits {
  final byte[] d = new byte[800];
  int nd;
  int dp;

  /** Sets the digits of {@code f × 10^e}. */
  void set(long f, int e) {
    while (f != 0 && f % 10 == 0) {
      f /= 10;
      e++;
    }
    if (f == 0) {
      nd = 0;
      dp = 0;
      return;
    }
    int n = 0;
    for (long x = f; x != 0; x /= 10) {
      n++;
    }
    for (int i = n - 1; i >= 0; i--) {
      d[i] = (byte) ('0' + f % 10);
      f /= 10;
    }
    nd = n;
    dp = n + e;
  }

  /** Sets the digits of {@code |v|} rounded half-even to {@code significant} digits. */
  void setSignificant(double v, int significant) {
    double abs = Math.abs(v);
    if (abs == 0) {
      nd = 0;
      dp = 0;
      return;
    }
    if (significant <= 15 && abs >= Double.MIN_NORMAL) {
      // The shortest digits are the exact value rounded to any precision from their own length
      // up to 15 digits: the value is within half an ulp of them, far less than half a step.
      Schubfach.shortest(abs, this);
      if (nd <= significant) {
        return;
      }
    }
    set(new BigDecimal(abs).round(new MathContext(significant, RoundingMode.HALF_EVEN)));
  }

  /** Sets the digits of {@code |v|} rounded half-even to {@code decimals} places. */
  void setFixed(double v, int decimals) {
    double abs = Math.abs(v);
    if (abs == 0) {
      nd = 0;
      dp = 0;
      return;
    }
    if (decimals <= 17 && abs * POW10[decimals] < 0x1p62) {
      setFixedExact(abs, decimals);
      return;
    }
    set(new BigDecimal(abs).setScale(decimals, RoundingMode.HALF_EVEN));
  }

  private static final double[] POW10 = new double[18];
  private static final long[] LONG_POW10 = new long[18];

  static {
    long p = 1;
    for (int i = 0; i < 18; i++) {
      POW10[i] = p;
      LONG_POW10[i] = p;
      p *= 10;
    }
  }

  /**
   * {@code abs × 10^decimals} rounded half-even to an integer, exactly: abs = m × 2^e, so the
   * product is m × 10^decimals (at most 2^110, held in two longs) shifted right by -e.
   */
  private void setFixedExact(double abs, int decimals) {
    long bits = Double.doubleToRawLongBits(abs);
    int be = (int) (bits >>> 52) & 0x7FF;
    long m = bits & ((1L << 52) - 1);
    if (be == 0) {
      be = 1;
    } else {
      m |= 1L << 52;
    }
    int e = be - 1075;
    long scale = LONG_POW10[decimals];
    long q;
    if (e >= 0) {
      q = (m << e) * scale; // exact: abs × 10^decimals < 2^62
    } else {
      q = shiftRoundHalfEven(Math.multiplyHigh(m, scale), m * scale, -e);
    }
    set(q, -decimals);
  }

  /** (hi:lo) >> k, rounded half to even; the quotient is known to fit in 62 bits. */
  private static long shiftRoundHalfEven(long hi, long lo, int k) {
    if (k >= 128) {
      return 0; // the product is below 2^110, so far below half of 2^k
    }
    long q;
    long remHi;
    long remLo;
    long halfHi;
    long halfLo;
    if (k < 64) {
      q = k == 0 ? lo : (hi << (64 - k)) | (lo >>> k);
      remHi = 0;
      remLo = k == 0 ? 0 : lo & ((1L << k) - 1);
      halfHi = 0;
      halfLo = k == 0 ? 0 : 1L << (k - 1);
      if (k == 0) {
        return q;
      }
    } else {
      int kk = k - 64;
      q = kk == 0 ? hi : hi >>> kk;
      remHi = kk == 0 ? 0 : hi & ((1L << kk) - 1);
      remLo = lo;
      halfHi = kk == 0 ? 0 : 1L << (kk - 1);
      halfLo = kk == 0 ? Long.MIN_VALUE : 0;
    }
    int cmp = Long.compareUnsigned(remHi, halfHi);
    if (cmp == 0) {
      cmp = Long.compareUnsigned(remLo, halfLo);
    }
    if (cmp > 0 || (cmp == 0 && (q & 1) == 1)) {
      q++;
    }
    return q;
  }

  private void set(BigDecimal x) {
    String unscaled = x.unscaledValue().toString();
    if (unscaled.equals("0")) {
      nd = 0;
      dp = 0;
      return;
    }
    int n = unscaled.length();
    int end = n;
    while (end > 0 && unscaled.charAt(end - 1) == '0') {
      end--;
    }
    for (int i = 0; i < end; i++) {
      d[i] = (byte) unscaled.charAt(i);
    }
    nd = end;
    dp = n - x.scale();
  }
}

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
    set(new BigDecimal(Math.abs(v)).round(new MathContext(significant, RoundingMode.HALF_EVEN)));
  }

  /** Sets the digits of {@code |v|} rounded half-even to {@code decimals} places. */
  void setFixed(double v, int decimals) {
    set(new BigDecimal(Math.abs(v)).setScale(decimals, RoundingMode.HALF_EVEN));
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

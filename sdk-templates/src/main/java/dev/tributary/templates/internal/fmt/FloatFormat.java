package dev.tributary.templates.internal.fmt;

/**
 * Go's {@code strconv.AppendFloat} for {@code float64}: formats {@code 'b' 'e' 'E' 'f' 'g' 'G' 'x'
 * 'X'} with a precision, or with -1 for the shortest representation that reads back exactly. Fixed
 * precisions are rounded half-even on the exact binary value, as Go does. Not thread-safe: one
 * instance per {@link Printer}.
 */
final class FloatFormat {
  private static final String LOWER_HEX = "0123456789abcdef";
  private static final String UPPER_HEX = "0123456789ABCDEF";

  private final Digits digs = new Digits();

  /** Appends {@code v} formatted with {@code fmt} and {@code prec} (-1 for shortest). */
  void append(StringBuilder dst, double v, char fmt, int prec) {
    long bits = Double.doubleToRawLongBits(v);
    boolean neg = bits < 0;
    int exp = (int) (bits >>> 52) & 0x7FF;
    long mant = bits & ((1L << 52) - 1);
    if (exp == 0x7FF) {
      dst.append(mant != 0 ? "NaN" : neg ? "-Inf" : "+Inf");
      return;
    }
    if (exp == 0) {
      exp++;
    } else {
      mant |= 1L << 52;
    }
    exp += -1023;
    if (fmt == 'b') {
      fmtB(dst, neg, mant, exp);
      return;
    }
    if (fmt == 'x' || fmt == 'X') {
      fmtX(dst, prec, fmt, neg, mant, exp);
      return;
    }
    boolean shortest = prec < 0;
    if (shortest) {
      if (mant == 0) {
        digs.nd = 0;
        digs.dp = 0;
      } else {
        Schubfach.shortest(v, digs);
      }
      prec = shortestPrecision(fmt);
    } else if (fmt == 'e' || fmt == 'E') {
      digs.setSignificant(v, prec + 1);
    } else if (fmt == 'f') {
      digs.setFixed(v, prec);
    } else if (fmt == 'g' || fmt == 'G') {
      if (prec == 0) {
        prec = 1;
      }
      digs.setSignificant(v, prec);
    } else {
      digs.setSignificant(v, 1);
    }
    formatDigits(dst, shortest, neg, prec, fmt);
  }

  private int shortestPrecision(char fmt) {
    switch (fmt) {
      case 'e', 'E' -> {
        return Math.max(digs.nd - 1, 0);
      }
      case 'f' -> {
        return Math.max(digs.nd - digs.dp, 0);
      }
      case 'g', 'G' -> {
        return digs.nd;
      }
      default -> {
        return -1;
      }
    }
  }

  private void formatDigits(StringBuilder dst, boolean shortest, boolean neg, int prec, char fmt) {
    switch (fmt) {
      case 'e', 'E' -> {
        fmtE(dst, neg, prec, fmt);
        return;
      }
      case 'f' -> {
        fmtF(dst, neg, prec);
        return;
      }
      case 'g', 'G' -> {
        int eprec = prec;
        if (eprec > digs.nd && digs.nd >= digs.dp) {
          eprec = digs.nd;
        }
        if (shortest) {
          eprec = 6;
        }
        int exp = digs.dp - 1;
        if (exp < -4 || exp >= eprec) {
          if (prec > digs.nd) {
            prec = digs.nd;
          }
          fmtE(dst, neg, prec - 1, (char) (fmt + 'e' - 'g'));
          return;
        }
        if (prec > digs.dp) {
          prec = digs.nd;
        }
        fmtF(dst, neg, Math.max(prec - digs.dp, 0));
        return;
      }
      default -> dst.append('%').append(fmt);
    }
  }

  private void fmtE(StringBuilder dst, boolean neg, int prec, char fmt) {
    if (neg) {
      dst.append('-');
    }
    dst.append(digs.nd != 0 ? (char) digs.d[0] : '0');
    if (prec > 0) {
      dst.append('.');
      int i = 1;
      int m = Math.min(digs.nd, prec + 1);
      for (; i < m; i++) {
        dst.append((char) digs.d[i]);
      }
      for (; i <= prec; i++) {
        dst.append('0');
      }
    }
    dst.append(fmt);
    int exp = digs.nd == 0 ? 0 : digs.dp - 1;
    if (exp < 0) {
      dst.append('-');
      exp = -exp;
    } else {
      dst.append('+');
    }
    if (exp < 10) {
      dst.append('0').append((char) ('0' + exp));
    } else if (exp < 100) {
      dst.append((char) ('0' + exp / 10)).append((char) ('0' + exp % 10));
    } else {
      dst.append((char) ('0' + exp / 100))
          .append((char) ('0' + exp / 10 % 10))
          .append((char) ('0' + exp % 10));
    }
  }

  private void fmtF(StringBuilder dst, boolean neg, int prec) {
    if (neg) {
      dst.append('-');
    }
    if (digs.dp > 0) {
      int m = Math.min(digs.nd, digs.dp);
      for (int i = 0; i < m; i++) {
        dst.append((char) digs.d[i]);
      }
      for (; m < digs.dp; m++) {
        dst.append('0');
      }
    } else {
      dst.append('0');
    }
    if (prec > 0) {
      dst.append('.');
      for (int i = 0; i < prec; i++) {
        int j = digs.dp + i;
        dst.append(0 <= j && j < digs.nd ? (char) digs.d[j] : '0');
      }
    }
  }

  private static void fmtB(StringBuilder dst, boolean neg, long mant, int exp) {
    if (neg) {
      dst.append('-');
    }
    dst.append(mant).append('p');
    exp -= 52;
    if (exp >= 0) {
      dst.append('+');
    }
    dst.append(exp);
  }

  private static void fmtX(StringBuilder dst, int prec, char fmt, boolean neg, long mant, int exp) {
    if (mant == 0) {
      exp = 0;
    }
    mant <<= 60 - 52;
    while (mant != 0 && (mant & (1L << 60)) == 0) {
      mant <<= 1;
      exp--;
    }
    if (prec >= 0 && prec < 15) {
      int shift = prec * 4;
      long extra = (mant << shift) & ((1L << 60) - 1);
      mant >>>= 60 - shift;
      if ((extra | (mant & 1)) > 1L << 59) {
        mant++;
      }
      mant <<= 60 - shift;
      if ((mant & (1L << 61)) != 0) {
        mant >>>= 1;
        exp++;
      }
    }
    String hex = fmt == 'X' ? UPPER_HEX : LOWER_HEX;
    if (neg) {
      dst.append('-');
    }
    dst.append('0').append(fmt).append((char) ('0' + ((mant >>> 60) & 1)));
    mant <<= 4;
    if (prec < 0 && mant != 0) {
      dst.append('.');
      while (mant != 0) {
        dst.append(hex.charAt((int) ((mant >>> 60) & 15)));
        mant <<= 4;
      }
    } else if (prec > 0) {
      dst.append('.');
      for (int i = 0; i < prec; i++) {
        dst.append(hex.charAt((int) ((mant >>> 60) & 15)));
        mant <<= 4;
      }
    }
    dst.append(fmt == 'X' ? 'P' : 'p');
    if (exp < 0) {
      dst.append('-');
      exp = -exp;
    } else {
      dst.append('+');
    }
    if (exp < 10) {
      dst.append('0');
    }
    dst.append(exp);
  }
}

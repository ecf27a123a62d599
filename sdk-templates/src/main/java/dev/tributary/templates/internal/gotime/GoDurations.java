package dev.tributary.templates.internal.gotime;

/**
 * Go's {@code time.Duration}: {@code String} ({@code "1h2m3.5s"}) and {@code ParseDuration} ({@code
 * "-1.5h"}, {@code "2h45m"}), in nanoseconds. Stateless and thread-safe.
 */
public final class GoDurations {
  private GoDurations() {}

  /** Thrown by {@link #parse}; the message is Go's. */
  public static final class ParseException extends Exception {
    private static final long serialVersionUID = 1L;

    ParseException(String message) {
      super(message, null, false, false);
    }
  }

  /** Go's {@code Duration.String}. */
  public static String string(long d) {
    char[] buf = new char[32];
    int w = buf.length;
    long u = d < 0 ? -d : d; // treated as unsigned, as Go does for the minimum
    if (Long.compareUnsigned(u, 1_000_000_000L) < 0) {
      if (u == 0) {
        return "0s";
      }
      buf[--w] = 's';
      int prec;
      if (u < 1_000) {
        prec = 0;
        buf[--w] = 'n';
      } else if (u < 1_000_000) {
        prec = 3;
        buf[--w] = 'µ';
      } else {
        prec = 6;
        buf[--w] = 'm';
      }
      long[] wu = fmtFrac(buf, w, u, prec);
      w = fmtInt(buf, (int) wu[0], wu[1]);
    } else {
      buf[--w] = 's';
      long[] wu = fmtFrac(buf, w, u, 9);
      w = (int) wu[0];
      u = wu[1];
      w = fmtInt(buf, w, Long.remainderUnsigned(u, 60));
      u = Long.divideUnsigned(u, 60);
      if (u > 0) {
        buf[--w] = 'm';
        w = fmtInt(buf, w, u % 60);
        u /= 60;
        if (u > 0) {
          buf[--w] = 'h';
          w = fmtInt(buf, w, u);
        }
      }
    }
    if (d < 0) {
      buf[--w] = '-';
    }
    return new String(buf, w, buf.length - w);
  }

  private static long[] fmtFrac(char[] buf, int w, long v, int prec) {
    boolean print = false;
    for (int i = 0; i < prec; i++) {
      long digit = Long.remainderUnsigned(v, 10);
      print = print || digit != 0;
      if (print) {
        buf[--w] = (char) ('0' + digit);
      }
      v = Long.divideUnsigned(v, 10);
    }
    if (print) {
      buf[--w] = '.';
    }
    return new long[] {w, v};
  }

  private static int fmtInt(char[] buf, int w, long v) {
    if (v == 0) {
      buf[--w] = '0';
      return w;
    }
    while (v > 0) {
      buf[--w] = (char) ('0' + v % 10);
      v /= 10;
    }
    return w;
  }

  /** Go's {@code time.ParseDuration}. */
  public static long parse(String orig) throws ParseException {
    String s = orig;
    boolean neg = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return 0;
    }
    if (s.isEmpty()) {
      throw invalid(orig);
    }
    long d = 0;
    int[] pos = {0};
    while (pos[0] < s.length()) {
      long v = term(s, pos, orig);
      d += v;
      if ((d < 0 && d != Long.MIN_VALUE) || (d == Long.MIN_VALUE && !neg)) {
        throw invalid(orig);
      }
    }
    return neg ? -d : d;
  }

  /** One number-and-unit term, in nanoseconds. */
  private static long term(String s, int[] pos, String orig) throws ParseException {
    int i = pos[0];
    char c = s.charAt(i);
    if (!(c == '.' || isDigit(c))) {
      throw invalid(orig);
    }
    long v = 0;
    int start = i;
    for (; i < s.length() && isDigit(s.charAt(i)); i++) {
      if (v > (Long.MAX_VALUE - 9) / 10) {
        throw invalid(orig);
      }
      v = v * 10 + (s.charAt(i) - '0');
    }
    boolean pre = i > start;
    long f = 0;
    double scale = 1;
    boolean post = false;
    if (i < s.length() && s.charAt(i) == '.') {
      int fracStart = ++i;
      boolean overflow = false;
      for (; i < s.length() && isDigit(s.charAt(i)); i++) {
        if (overflow || f > (Long.MAX_VALUE - 9) / 10) {
          overflow = true;
          continue;
        }
        f = f * 10 + (s.charAt(i) - '0');
        scale *= 10;
      }
      post = i > fracStart;
    }
    if (!pre && !post) {
      throw invalid(orig);
    }
    int unitStart = i;
    while (i < s.length() && s.charAt(i) != '.' && !isDigit(s.charAt(i))) {
      i++;
    }
    if (i == unitStart) {
      throw new ParseException("time: missing unit in duration " + quote(orig));
    }
    String unit = s.substring(unitStart, i);
    long nanos = unitNanos(unit);
    if (nanos == 0) {
      throw new ParseException("time: unknown unit " + quote(unit) + " in duration " + quote(orig));
    }
    pos[0] = i;
    if (v > Long.MAX_VALUE / nanos) {
      throw invalid(orig);
    }
    v *= nanos;
    if (f > 0) {
      v += (long) (f * (nanos / scale));
      if (v < 0) {
        throw invalid(orig);
      }
    }
    return v;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static ParseException invalid(String orig) {
    return new ParseException("time: invalid duration " + quote(orig));
  }

  private static long unitNanos(String unit) {
    switch (unit) {
      case "ns" -> {
        return 1;
      }
      case "us", "µs", "μs" -> {
        return 1_000;
      }
      case "ms" -> {
        return 1_000_000;
      }
      case "s" -> {
        return 1_000_000_000L;
      }
      case "m" -> {
        return 60_000_000_000L;
      }
      case "h" -> {
        return 3_600_000_000_000L;
      }
      default -> {
        return 0;
      }
    }
  }

  static String quote(String s) {
    return "\"" + s + "\"";
  }
}

package dev.tributary.templates.internal.fmt;

import dev.tributary.templates.internal.value.GoStrings;

/**
 * Go's {@code fmt.fmt}: the flags, width and precision of one verb, and the padding and number
 * formatting that honour them. A port of Go's {@code fmt/format.go}. Not thread-safe.
 */
class Fmt {
  static final String LDIGITS = "0123456789abcdefx";
  static final String UDIGITS = "0123456789ABCDEFX";

  final StringBuilder buf = new StringBuilder(64);
  private final FloatFormat floats = new FloatFormat();
  private final StringBuilder scratch = new StringBuilder(32);

  boolean widPresent;
  boolean precPresent;
  boolean minus;
  boolean plus;
  boolean sharp;
  boolean space;
  boolean zero;
  boolean plusV;
  boolean sharpV;
  int wid;
  int prec;

  void clearFlags() {
    widPresent = false;
    precPresent = false;
    minus = false;
    plus = false;
    sharp = false;
    space = false;
    zero = false;
    plusV = false;
    sharpV = false;
    wid = 0;
    prec = 0;
  }

  void writePadding(int n) {
    char pad = zero ? '0' : ' ';
    for (int i = 0; i < n; i++) {
      buf.append(pad);
    }
  }

  /** Appends {@code s} padded to the width, counting runes as Go does. */
  void pad(CharSequence s) {
    if (!widPresent || wid == 0) {
      buf.append(s);
      return;
    }
    int width = wid - GoStrings.runeCount(s);
    if (!minus) {
      writePadding(width);
      buf.append(s);
    } else {
      buf.append(s);
      writePadding(width);
    }
  }

  void fmtBoolean(boolean v) {
    pad(v ? "true" : "false");
  }

  /** {@code %U}: U+0078, or U+0078 'x' with {@code #}. */
  void fmtUnicode(long u) {
    StringBuilder s = scratch();
    int digits = precPresent && prec > 4 ? prec : 4;
    s.append("U+");
    String hex = Long.toHexString(u).toUpperCase(java.util.Locale.ROOT);
    for (int i = hex.length(); i < digits; i++) {
      s.append('0');
    }
    s.append(hex);
    if (sharp && u >= 0 && u <= 0x10FFFF && Strconv.isPrint((int) u)) {
      s.append(" '").appendCodePoint((int) u).append('\'');
    }
    boolean oldZero = zero;
    zero = false;
    pad(s);
    zero = oldZero;
  }

  /** Go's {@code fmtInteger}: {@code u} is the value's bits; negative if signed and below 0. */
  void fmtInteger(long u, int base, boolean signed, char verb, String digits) {
    boolean negative = signed && u < 0;
    if (negative) {
      u = -u; // Long.MIN_VALUE stays itself and is treated as unsigned below
    }
    int precision = 0;
    if (precPresent) {
      precision = prec;
      if (precision == 0 && u == 0) {
        boolean oldZero = zero;
        zero = false;
        writePadding(wid);
        zero = oldZero;
        return;
      }
    } else if (zero && widPresent) {
      precision = wid;
      if (negative || plus || space) {
        precision--;
      }
    }
    char[] b = new char[68 + (widPresent || precPresent ? wid + prec + 3 : 0)];
    int i = b.length;
    i = writeDigits(b, i, u, base, digits);
    while (i > 0 && precision > b.length - i) {
      b[--i] = '0';
    }
    if (sharp) {
      if (base == 2) {
        b[--i] = 'b';
        b[--i] = '0';
      } else if (base == 8 && b[i] != '0') {
        b[--i] = '0';
      } else if (base == 16) {
        b[--i] = digits.charAt(16);
        b[--i] = '0';
      }
    }
    if (verb == 'O') {
      b[--i] = 'o';
      b[--i] = '0';
    }
    if (negative) {
      b[--i] = '-';
    } else if (plus) {
      b[--i] = '+';
    } else if (space) {
      b[--i] = ' ';
    }
    boolean oldZero = zero;
    zero = false;
    pad(java.nio.CharBuffer.wrap(b, i, b.length - i));
    zero = oldZero;
  }

  private static int writeDigits(char[] b, int i, long u, int base, String digits) {
    if (base == 10) {
      while (Long.compareUnsigned(u, 10) >= 0) {
        long next = Long.divideUnsigned(u, 10);
        b[--i] = (char) ('0' + (u - next * 10));
        u = next;
      }
    } else {
      int shift = base == 16 ? 4 : base == 8 ? 3 : 1;
      long mask = base - 1L;
      while (Long.compareUnsigned(u, base) >= 0) {
        b[--i] = digits.charAt((int) (u & mask));
        u >>>= shift;
      }
    }
    b[--i] = digits.charAt((int) u);
    return i;
  }

  /** The string cut to the precision, in runes. */
  String truncate(String s) {
    if (precPresent) {
      int n = prec;
      for (int i = 0; i < s.length(); i += GoStrings.charCount(s, i)) {
        n--;
        if (n < 0) {
          return s.substring(0, i);
        }
      }
    }
    return s;
  }

  void fmtS(String s) {
    pad(truncate(s));
  }

  /** {@code %x} of a string: two hex digits per byte. */
  void fmtSx(String s, String digits) {
    byte[] b = GoStrings.toBytes(s);
    int length = b.length;
    if (precPresent && prec < length) {
      length = prec;
    }
    int width = 2 * length;
    if (width > 0) {
      if (space) {
        if (sharp) {
          width *= 2;
        }
        width += length - 1;
      } else if (sharp) {
        width += 2;
      }
    } else {
      if (widPresent) {
        writePadding(wid);
      }
      return;
    }
    if (widPresent && wid > width && !minus) {
      writePadding(wid - width);
    }
    if (sharp) {
      buf.append('0').append(digits.charAt(16));
    }
    for (int i = 0; i < length; i++) {
      if (space && i > 0) {
        buf.append(' ');
        if (sharp) {
          buf.append('0').append(digits.charAt(16));
        }
      }
      int c = b[i] & 0xFF;
      buf.append(digits.charAt(c >> 4)).append(digits.charAt(c & 0xF));
    }
    if (widPresent && wid > width && minus) {
      writePadding(wid - width);
    }
  }

  void fmtQ(String s) {
    s = truncate(s);
    if (sharp && Strconv.canBackquote(s)) {
      pad("`" + s + "`");
      return;
    }
    StringBuilder q = scratch();
    Strconv.appendQuoted(q, s, '"', plus);
    pad(q);
  }

  /** {@code %c}: the character; out-of-range values print U+FFFD. */
  void fmtC(long c) {
    int r = c < 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF) ? 0xFFFD : (int) c;
    pad(new String(Character.toChars(r)));
  }

  /** {@code %q} of an integer: the quoted character. */
  void fmtQc(long c) {
    int r = c < 0 || c > 0x10FFFF ? 0xFFFD : (int) c;
    StringBuilder q = scratch();
    Strconv.appendQuotedRune(q, r, plus);
    pad(q);
  }

  private StringBuilder scratch() {
    scratch.setLength(0);
    return scratch;
  }

  /** Go's {@code fmtFloat}: {@code verb} is a strconv format, {@code precision} -1 or a default. */
  void fmtFloat(double v, char verb, int precision) {
    if (precPresent) {
      precision = prec;
    }
    StringBuilder num = scratch();
    num.append('+');
    floats.append(num, v, verb, precision);
    if (num.charAt(1) == '-' || num.charAt(1) == '+') {
      num.deleteCharAt(0);
    }
    if (space && num.charAt(0) == '+' && !plus) {
      num.setCharAt(0, ' ');
    }
    if (num.charAt(1) == 'I' || num.charAt(1) == 'N') {
      boolean oldZero = zero;
      zero = false;
      if (num.charAt(1) == 'N' && !space && !plus) {
        num.deleteCharAt(0);
      }
      pad(num);
      zero = oldZero;
      return;
    }
    if (sharp && verb != 'b') {
      sharpFloat(num, verb, precision);
    }
    if (plus || num.charAt(0) != '+') {
      if (zero && widPresent && wid > num.length()) {
        buf.append(num.charAt(0));
        writePadding(wid - num.length());
        buf.append(num, 1, num.length());
        return;
      }
      pad(num);
      return;
    }
    pad(num.subSequence(1, num.length()));
  }

  /** {@code #} on a float: always a decimal point, and trailing zeros kept for %g. */
  private static void sharpFloat(StringBuilder num, char verb, int precision) {
    int digits = 0;
    if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x') {
      digits = precision == -1 ? 6 : precision;
    }
    String tail = "";
    boolean hasDecimalPoint = false;
    boolean sawNonzeroDigit = false;
    for (int i = 1; i < num.length(); i++) {
      char c = num.charAt(i);
      if (c == '.') {
        hasDecimalPoint = true;
      } else if (c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
        tail = num.substring(i);
        num.setLength(i);
      } else {
        if (c != '0') {
          sawNonzeroDigit = true;
        }
        if (sawNonzeroDigit) {
          digits--;
        }
      }
    }
    if (!hasDecimalPoint) {
      if (num.length() == 2 && num.charAt(1) == '0') {
        digits--;
      }
      num.append('.');
    }
    for (; digits > 0; digits--) {
      num.append('0');
    }
    num.append(tail);
  }
}

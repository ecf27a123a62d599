package dev.tributary.templates.internal.fmt;

/**
 * Go's {@code strconv.ParseInt}, {@code ParseUint} and {@code ParseFloat}: the same accepted syntax
 * (base prefixes and {@code _} separators for base 0, hex floats, {@code inf}) and the same
 * distinction between a syntax error and an out-of-range value. Stateless and thread-safe.
 */
public final class GoNumbers {
  private GoNumbers() {}

  /** A number that does not parse; {@link #range} when it parsed but does not fit. */
  public static final class NumberError extends Exception {
    private static final long serialVersionUID = 1L;

    public final boolean range;

    NumberError(String function, String input, boolean range) {
      super(
          "strconv."
              + function
              + ": parsing "
              + Strconv.quote(input)
              + ": "
              + (range ? "value out of range" : "invalid syntax"),
          null,
          false,
          false);
      this.range = range;
    }
  }

  /** Go's {@code strconv.ParseUint(s, base, 64)}; the result's bits are the unsigned value. */
  public static long parseUint(String s, int base) throws NumberError {
    return parseUnsigned(s, base, "ParseUint", s);
  }

  private static long parseUnsigned(String s, int base, String fn, String orig) throws NumberError {
    if (s.isEmpty()) {
      throw new NumberError(fn, orig, false);
    }
    boolean base0 = base == 0;
    String digits = s;
    if (base0) {
      base = 10;
      if (s.charAt(0) == '0') {
        char p = s.length() >= 3 ? Character.toLowerCase(s.charAt(1)) : 0;
        base = p == 'b' ? 2 : p == 'o' ? 8 : p == 'x' ? 16 : 8;
        digits = s.substring(p == 'b' || p == 'o' || p == 'x' ? 2 : 1);
      }
    }
    boolean underscores = false;
    long n = 0;
    long cutoff = Long.divideUnsigned(-1L, base) + 1;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c == '_' && base0) {
        underscores = true;
        continue;
      }
      int d = c < 0x80 ? Character.digit(c, 36) : -1;
      if (d < 0 || d >= base) {
        throw new NumberError(fn, orig, false);
      }
      if (Long.compareUnsigned(n, cutoff) >= 0) {
        throw new NumberError(fn, orig, true);
      }
      n *= base;
      long n1 = n + d;
      if (Long.compareUnsigned(n1, n) < 0) {
        throw new NumberError(fn, orig, true);
      }
      n = n1;
    }
    if (underscores && !underscoreOk(s)) {
      throw new NumberError(fn, orig, false);
    }
    return n;
  }

  /** Go's {@code strconv.ParseInt(s, base, 64)}. */
  public static long parseInt(String s, int base) throws NumberError {
    if (s.isEmpty()) {
      throw new NumberError("ParseInt", s, false);
    }
    boolean neg = false;
    String body = s;
    if (s.charAt(0) == '+' || s.charAt(0) == '-') {
      neg = s.charAt(0) == '-';
      body = s.substring(1);
    }
    long un;
    try {
      un = parseUnsigned(body, base, "ParseInt", s);
    } catch (NumberError e) {
      if (e.range) {
        throw new NumberError("ParseInt", s, true);
      }
      throw e;
    }
    if (!neg && Long.compareUnsigned(un, Long.MIN_VALUE) >= 0) {
      throw new NumberError("ParseInt", s, true);
    }
    if (neg && Long.compareUnsigned(un, Long.MIN_VALUE) > 0) {
      throw new NumberError("ParseInt", s, true);
    }
    return neg ? -un : un;
  }

  /** Go's {@code strconv.ParseFloat(s, 64)}. */
  public static double parseFloat(String s) throws NumberError {
    Double special = special(s);
    if (special != null) {
      return special;
    }
    if (!validFloat(s)) {
      throw new NumberError("ParseFloat", s, false);
    }
    double v = Double.parseDouble(s.replace("_", ""));
    if (Double.isInfinite(v)) {
      throw new NumberError("ParseFloat", s, true);
    }
    return v;
  }

  private static Double special(String s) {
    String t = s;
    double sign = 1;
    boolean signed = false;
    if (!t.isEmpty() && (t.charAt(0) == '+' || t.charAt(0) == '-')) {
      sign = t.charAt(0) == '-' ? -1 : 1;
      t = t.substring(1);
      signed = true;
    }
    if (t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("infinity")) {
      return sign * Double.POSITIVE_INFINITY;
    }
    if (!signed && t.equalsIgnoreCase("nan")) {
      return Double.NaN;
    }
    return null;
  }

  /** Go's {@code readFloat} grammar, consuming the whole string. */
  private static boolean validFloat(String s) {
    int i = 0;
    int n = s.length();
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    boolean hex = false;
    if (i + 2 <= n && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) {
      hex = true;
      i += 2;
    }
    boolean underscores = false;
    boolean sawDot = false;
    boolean sawDigits = false;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c == '_') {
        underscores = true;
      } else if (c == '.') {
        if (sawDot) {
          break;
        }
        sawDot = true;
      } else if (isDigit(c) || (hex && isHexLetter(c))) {
        sawDigits = true;
      } else {
        break;
      }
    }
    if (!sawDigits) {
      return false;
    }
    char expChar = hex ? 'p' : 'e';
    if (i < n && Character.toLowerCase(s.charAt(i)) == expChar) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      if (i >= n || !isDigit(s.charAt(i))) {
        return false;
      }
      while (i < n && (isDigit(s.charAt(i)) || s.charAt(i) == '_')) {
        underscores |= s.charAt(i) == '_';
        i++;
      }
    } else if (hex) {
      return false;
    }
    if (underscores && !underscoreOk(s.substring(0, i))) {
      return false;
    }
    return i == n;
  }

  private static boolean isHexLetter(char c) {
    return (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Go's {@code underscoreOK}: underscores only between digits or after a base prefix. */
  static boolean underscoreOk(String s) {
    char saw = '^';
    int i = 0;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      s = s.substring(1);
    }
    boolean hex = false;
    if (s.length() >= 2 && s.charAt(0) == '0') {
      char p = Character.toLowerCase(s.charAt(1));
      if (p == 'b' || p == 'o' || p == 'x') {
        i = 2;
        saw = '0';
        hex = p == 'x';
      }
    }
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      char lc = Character.toLowerCase(c);
      if (isDigit(c) || (hex && 'a' <= lc && lc <= 'f')) {
        saw = '0';
        continue;
      }
      if (c == '_') {
        if (saw != '0') {
          return false;
        }
        saw = '_';
        continue;
      }
      if (saw == '_') {
        return false;
      }
      saw = '!';
    }
    return saw != '_';
  }
}

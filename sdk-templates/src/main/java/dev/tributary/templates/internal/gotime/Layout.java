package dev.tributary.templates.internal.gotime;

/**
 * Splits a Go time layout ("2006-01-02 15:04:05 MST") into literal text and standard chunks, as
 * Go's {@code nextStdChunk} does. Stateless.
 */
final class Layout {
  static final int NONE = 0;
  static final int LONG_MONTH = 1;
  static final int MONTH = 2;
  static final int NUM_MONTH = 3;
  static final int ZERO_MONTH = 4;
  static final int LONG_WEEKDAY = 5;
  static final int WEEKDAY = 6;
  static final int DAY = 7;
  static final int UNDER_DAY = 8;
  static final int ZERO_DAY = 9;
  static final int UNDER_YEAR_DAY = 10;
  static final int ZERO_YEAR_DAY = 11;
  static final int HOUR = 12;
  static final int HOUR12 = 13;
  static final int ZERO_HOUR12 = 14;
  static final int MINUTE = 15;
  static final int ZERO_MINUTE = 16;
  static final int SECOND = 17;
  static final int ZERO_SECOND = 18;
  static final int LONG_YEAR = 19;
  static final int YEAR = 20;
  static final int PM_UPPER = 21;
  static final int PM_LOWER = 22;
  static final int TZ = 23;
  static final int ISO8601_TZ = 24;
  static final int ISO8601_SECONDS_TZ = 25;
  static final int ISO8601_SHORT_TZ = 26;
  static final int ISO8601_COLON_TZ = 27;
  static final int ISO8601_COLON_SECONDS_TZ = 28;
  static final int NUM_TZ = 29;
  static final int NUM_SECONDS_TZ = 30;
  static final int NUM_SHORT_TZ = 31;
  static final int NUM_COLON_TZ = 32;
  static final int NUM_COLON_SECONDS_TZ = 33;
  static final int FRAC_SECOND0 = 34;
  static final int FRAC_SECOND9 = 35;

  private static final int[] STD0X = {
    ZERO_MONTH, ZERO_DAY, ZERO_HOUR12, ZERO_MINUTE, ZERO_SECOND, YEAR
  };

  /** One step through a layout: literal {@code [from, stdStart)}, then {@code std}. */
  static final class Chunk {
    int stdStart;
    int std;
    int suffix;

    /** For fractional seconds: the number of digits and the separator ('.' or ','). */
    int digits;

    char separator;
  }

  private Layout() {}

  /** Finds the next standard chunk at or after {@code from}; {@code std == NONE} at the end. */
  static void next(String layout, int from, Chunk out) {
    int n = layout.length();
    for (int i = from; i < n; i++) {
      int std = match(layout, i, out);
      if (std != NONE) {
        out.std = std;
        return;
      }
    }
    out.stdStart = n;
    out.std = NONE;
    out.suffix = n;
  }

  private static int match(String l, int i, Chunk out) {
    char c = l.charAt(i);
    out.stdStart = i;
    switch (c) {
      case 'J' -> {
        if (l.startsWith("January", i)) {
          return at(out, i + 7, LONG_MONTH);
        }
        if (l.startsWith("Jan", i) && !startsWithLower(l, i + 3)) {
          return at(out, i + 3, MONTH);
        }
        return NONE;
      }
      case 'M' -> {
        if (l.startsWith("Monday", i)) {
          return at(out, i + 6, LONG_WEEKDAY);
        }
        if (l.startsWith("Mon", i) && !startsWithLower(l, i + 3)) {
          return at(out, i + 3, WEEKDAY);
        }
        return l.startsWith("MST", i) ? at(out, i + 3, TZ) : NONE;
      }
      case '0' -> {
        if (i + 1 < l.length() && l.charAt(i + 1) >= '1' && l.charAt(i + 1) <= '6') {
          return at(out, i + 2, STD0X[l.charAt(i + 1) - '1']);
        }
        return l.startsWith("002", i) ? at(out, i + 3, ZERO_YEAR_DAY) : NONE;
      }
      case '1' -> {
        return l.startsWith("15", i) ? at(out, i + 2, HOUR) : at(out, i + 1, NUM_MONTH);
      }
      case '2' -> {
        return l.startsWith("2006", i) ? at(out, i + 4, LONG_YEAR) : at(out, i + 1, DAY);
      }
      case '_' -> {
        return underscore(l, i, out);
      }
      case '3' -> {
        return at(out, i + 1, HOUR12);
      }
      case '4' -> {
        return at(out, i + 1, MINUTE);
      }
      case '5' -> {
        return at(out, i + 1, SECOND);
      }
      case 'P' -> {
        return l.startsWith("PM", i) ? at(out, i + 2, PM_UPPER) : NONE;
      }
      case 'p' -> {
        return l.startsWith("pm", i) ? at(out, i + 2, PM_LOWER) : NONE;
      }
      case '-' -> {
        return numericZone(l, i, out);
      }
      case 'Z' -> {
        return isoZone(l, i, out);
      }
      case '.', ',' -> {
        return fraction(l, i, out);
      }
      default -> {
        return NONE;
      }
    }
  }

  private static int at(Chunk out, int suffix, int std) {
    out.suffix = suffix;
    return std;
  }

  private static int underscore(String l, int i, Chunk out) {
    if (i + 1 < l.length() && l.charAt(i + 1) == '2') {
      if (l.startsWith("2006", i + 1)) {
        out.stdStart = i + 1; // "_2006" is a literal "_" and a long year
        return at(out, i + 5, LONG_YEAR);
      }
      return at(out, i + 2, UNDER_DAY);
    }
    return l.startsWith("__2", i) ? at(out, i + 3, UNDER_YEAR_DAY) : NONE;
  }

  private static int numericZone(String l, int i, Chunk out) {
    if (l.startsWith("-070000", i)) {
      return at(out, i + 7, NUM_SECONDS_TZ);
    } else if (l.startsWith("-07:00:00", i)) {
      return at(out, i + 9, NUM_COLON_SECONDS_TZ);
    } else if (l.startsWith("-0700", i)) {
      return at(out, i + 5, NUM_TZ);
    } else if (l.startsWith("-07:00", i)) {
      return at(out, i + 6, NUM_COLON_TZ);
    } else if (l.startsWith("-07", i)) {
      return at(out, i + 3, NUM_SHORT_TZ);
    }
    return NONE;
  }

  private static int isoZone(String l, int i, Chunk out) {
    if (l.startsWith("Z070000", i)) {
      return at(out, i + 7, ISO8601_SECONDS_TZ);
    } else if (l.startsWith("Z07:00:00", i)) {
      return at(out, i + 9, ISO8601_COLON_SECONDS_TZ);
    } else if (l.startsWith("Z0700", i)) {
      return at(out, i + 5, ISO8601_TZ);
    } else if (l.startsWith("Z07:00", i)) {
      return at(out, i + 6, ISO8601_COLON_TZ);
    } else if (l.startsWith("Z07", i)) {
      return at(out, i + 3, ISO8601_SHORT_TZ);
    }
    return NONE;
  }

  private static int fraction(String l, int i, Chunk out) {
    if (i + 1 >= l.length() || (l.charAt(i + 1) != '0' && l.charAt(i + 1) != '9')) {
      return NONE;
    }
    char ch = l.charAt(i + 1);
    int j = i + 1;
    while (j < l.length() && l.charAt(j) == ch) {
      j++;
    }
    if (j < l.length() && l.charAt(j) >= '0' && l.charAt(j) <= '9') {
      return NONE;
    }
    out.digits = j - (i + 1);
    out.separator = l.charAt(i);
    return at(out, j, ch == '0' ? FRAC_SECOND0 : FRAC_SECOND9);
  }

  private static boolean startsWithLower(String l, int i) {
    return i < l.length() && l.charAt(i) >= 'a' && l.charAt(i) <= 'z';
  }
}

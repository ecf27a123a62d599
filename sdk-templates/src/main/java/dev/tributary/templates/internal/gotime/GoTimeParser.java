package dev.tributary.templates.internal.gotime;

import dev.tributary.templates.internal.value.GoTime;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Go's {@code time.ParseInLocation} with Go layouts, ported from {@code time/format.go}: the same
 * accepted inputs and the same {@code parsing time "x" as "2006-01-02": cannot parse …} errors. Not
 * thread-safe; one per parse.
 */
public final class GoTimeParser {
  private static final String[] SHORT_MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };
  private static final String[] SHORT_DAYS = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  private static final int[] DAYS_BEFORE = {
    0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365
  };

  /** Thrown for a value that does not match its layout; the message is Go's. */
  public static final class ParseException extends Exception {
    private static final long serialVersionUID = 1L;

    ParseException(String message) {
      super(message, null, false, false);
    }
  }

  private static final class Bad extends Exception {
    private static final long serialVersionUID = 1L;

    Bad() {
      super(null, null, false, false);
    }
  }

  private final String alayout;
  private final String avalue;
  private String value;
  private String rangeErr = "";
  private boolean amSet;
  private boolean pmSet;
  private int year;
  private int month = -1;
  private int day = -1;
  private int yday = -1;
  private int hour;
  private int min;
  private int sec;
  private int nsec;
  private ZoneId z;
  private int zoneOffset = -1;
  private String zoneName = "";

  private GoTimeParser(String layout, String value) {
    this.alayout = layout;
    this.avalue = value;
    this.value = value;
  }

  /** Go's {@code time.ParseInLocation(layout, value, loc)}. */
  public static GoTime parse(String layout, String value, ZoneId loc) throws ParseException {
    return new GoTimeParser(layout, value).run(loc);
  }

  private ParseException error(String layoutElem, String valueElem, String message) {
    if (message.isEmpty()) {
      return new ParseException(
          "parsing time "
              + quote(avalue)
              + " as "
              + quote(alayout)
              + ": cannot parse "
              + quote(valueElem)
              + " as "
              + quote(layoutElem));
    }
    return new ParseException("parsing time " + quote(avalue) + message);
  }

  private static String quote(String s) {
    return "\"" + s + "\"";
  }

  private GoTime run(ZoneId loc) throws ParseException {
    Layout.Chunk chunk = new Layout.Chunk();
    int from = 0;
    while (true) {
      Layout.next(alayout, from, chunk);
      String prefix = alayout.substring(from, chunk.stdStart);
      String stdstr = alayout.substring(chunk.stdStart, chunk.suffix);
      try {
        value = skip(value, prefix);
      } catch (Bad e) {
        throw error(prefix, value, "");
      }
      if (chunk.std == Layout.NONE) {
        if (!value.isEmpty()) {
          throw error("", value, ": extra text: " + quote(value));
        }
        break;
      }
      from = chunk.suffix;
      try {
        element(chunk, from);
      } catch (Bad e) {
        if (!rangeErr.isEmpty()) {
          throw error(stdstr, value, ": " + rangeErr + " out of range");
        }
        throw error(stdstr, value, "");
      }
      if (!rangeErr.isEmpty()) {
        throw error(stdstr, value, ": " + rangeErr + " out of range");
      }
    }
    return finish(loc);
  }

  private void element(Layout.Chunk chunk, int suffix) throws Bad {
    switch (chunk.std) {
      case Layout.YEAR -> {
        if (value.length() < 2) {
          throw new Bad();
        }
        year = atoi(value.substring(0, 2));
        year += year >= 69 ? 1900 : 2000;
        value = value.substring(2);
        return;
      }
      case Layout.LONG_YEAR -> {
        if (value.length() < 4 || !isDigit(value, 0)) {
          throw new Bad();
        }
        year = atoi(value.substring(0, 4));
        value = value.substring(4);
        return;
      }
      case Layout.MONTH -> {
        month = lookup(SHORT_MONTHS) + 1;
        return;
      }
      case Layout.LONG_MONTH -> {
        month = lookup(GoTimes.MONTHS) + 1;
        return;
      }
      case Layout.NUM_MONTH, Layout.ZERO_MONTH -> {
        month = getnum(chunk.std == Layout.ZERO_MONTH);
        if (month <= 0 || 12 < month) {
          rangeErr = "month";
        }
        return;
      }
      case Layout.WEEKDAY -> {
        lookup(SHORT_DAYS);
        return;
      }
      case Layout.LONG_WEEKDAY -> {
        lookup(GoTimes.DAYS);
        return;
      }
      default -> dayOrClock(chunk, suffix);
    }
  }

  private void dayOrClock(Layout.Chunk chunk, int suffix) throws Bad {
    switch (chunk.std) {
      case Layout.DAY, Layout.UNDER_DAY, Layout.ZERO_DAY -> {
        if (chunk.std == Layout.UNDER_DAY && value.startsWith(" ")) {
          value = value.substring(1);
        }
        day = getnum(chunk.std == Layout.ZERO_DAY);
        return;
      }
      case Layout.UNDER_YEAR_DAY, Layout.ZERO_YEAR_DAY -> {
        for (int i = 0; i < 2; i++) {
          if (chunk.std == Layout.UNDER_YEAR_DAY && value.startsWith(" ")) {
            value = value.substring(1);
          }
        }
        yday = getnum3(chunk.std == Layout.ZERO_YEAR_DAY);
        return;
      }
      case Layout.HOUR -> {
        hour = getnum(false);
        if (hour < 0 || 24 <= hour) {
          rangeErr = "hour";
        }
        return;
      }
      case Layout.HOUR12, Layout.ZERO_HOUR12 -> {
        hour = getnum(chunk.std == Layout.ZERO_HOUR12);
        if (hour < 0 || 12 < hour) {
          rangeErr = "hour";
        }
        return;
      }
      case Layout.MINUTE, Layout.ZERO_MINUTE -> {
        min = getnum(chunk.std == Layout.ZERO_MINUTE);
        if (min < 0 || 60 <= min) {
          rangeErr = "minute";
        }
        return;
      }
      case Layout.SECOND, Layout.ZERO_SECOND -> {
        second(chunk.std == Layout.ZERO_SECOND, suffix);
        return;
      }
      case Layout.PM_UPPER, Layout.PM_LOWER -> {
        amPm(
            chunk.std == Layout.PM_UPPER ? "AM" : "am", chunk.std == Layout.PM_UPPER ? "PM" : "pm");
        return;
      }
      case Layout.TZ -> {
        namedZone();
        return;
      }
      case Layout.FRAC_SECOND0 -> {
        int ndigit = 1 + chunk.digits;
        if (value.length() < ndigit) {
          throw new Bad();
        }
        nsec = nanoseconds(ndigit);
        value = value.substring(ndigit);
        return;
      }
      case Layout.FRAC_SECOND9 -> {
        if (value.length() < 2 || !commaOrPeriod(value.charAt(0)) || !isDigit(value, 1)) {
          return;
        }
        int i = 0;
        while (i < 9 && i + 1 < value.length() && isDigit(value, i + 1)) {
          i++;
        }
        nsec = nanoseconds(1 + i);
        value = value.substring(1 + i);
        return;
      }
      default -> numericZone(chunk.std);
    }
  }

  private void second(boolean fixed, int suffix) throws Bad {
    sec = getnum(fixed);
    if (sec < 0 || 60 <= sec) {
      rangeErr = "second";
      return;
    }
    if (value.length() >= 2 && commaOrPeriod(value.charAt(0)) && isDigit(value, 1)) {
      Layout.Chunk next = new Layout.Chunk();
      Layout.next(alayout, suffix, next);
      if (next.std == Layout.FRAC_SECOND0 || next.std == Layout.FRAC_SECOND9) {
        return;
      }
      int n = 2;
      while (n < value.length() && isDigit(value, n)) {
        n++;
      }
      nsec = nanoseconds(n);
      value = value.substring(n);
    }
  }

  private void amPm(String am, String pm) throws Bad {
    if (value.length() < 2) {
      throw new Bad();
    }
    String p = value.substring(0, 2);
    value = value.substring(2);
    if (p.equals(pm)) {
      pmSet = true;
    } else if (p.equals(am)) {
      amSet = true;
    } else {
      throw new Bad();
    }
  }

  private void namedZone() throws Bad {
    if (value.startsWith("UTC")) {
      z = ZoneOffset.UTC;
      value = value.substring(3);
      return;
    }
    int n = parseTimeZone(value);
    if (n <= 0) {
      throw new Bad();
    }
    zoneName = value.substring(0, n);
    value = value.substring(n);
  }

  private void numericZone(int std) throws Bad {
    boolean isoZ =
        std == Layout.ISO8601_TZ
            || std == Layout.ISO8601_SHORT_TZ
            || std == Layout.ISO8601_COLON_TZ;
    if (isoZ && value.startsWith("Z")) {
      value = value.substring(1);
      z = ZoneOffset.UTC;
      return;
    }
    String sign;
    String hh;
    String mm = "00";
    String ss = "00";
    if (std == Layout.ISO8601_COLON_TZ || std == Layout.NUM_COLON_TZ) {
      need(6);
      if (value.charAt(3) != ':') {
        throw new Bad();
      }
      sign = value.substring(0, 1);
      hh = value.substring(1, 3);
      mm = value.substring(4, 6);
      value = value.substring(6);
    } else if (std == Layout.NUM_SHORT_TZ || std == Layout.ISO8601_SHORT_TZ) {
      need(3);
      sign = value.substring(0, 1);
      hh = value.substring(1, 3);
      value = value.substring(3);
    } else if (std == Layout.ISO8601_COLON_SECONDS_TZ || std == Layout.NUM_COLON_SECONDS_TZ) {
      need(9);
      if (value.charAt(3) != ':' || value.charAt(6) != ':') {
        throw new Bad();
      }
      sign = value.substring(0, 1);
      hh = value.substring(1, 3);
      mm = value.substring(4, 6);
      ss = value.substring(7, 9);
      value = value.substring(9);
    } else if (std == Layout.ISO8601_SECONDS_TZ || std == Layout.NUM_SECONDS_TZ) {
      need(7);
      sign = value.substring(0, 1);
      hh = value.substring(1, 3);
      mm = value.substring(3, 5);
      ss = value.substring(5, 7);
      value = value.substring(7);
    } else {
      need(5);
      sign = value.substring(0, 1);
      hh = value.substring(1, 3);
      mm = value.substring(3, 5);
      value = value.substring(5);
    }
    zoneOffset = (atoi(hh) * 60 + atoi(mm)) * 60 + atoi(ss);
    if (sign.equals("-")) {
      zoneOffset = -zoneOffset;
    } else if (!sign.equals("+")) {
      throw new Bad();
    }
  }

  private void need(int n) throws Bad {
    if (value.length() < n) {
      throw new Bad();
    }
  }

  private GoTime finish(ZoneId loc) throws ParseException {
    if (pmSet && hour < 12) {
      hour += 12;
    } else if (amSet && hour == 12) {
      hour = 0;
    }
    if (yday >= 0) {
      dayOfYear();
    } else {
      month = month < 0 ? 1 : month;
      day = day < 0 ? 1 : day;
    }
    if (day < 1 || day > daysIn(month, year)) {
      throw error("", value, ": day out of range");
    }
    LocalDateTime local = LocalDateTime.of(year, month, day, hour, min, sec, nsec);
    if (z != null) {
      return new GoTime(ZonedDateTime.of(local, z));
    }
    if (zoneOffset != -1) {
      ZonedDateTime utc = ZonedDateTime.of(local, ZoneOffset.UTC).minusSeconds(zoneOffset);
      ZonedDateTime inLoc = utc.withZoneSameInstant(loc);
      if (inLoc.getOffset().getTotalSeconds() == zoneOffset
          && (zoneName.isEmpty() || GoTimes.zoneName(inLoc).equals(zoneName))) {
        return new GoTime(inLoc);
      }
      return new GoTime(utc.withZoneSameInstant(ZoneOffset.ofTotalSeconds(zoneOffset)), zoneName);
    }
    if (!zoneName.isEmpty()) {
      return namedZoneTime(local, loc);
    }
    return new GoTime(ZonedDateTime.of(local, loc));
  }

  private GoTime namedZoneTime(LocalDateTime local, ZoneId loc) {
    ZonedDateTime inLoc = ZonedDateTime.of(local, loc);
    if (GoTimes.zoneName(inLoc).equals(zoneName)) {
      return new GoTime(inLoc);
    }
    int offset = 0;
    if (zoneName.length() > 3 && zoneName.startsWith("GMT")) {
      try {
        offset = atoi(zoneName.substring(3)) * 3600;
      } catch (Bad e) {
        offset = 0;
      }
    }
    try {
      return new GoTime(ZonedDateTime.of(local, ZoneOffset.ofTotalSeconds(offset)), zoneName);
    } catch (DateTimeException e) {
      return new GoTime(ZonedDateTime.of(local, ZoneOffset.UTC), zoneName);
    }
  }

  private void dayOfYear() throws ParseException {
    int d = 0;
    int m = 0;
    if (isLeap(year)) {
      if (yday == 31 + 29) {
        m = 2;
        d = 29;
      } else if (yday > 31 + 29) {
        yday--;
      }
    }
    if (yday < 1 || yday > 365) {
      throw error("", value, ": day-of-year out of range");
    }
    if (m == 0) {
      m = (yday - 1) / 31 + 1;
      if (DAYS_BEFORE[m] < yday) {
        m++;
      }
      d = yday - DAYS_BEFORE[m - 1];
    }
    if (month >= 0 && month != m) {
      throw error("", value, ": day-of-year does not match month");
    }
    month = m;
    if (day >= 0 && day != d) {
      throw error("", value, ": day-of-year does not match day");
    }
    day = d;
  }

  private static boolean isLeap(int y) {
    return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
  }

  private static int daysIn(int month, int year) {
    if (month == 2 && isLeap(year)) {
      return 29;
    }
    return DAYS_BEFORE[month] - DAYS_BEFORE[month - 1];
  }

  private int lookup(String[] table) throws Bad {
    for (int i = 0; i < table.length; i++) {
      String v = table[i];
      if (value.length() >= v.length() && value.regionMatches(true, 0, v, 0, v.length())) {
        value = value.substring(v.length());
        return i;
      }
    }
    throw new Bad();
  }

  private int getnum(boolean fixed) throws Bad {
    if (!isDigit(value, 0)) {
      throw new Bad();
    }
    if (!isDigit(value, 1)) {
      if (fixed) {
        throw new Bad();
      }
      int n = value.charAt(0) - '0';
      value = value.substring(1);
      return n;
    }
    int n = (value.charAt(0) - '0') * 10 + (value.charAt(1) - '0');
    value = value.substring(2);
    return n;
  }

  private int getnum3(boolean fixed) throws Bad {
    int n = 0;
    int i = 0;
    for (; i < 3 && isDigit(value, i); i++) {
      n = n * 10 + (value.charAt(i) - '0');
    }
    if (i == 0 || (fixed && i != 3)) {
      throw new Bad();
    }
    value = value.substring(i);
    return n;
  }

  private int nanoseconds(int nbytes) throws Bad {
    if (!commaOrPeriod(value.charAt(0))) {
      throw new Bad();
    }
    int n = Math.min(nbytes, 10);
    int ns = atoi(value.substring(1, n));
    if (ns < 0) {
      rangeErr = "fractional second";
      return 0;
    }
    for (int i = 0; i < 10 - n; i++) {
      ns *= 10;
    }
    return ns;
  }

  private static String skip(String value, String prefix) throws Bad {
    while (!prefix.isEmpty()) {
      if (prefix.charAt(0) == ' ') {
        if (!value.isEmpty() && value.charAt(0) != ' ') {
          throw new Bad();
        }
        prefix = cutSpace(prefix);
        value = cutSpace(value);
        continue;
      }
      if (value.isEmpty() || value.charAt(0) != prefix.charAt(0)) {
        throw new Bad();
      }
      prefix = prefix.substring(1);
      value = value.substring(1);
    }
    return value;
  }

  private static String cutSpace(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    return s.substring(i);
  }

  private static int parseTimeZone(String v) {
    if (v.length() < 3) {
      return 0;
    }
    if (v.startsWith("ChST") || v.startsWith("MeST")) {
      return 4;
    }
    if (v.startsWith("GMT")) {
      return 3 + signedOffset(v.substring(3));
    }
    if (v.charAt(0) == '+' || v.charAt(0) == '-') {
      return signedOffset(v);
    }
    int upper = 0;
    while (upper < 6 && upper < v.length() && v.charAt(upper) >= 'A' && v.charAt(upper) <= 'Z') {
      upper++;
    }
    switch (upper) {
      case 3 -> {
        return 3;
      }
      case 4 -> {
        return v.charAt(3) == 'T' || v.startsWith("WITA") ? 4 : 0;
      }
      case 5 -> {
        return v.charAt(4) == 'T' ? 5 : 0;
      }
      default -> {
        return 0;
      }
    }
  }

  private static int signedOffset(String v) {
    if (v.isEmpty() || (v.charAt(0) != '-' && v.charAt(0) != '+')) {
      return 0;
    }
    int i = 1;
    long x = 0;
    while (i < v.length() && isDigit(v, i)) {
      x = x * 10 + (v.charAt(i) - '0');
      i++;
      if (x > 1_000_000) {
        return 0;
      }
    }
    return i == 1 || x > 23 ? 0 : i;
  }

  private static int atoi(String s) throws Bad {
    boolean neg = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.isEmpty()) {
      throw new Bad();
    }
    long x = 0;
    for (int i = 0; i < s.length(); i++) {
      if (!isDigit(s, i) || x > Integer.MAX_VALUE) {
        throw new Bad();
      }
      x = x * 10 + (s.charAt(i) - '0');
    }
    return (int) (neg ? -x : x);
  }

  private static boolean isDigit(String s, int i) {
    return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
  }

  private static boolean commaOrPeriod(char c) {
    return c == '.' || c == ',';
  }
}

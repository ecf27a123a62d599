package dev.tributary.templates.internal.gotime;

import dev.tributary.templates.internal.value.GoTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Go's {@code time.Time.Format} with Go layouts, {@code Time.String}, {@code Month.String} and
 * {@code Weekday.String}. Zone abbreviations come from the JDK's time zone names, which for the
 * common zones match Go's ({@code UTC}, {@code EST}, {@code CEST}). Stateless and thread-safe.
 */
public final class GoTimes {
  static final String[] MONTHS = {
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December"
  };
  static final String[] DAYS = {
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"
  };

  /** Go's zero time: January 1, year 1, 00:00:00 UTC. */
  public static final Instant ZERO_INSTANT = Instant.parse("0001-01-01T00:00:00Z");

  private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.US);

  private GoTimes() {}

  /** Go's {@code Time.AddDate}: the date part normalised as Go's {@code time.Date} does. */
  public static ZonedDateTime addDate(ZonedDateTime z, long years, long months, long days) {
    LocalDateTime l = z.toLocalDateTime();
    LocalDate date =
        LocalDate.of(l.getYear(), 1, 1)
            .plusYears(years)
            .plusMonths(l.getMonthValue() - 1 + months)
            .plusDays(l.getDayOfMonth() - 1 + days);
    return ZonedDateTime.of(date, l.toLocalTime(), z.getZone());
  }

  /** Go's {@code Time.String}: {@code 2006-01-02 15:04:05.999999999 -0700 MST}. */
  public static String string(GoTime t) {
    return format(t, "2006-01-02 15:04:05.999999999 -0700 MST");
  }

  /** Go's {@code Time.GoString} without its {@code time.Date(…)} wrapper. */
  public static String goString(GoTime t) {
    ZonedDateTime z = t.time();
    String loc = isUtc(z.getZone()) ? "time.UTC" : "time.Location(\"" + z.getZone().getId() + "\")";
    return z.getYear()
        + ", time."
        + MONTHS[z.getMonthValue() - 1]
        + ", "
        + z.getDayOfMonth()
        + ", "
        + z.getHour()
        + ", "
        + z.getMinute()
        + ", "
        + z.getSecond()
        + ", "
        + z.getNano()
        + ", "
        + loc;
  }

  public static String monthName(long m) {
    return m >= 1 && m <= 12 ? MONTHS[(int) m - 1] : "%!Month(" + m + ")";
  }

  public static String weekdayName(long d) {
    return d >= 0 && d <= 6 ? DAYS[(int) d] : "%!Weekday(" + d + ")";
  }

  /** Go's {@code Duration.String}: {@code 1h2m3.5s}. */
  public static String durationString(long d) {
    return GoDurations.string(d);
  }

  /** The zone abbreviation Go prints for {@code MST}; empty when the zone has none. */
  static String zoneName(ZonedDateTime z) {
    ZoneId zone = z.getZone();
    if (isUtc(zone)) {
      return "UTC";
    }
    if (zone instanceof ZoneOffset) {
      return "";
    }
    String name = ZONE_NAME.format(z);
    if (name.startsWith("GMT") && name.length() > 3) {
      return numericName(z.getOffset().getTotalSeconds());
    }
    return name;
  }

  private static String numericName(int offsetSeconds) {
    int minutes = Math.abs(offsetSeconds) / 60;
    String s = (offsetSeconds < 0 ? "-" : "+") + two(minutes / 60);
    return minutes % 60 == 0 ? s : s + two(minutes % 60);
  }

  private static String two(int v) {
    return v < 10 ? "0" + v : Integer.toString(v);
  }

  static boolean isUtc(ZoneId zone) {
    return zone.equals(ZoneOffset.UTC) || zone.getId().equals("UTC") || zone.getId().equals("Z");
  }

  /** Go's {@code Time.Format}. */
  public static String format(GoTime t, String layout) {
    ZonedDateTime z = t.time();
    String name = t.zoneName() != null ? t.zoneName() : zoneName(z);
    StringBuilder b = new StringBuilder(layout.length() + 10);
    Layout.Chunk chunk = new Layout.Chunk();
    int from = 0;
    while (from < layout.length()) {
      Layout.next(layout, from, chunk);
      b.append(layout, from, chunk.stdStart);
      if (chunk.std == Layout.NONE) {
        break;
      }
      from = chunk.suffix;
      appendStd(b, z, name, chunk);
    }
    return b.toString();
  }

  private static void appendStd(
      StringBuilder b, ZonedDateTime z, String zoneName, Layout.Chunk chunk) {
    switch (chunk.std) {
      case Layout.YEAR -> {
        appendInt(b, Math.abs(z.getYear()) % 100, 2);
        return;
      }
      case Layout.LONG_YEAR -> {
        appendInt(b, z.getYear(), 4);
        return;
      }
      case Layout.MONTH -> {
        b.append(MONTHS[z.getMonthValue() - 1], 0, 3);
        return;
      }
      case Layout.LONG_MONTH -> {
        b.append(MONTHS[z.getMonthValue() - 1]);
        return;
      }
      case Layout.NUM_MONTH -> {
        appendInt(b, z.getMonthValue(), 0);
        return;
      }
      case Layout.ZERO_MONTH -> {
        appendInt(b, z.getMonthValue(), 2);
        return;
      }
      case Layout.WEEKDAY -> {
        b.append(DAYS[z.getDayOfWeek().getValue() % 7], 0, 3);
        return;
      }
      case Layout.LONG_WEEKDAY -> {
        b.append(DAYS[z.getDayOfWeek().getValue() % 7]);
        return;
      }
      default -> appendDayOrClock(b, z, zoneName, chunk);
    }
  }

  private static void appendDayOrClock(
      StringBuilder b, ZonedDateTime z, String zoneName, Layout.Chunk chunk) {
    int day = z.getDayOfMonth();
    int yday = z.getDayOfYear();
    int hour12 = z.getHour() % 12 == 0 ? 12 : z.getHour() % 12;
    switch (chunk.std) {
      case Layout.DAY -> {
        appendInt(b, day, 0);
        return;
      }
      case Layout.UNDER_DAY -> {
        b.append(day < 10 ? " " : "");
        appendInt(b, day, 0);
        return;
      }
      case Layout.ZERO_DAY -> {
        appendInt(b, day, 2);
        return;
      }
      case Layout.UNDER_YEAR_DAY -> {
        b.append(yday < 10 ? "  " : yday < 100 ? " " : "");
        appendInt(b, yday, 0);
        return;
      }
      case Layout.ZERO_YEAR_DAY -> {
        appendInt(b, yday, 3);
        return;
      }
      case Layout.HOUR -> {
        appendInt(b, z.getHour(), 2);
        return;
      }
      case Layout.HOUR12 -> {
        appendInt(b, hour12, 0);
        return;
      }
      case Layout.ZERO_HOUR12 -> {
        appendInt(b, hour12, 2);
        return;
      }
      case Layout.MINUTE, Layout.ZERO_MINUTE -> {
        appendInt(b, z.getMinute(), chunk.std == Layout.MINUTE ? 0 : 2);
        return;
      }
      case Layout.SECOND, Layout.ZERO_SECOND -> {
        appendInt(b, z.getSecond(), chunk.std == Layout.SECOND ? 0 : 2);
        return;
      }
      case Layout.PM_UPPER -> {
        b.append(z.getHour() >= 12 ? "PM" : "AM");
        return;
      }
      case Layout.PM_LOWER -> {
        b.append(z.getHour() >= 12 ? "pm" : "am");
        return;
      }
      case Layout.FRAC_SECOND0, Layout.FRAC_SECOND9 -> {
        appendNano(b, z.getNano(), chunk);
        return;
      }
      default -> appendZone(b, z, zoneName, chunk.std);
    }
  }

  private static void appendZone(StringBuilder b, ZonedDateTime z, String name, int std) {
    int offset = z.getOffset().getTotalSeconds();
    if (std == Layout.TZ) {
      if (!name.isEmpty()) {
        b.append(name);
        return;
      }
      int zone = offset / 60;
      b.append(zone < 0 ? '-' : '+');
      appendInt(b, Math.abs(zone) / 60, 2);
      appendInt(b, Math.abs(zone) % 60, 2);
      return;
    }
    boolean iso =
        std == Layout.ISO8601_TZ
            || std == Layout.ISO8601_COLON_TZ
            || std == Layout.ISO8601_SECONDS_TZ
            || std == Layout.ISO8601_SHORT_TZ
            || std == Layout.ISO8601_COLON_SECONDS_TZ;
    if (offset == 0 && iso) {
      b.append('Z');
      return;
    }
    int zone = Math.abs(offset / 60);
    int absoffset = Math.abs(offset);
    b.append(offset / 60 < 0 ? '-' : '+');
    appendInt(b, zone / 60, 2);
    boolean colon =
        std == Layout.ISO8601_COLON_TZ
            || std == Layout.NUM_COLON_TZ
            || std == Layout.ISO8601_COLON_SECONDS_TZ
            || std == Layout.NUM_COLON_SECONDS_TZ;
    if (colon) {
      b.append(':');
    }
    if (std != Layout.NUM_SHORT_TZ && std != Layout.ISO8601_SHORT_TZ) {
      appendInt(b, zone % 60, 2);
    }
    if (std == Layout.ISO8601_SECONDS_TZ
        || std == Layout.NUM_SECONDS_TZ
        || std == Layout.NUM_COLON_SECONDS_TZ
        || std == Layout.ISO8601_COLON_SECONDS_TZ) {
      if (std == Layout.NUM_COLON_SECONDS_TZ || std == Layout.ISO8601_COLON_SECONDS_TZ) {
        b.append(':');
      }
      appendInt(b, absoffset % 60, 2);
    }
  }

  private static void appendNano(StringBuilder b, int nanos, Layout.Chunk chunk) {
    String digits = String.format(Locale.ROOT, "%09d", nanos);
    int n = Math.min(chunk.digits, 9);
    if (chunk.std == Layout.FRAC_SECOND9) {
      while (n > 0 && digits.charAt(n - 1) == '0') {
        n--;
      }
      if (n == 0) {
        return;
      }
    }
    b.append(chunk.separator).append(digits, 0, n);
  }

  /** Go's {@code appendInt}: decimal, zero-padded to {@code width} digits after the sign. */
  static void appendInt(StringBuilder b, long x, int width) {
    if (x < 0) {
      b.append('-');
      x = -x;
    }
    String digits = Long.toString(x);
    for (int w = digits.length(); w < width; w++) {
      b.append('0');
    }
    b.append(digits);
  }
}

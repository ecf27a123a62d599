package dev.tributary.core.schedule;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads and writes the compact duration form of the grammar: {@code 1h30m}, {@code PT15M}. */
final class Durations {
  private static final Pattern COMPACT = Pattern.compile("(\\d{1,9})(ms|s|m|h|d|w)");
  private static final Pattern WHOLE = Pattern.compile("(?:\\d{1,9}(?:ms|s|m|h|d|w))+");

  private Durations() {}

  /** The duration, or {@code null} when the text is neither compact nor ISO-8601. */
  static @Nullable Duration parse(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (WHOLE.matcher(lower).matches()) {
      Duration total = Duration.ZERO;
      Matcher m = COMPACT.matcher(lower);
      while (m.find()) {
        total = total.plus(unit(m.group(2)).multipliedBy(Long.parseLong(m.group(1))));
      }
      return total;
    }
    if (lower.startsWith("p")) {
      try {
        return Duration.parse(text.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }

  private static Duration unit(String unit) {
    return switch (unit) {
      case "ms" -> Duration.ofMillis(1);
      case "s" -> Duration.ofSeconds(1);
      case "m" -> Duration.ofMinutes(1);
      case "h" -> Duration.ofHours(1);
      case "d" -> Duration.ofDays(1);
      case "w" -> Duration.ofDays(7);
      default -> throw new AssertionError(unit);
    };
  }

  /** The compact form, largest units first: {@code 1d2h}, {@code 90s}, {@code 1500ms}. */
  static String format(Duration d) {
    if (!d.equals(d.truncatedTo(ChronoUnit.MILLIS))) {
      return d.toString(); // finer than milliseconds: only ISO-8601 can say it
    }
    if (d.toMillisPart() != 0) {
      return d.toMillis() + "ms";
    }
    StringBuilder out = new StringBuilder();
    long days = d.toDays();
    if (days % 7 == 0
        && days > 0
        && d.toHoursPart() == 0
        && d.toMinutesPart() == 0
        && d.toSecondsPart() == 0) {
      return days / 7 + "w";
    }
    append(out, days, "d");
    append(out, d.toHoursPart(), "h");
    append(out, d.toMinutesPart(), "m");
    append(out, d.toSecondsPart(), "s");
    return out.toString();
  }

  private static void append(StringBuilder out, long amount, String unit) {
    if (amount != 0) {
      out.append(amount).append(unit);
    }
  }
}

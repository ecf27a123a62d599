package dev.tributary.core.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A five-field cron expression: {@code minute hour day-of-month month day-of-week}, with the
 * syntax of Vixie cron (the one {@code crontab(5)} documents):
 *
 * <ul>
 *   <li>each field is {@code *}, a value, a range {@code a-b}, a step <code>*&#47;n</code>,
 *       {@code a-b/n} or {@code a/n} (from a to the end), or a comma-separated list of those;
 *   <li>minute 0–59, hour 0–23, day of month 1–31, month 1–12 or {@code JAN}–{@code DEC}, day of
 *       week 0–7 or {@code SUN}–{@code SAT} (0 and 7 are both Sunday); {@code ?} means {@code *}
 *       in the two day fields;
 *   <li>when both day fields are restricted (neither starts with {@code *}), a day matches if
 *       <em>either</em> matches, as in Vixie cron; otherwise both must;
 *   <li>the macros {@code @yearly} ({@code @annually}), {@code @monthly}, {@code @weekly}, {@code
 *       @daily} ({@code @midnight}) and {@code @hourly}.
 * </ul>
 *
 * An expression that can never fire, such as {@code 0 0 30 2 *}, is refused when parsed.
 * Instances are immutable and thread-safe.
 */
public final class CronExpression {
  private static final Map<String, String> MACROS =
      Map.of(
          "@yearly", "0 0 1 1 *",
          "@annually", "0 0 1 1 *",
          "@monthly", "0 0 1 * *",
          "@weekly", "0 0 * * 0",
          "@daily", "0 0 * * *",
          "@midnight", "0 0 * * *",
          "@hourly", "0 * * * *");

  /** How far ahead to look for a match: long enough for February 29th after a skipped leap year. */
  private static final int HORIZON_YEARS = 9;

  private final String text;
  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet daysOfMonth;
  private final BitSet months;
  private final BitSet daysOfWeek;
  private final boolean dayOfMonthStar;
  private final boolean dayOfWeekStar;

  private CronExpression(String text, CronField.Parsed[] fields) {
    this.text = text;
    this.minutes = fields[0].values();
    this.hours = fields[1].values();
    this.daysOfMonth = fields[2].values();
    this.months = fields[3].values();
    this.daysOfWeek = fields[4].values();
    this.dayOfMonthStar = fields[2].star();
    this.dayOfWeekStar = fields[4].star();
  }

  /**
   * Parses a cron expression.
   *
   * @throws ScheduleParseException naming the bad field and value, or saying why the expression
   *     never fires
   */
  public static CronExpression parse(String expression) {
    Objects.requireNonNull(expression, "expression");
    String text = expression.trim().replaceAll("\\s+", " ");
    String fieldsText = text.startsWith("@") ? macro(expression, text) : text;
    String[] parts = fieldsText.isEmpty() ? new String[0] : fieldsText.split(" ");
    if (parts.length != 5) {
      throw new ScheduleParseException(
          expression,
          expression.trim(),
          1 + expression.indexOf(expression.trim()),
          "a cron expression has five fields (minute hour day-of-month month day-of-week),"
              + " found "
              + parts.length
              + "; for example \"*/15 9-17 * * MON-FRI\"");
    }
    CronField.Parsed[] fields = new CronField.Parsed[5];
    int from = 0;
    int i = 0;
    for (CronField field : CronField.values()) {
      int column = text.startsWith("@") ? 1 : expression.indexOf(parts[i], from) + 1;
      fields[i] = field.parse(parts[i], expression, column);
      from = column - 1 + parts[i].length();
      i++;
    }
    CronExpression cron = new CronExpression(text, fields);
    cron.requireSomeDay(expression);
    return cron;
  }

  private static String macro(String input, String text) {
    String fields = MACROS.get(text.toLowerCase(Locale.ROOT));
    if (fields == null) {
      throw new ScheduleParseException(
          input,
          text,
          1 + input.indexOf(text),
          "unknown macro; use one of @yearly, @annually, @monthly, @weekly, @daily, @midnight,"
              + " @hourly");
    }
    return fields;
  }

  /** Refuses day-of-month and month combinations that name no real date, like {@code 30 2}. */
  private void requireSomeDay(String input) {
    if (!dayOfMonthStar && !dayOfWeekStar) {
      return; // either day field may match, and every weekday occurs in every month
    }
    for (int month = months.nextSetBit(1); month >= 0; month = months.nextSetBit(month + 1)) {
      int longest = java.time.Month.of(month).maxLength();
      int day = daysOfMonth.nextSetBit(1);
      if (day >= 0 && day <= longest) {
        return;
      }
    }
    throw new ScheduleParseException(
        input, text, 1, "never fires: no month it names has one of the days of month it names");
  }

  /** The first matching local time at or after {@code from}, or {@code null} within 9 years. */
  @Nullable LocalDateTime firstAtOrAfter(LocalDateTime from) {
    LocalDateTime t = from.truncatedTo(ChronoUnit.MINUTES);
    if (t.isBefore(from)) {
      t = t.plusMinutes(1);
    }
    int lastYear = from.getYear() + HORIZON_YEARS;
    while (t.getYear() <= lastYear) {
      if (!months.get(t.getMonthValue())) {
        t = t.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay();
      } else if (!dayMatches(t.toLocalDate())) {
        t = t.toLocalDate().plusDays(1).atStartOfDay();
      } else if (!hours.get(t.getHour())) {
        int hour = hours.nextSetBit(t.getHour());
        t = hour < 0 ? t.toLocalDate().plusDays(1).atStartOfDay() : t.toLocalDate().atTime(hour, 0);
      } else {
        int minute = minutes.nextSetBit(t.getMinute());
        if (minute >= 0) {
          return t.withMinute(minute);
        }
        t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
      }
    }
    return null;
  }

  private boolean dayMatches(LocalDate date) {
    boolean dom = daysOfMonth.get(date.getDayOfMonth());
    boolean dow = daysOfWeek.get(date.getDayOfWeek().getValue() % 7);
    return (dayOfMonthStar || dayOfWeekStar) ? (dom && dow) : (dom || dow);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof CronExpression other && other.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** The expression as parsed, with runs of whitespace collapsed to one space. */
  @Override
  public String toString() {
    return text;
  }
}

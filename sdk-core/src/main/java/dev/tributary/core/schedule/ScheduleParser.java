package dev.tributary.core.schedule;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the textual grammar documented on {@link Schedule}. One instance per text. */
final class ScheduleParser {
  private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");
  private static final String KINDS =
      "start with once, every, daily, weekly or cron, e.g. \"daily 02:30 America/New_York\"";

  private record Token(String text, int column) {}

  private final String input;
  private final List<Token> tokens;
  private int next;

  ScheduleParser(String input) {
    this.input = input;
    this.tokens = tokenize(input);
  }

  Schedule parse() {
    Token kind = take("the kind of schedule; " + KINDS);
    Schedule schedule =
        switch (kind.text().toLowerCase(Locale.ROOT)) {
          case "once" -> new OnceSchedule(instant(take("an instant, e.g. 2026-12-01T10:00:00Z")));
          case "every" -> every();
          case "daily" -> new DailySchedule(time(), zone());
          case "weekly" -> new WeeklySchedule(days(), time(), zone());
          case "cron" -> cron();
          default -> throw error(kind, "unknown kind of schedule; " + KINDS);
        };
    if (next < tokens.size()) {
      throw error(
          tokens.get(next), "unexpected text after a complete schedule \"" + schedule + "\"");
    }
    return schedule;
  }

  private Schedule every() {
    Token token = take("a period, e.g. 1h, 30m, 1d or PT15M");
    Duration period = Durations.parse(token.text());
    if (period == null) {
      throw error(token, "not a period; write e.g. 1h, 30m, 45s, 1d, 2w, 1h30m or PT15M");
    }
    if (period.compareTo(FixedRateSchedule.MIN_PERIOD) < 0) {
      throw error(token, "the period must be at least 1 second");
    }
    if (next < tokens.size()) {
      Token from = tokens.get(next++);
      if (!from.text().equalsIgnoreCase("from")) {
        throw error(from, "expected \"from <instant>\" or the end of the schedule");
      }
      return new FixedRateSchedule(period, instant(take("an instant after \"from\"")));
    }
    return new FixedRateSchedule(period, Instant.EPOCH);
  }

  private Schedule cron() {
    Token token = take("a quoted cron expression, e.g. \"*/15 9-17 * * MON-FRI\"");
    String text = token.text();
    boolean quoted = text.length() >= 2 && (text.startsWith("\"") || text.startsWith("'"));
    if (!quoted || text.charAt(text.length() - 1) != text.charAt(0)) {
      throw error(token, "put the cron expression in double quotes, e.g. cron \"0 2 * * *\" UTC");
    }
    CronExpression expression;
    try {
      expression = CronExpression.parse(text.substring(1, text.length() - 1));
    } catch (ScheduleParseException e) {
      // Re-anchor the column in the whole schedule text.
      throw new ScheduleParseException(input, e.token(), token.column() + e.column(), e.problem());
    }
    return new CronSchedule(expression, zone());
  }

  private Instant instant(Token token) {
    try {
      return OffsetDateTime.parse(token.text()).toInstant();
    } catch (DateTimeParseException e) {
      throw error(
          token,
          "not an ISO-8601 instant with a zone offset; write e.g. 2026-12-01T10:00:00Z"
              + " or 2026-12-01T11:00:00+01:00");
    }
  }

  private LocalTime time() {
    Token token = take("a time of day, e.g. 02:30");
    Matcher m = TIME.matcher(token.text());
    if (m.matches()) {
      int hour = Integer.parseInt(m.group(1));
      int minute = Integer.parseInt(m.group(2));
      int second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
      if (hour < 24 && minute < 60 && second < 60) {
        return LocalTime.of(hour, minute, second);
      }
    }
    throw error(token, "not a time of day; write 24-hour HH:MM (00:00 to 23:59) or HH:MM:SS");
  }

  private ZoneId zone() {
    Token token = take("a time zone, e.g. UTC or America/New_York");
    try {
      return ZoneId.of(token.text());
    } catch (DateTimeException e) {
      throw error(
          token, "unknown time zone; use an IANA name such as Europe/Berlin, UTC or an offset");
    }
  }

  private Set<DayOfWeek> days() {
    Token token = take("days of the week, e.g. MON,THU or MON-FRI");
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String part : token.text().split(",", -1)) {
      String[] ends = part.split("-", -1);
      if (ends.length > 2) {
        throw error(token, "\"" + part + "\" is not a day or a range of days such as MON-FRI");
      }
      DayOfWeek first = day(ends[0], token);
      DayOfWeek last = ends.length == 2 ? day(ends[1], token) : first;
      for (DayOfWeek d = first; ; d = d.plus(1)) {
        days.add(d);
        if (d == last) {
          break;
        }
      }
    }
    return days;
  }

  private DayOfWeek day(String name, Token token) {
    String upper = name.toUpperCase(Locale.ROOT);
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().equals(upper) || (upper.length() == 3 && d.name().startsWith(upper))) {
        return d;
      }
    }
    throw error(token, "\"" + name + "\" is not a day of the week; use MON, TUE, ... SUN");
  }

  private Token take(String expected) {
    if (next >= tokens.size()) {
      throw new ScheduleParseException(input, "", input.length() + 1, "expected " + expected);
    }
    return tokens.get(next++);
  }

  private ScheduleParseException error(Token token, String problem) {
    return new ScheduleParseException(input, token.text(), token.column(), problem);
  }

  private static List<Token> tokenize(String input) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < input.length()) {
      char c = input.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int start = i;
      if (c == '"' || c == '\'') {
        int close = input.indexOf(c, i + 1);
        i = close < 0 ? input.length() : close + 1;
      } else {
        while (i < input.length() && !Character.isWhitespace(input.charAt(i))) {
          i++;
        }
      }
      tokens.add(new Token(input.substring(start, i), start + 1));
    }
    return tokens;
  }

  static String formatTime(LocalTime time) {
    String hhmm = String.format(Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute());
    return time.getSecond() == 0
        ? hhmm
        : hhmm + String.format(Locale.ROOT, ":%02d", time.getSecond());
  }
}

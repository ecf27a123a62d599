package dev.tributary.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.ConfigException;
import dev.tributary.core.ErrorClass;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleParseTest {

  @Test
  void parse_readsEveryKindOfTheGrammar() {
    assertThat(Schedule.parse("once 2026-12-01T10:00:00Z"))
        .isEqualTo(Schedule.once(Instant.parse("2026-12-01T10:00:00Z")));
    assertThat(Schedule.parse("every 1h")).isEqualTo(Schedule.every(Duration.ofHours(1)));
    assertThat(Schedule.parse("every 1h from 2026-12-01T00:00:00Z"))
        .isEqualTo(Schedule.every(Duration.ofHours(1), Instant.parse("2026-12-01T00:00:00Z")));
    assertThat(Schedule.parse("every 30m")).isEqualTo(Schedule.every(Duration.ofMinutes(30)));
    assertThat(Schedule.parse("every 1d")).isEqualTo(Schedule.every(Duration.ofDays(1)));
    assertThat(Schedule.parse("every PT15M")).isEqualTo(Schedule.every(Duration.ofMinutes(15)));
    assertThat(Schedule.parse("every 1h30m")).isEqualTo(Schedule.every(Duration.ofMinutes(90)));
    assertThat(Schedule.parse("daily 02:30 America/New_York"))
        .isEqualTo(Schedule.dailyAt(LocalTime.of(2, 30), ZoneId.of("America/New_York")));
    assertThat(Schedule.parse("weekly MON,THU 09:00 Europe/Berlin"))
        .isEqualTo(
            Schedule.weeklyOn(
                EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY),
                LocalTime.of(9, 0),
                ZoneId.of("Europe/Berlin")));
    assertThat(Schedule.parse("cron \"*/15 9-17 * * MON-FRI\" UTC"))
        .isEqualTo(Schedule.cron("*/15 9-17 * * MON-FRI", ZoneId.of("UTC")));
  }

  @Test
  void parse_isLenientAboutCaseAndSpacing() {
    assertThat(Schedule.parse("  WEEKLY  mon-fri   07:05:30   UTC "))
        .isEqualTo(
            Schedule.weeklyOn(
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(7, 5, 30),
                ZoneId.of("UTC")));
    assertThat(Schedule.parse("Daily 2:30 +02:00"))
        .isEqualTo(Schedule.dailyAt(LocalTime.of(2, 30), ZoneId.of("+02:00")));
    assertThat(Schedule.parse("weekly sat-mon 10:00 UTC"))
        .isEqualTo(
            Schedule.weeklyOn(
                EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY),
                LocalTime.of(10, 0),
                ZoneId.of("UTC")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "once 2026-12-01T10:00:00Z",
        "every 1h",
        "every 1m30s",
        "every 2w",
        "every 1d2h from 2026-12-01T00:00:00Z",
        "daily 02:30 America/New_York",
        "daily 23:59:59 UTC",
        "weekly MON,THU 09:00 Europe/Berlin",
        "cron \"*/15 9-17 * * MON-FRI\" UTC",
        "cron \"@daily\" Europe/Berlin"
      })
  void toString_roundTripsThroughParse(String text) {
    Schedule schedule = Schedule.parse(text);
    assertThat(schedule).hasToString(text);
    assertThat(Schedule.parse(schedule.toString())).isEqualTo(schedule);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ''                                   | ''          | 1  | expected the kind of schedule
          hourly                               | hourly      | 1  | unknown kind of schedule
          daily 25:00 UTC                      | 25:00       | 7  | not a time of day
          daily 02:30                          | ''          | 12 | expected a time zone
          daily 02:30 Mars/Olympus_Mons        | Mars/Olympus_Mons | 13 | unknown time zone
          weekly MON,FOO 09:00 UTC             | MON,FOO     | 8  | "FOO" is not a day of the week
          every 10x                            | 10x         | 7  | not a period
          every 0s                             | 0s          | 7  | at least 1 second
          every 1h since 2026-12-01T00:00:00Z  | since       | 10 | expected "from <instant>"
          every 1h from yesterday              | yesterday   | 15 | not an ISO-8601 instant
          once 2026-12-01T10:00:00             | 2026-12-01T10:00:00 | 6 | with a zone offset
          daily 02:30 UTC now                  | now         | 17 | unexpected text after a complete schedule
          cron */15 UTC                        | */15        | 6  | put the cron expression in double quotes
          cron "*/15 25 * * *" UTC             | 25          | 12 | the hour field takes a number from 0 to 23
          cron "0 0 * * FUN" UTC               | FUN         | 15 | the day-of-week field takes
          cron "0 0 * *" UTC                   | 0 0 * *     | 7  | five fields
          cron "0 0 30 2 *" UTC                | 0 0 30 2 *  | 7  | never fires
          cron "17-9 * * * *" UTC              | 17-9        | 7  | from low to high
          """)
  void parse_namesTheBadTokenItsColumnAndWhatWasExpected(
      String text, String token, int column, String problem) {
    assertThatThrownBy(() -> Schedule.parse(text))
        .isInstanceOfSatisfying(
            ScheduleParseException.class,
            e -> {
              assertThat(e.token()).isEqualTo(token);
              assertThat(e.column()).isEqualTo(column);
              assertThat(e.input()).isEqualTo(text);
              assertThat(e.getMessage())
                  .startsWith("cannot parse schedule \"" + text + "\": ")
                  .contains(problem);
              if (!token.isEmpty()) {
                assertThat(e.getMessage()).contains("\"" + token + "\" at column " + column);
              }
            });
  }

  @Test
  void parseError_isAConfigErrorNamingTheSetting() {
    assertThatThrownBy(() -> Schedule.parse("daily noon UTC"))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.errorClass()).isEqualTo(ErrorClass.CONFIG);
              assertThat(e.setting()).hasValue("schedule");
            });
  }

  @Test
  void cron_columnsPointIntoTheExpressionWhenParsedAlone() {
    assertThatThrownBy(() -> CronExpression.parse("0 12 * JAN-FOO *"))
        .isInstanceOfSatisfying(
            ScheduleParseException.class,
            e -> {
              assertThat(e.token()).isEqualTo("FOO");
              assertThat(e.column()).isEqualTo(12);
            });
  }
}

package dev.tributary.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ScheduleCommandTest {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return TributaryCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void preview_printsUtcInstantsThenLocalTimes_acrossSpringForward() {
    int code =
        run(
            "schedule",
            "preview",
            "daily 02:30 America/New_York",
            "--after",
            "2026-03-07T00:00:00Z",
            "--count",
            "3");
    assertThat(code).isZero();
    assertThat(out.toString().lines())
        .containsExactly(
            "2026-03-07T07:30:00Z  Sat 2026-03-07 02:30:00 EST (-05:00)",
            "2026-03-08T07:30:00Z  Sun 2026-03-08 03:30:00 EDT (-04:00)",
            "2026-03-09T06:30:00Z  Mon 2026-03-09 02:30:00 EDT (-04:00)");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void preview_withoutAZone_printsInstantsOnly_andSaysWhenTheScheduleEnds() {
    int code =
        run("schedule", "preview", "once 2026-12-01T10:00:00Z", "--after", "2026-11-30T00:00:00Z");
    assertThat(code).isZero();
    assertThat(out.toString().lines()).containsExactly("2026-12-01T10:00:00Z");
    assertThat(err.toString()).contains("does not fire again");
  }

  @Test
  void preview_badSchedule_printsTheParseErrorAndExitsNonZero() {
    int code = run("schedule", "preview", "daily 25:00 UTC");
    assertThat(code).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().strip())
        .isEqualTo(
            "error: cannot parse schedule \"daily 25:00 UTC\": \"25:00\" at column 7: not a time"
                + " of day; write 24-hour HH:MM (00:00 to 23:59) or HH:MM:SS");
  }

  @Test
  void preview_badCount_isAUsageError() {
    assertThat(run("schedule", "preview", "every 1h", "--count", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--count must be at least 1, not 0");
  }
}

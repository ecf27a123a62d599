package dev.tributary.examples;

import dev.tributary.core.schedule.Schedule;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * Recipe: when does a nightly export run? Parses a schedule as it would come from a configuration
 * file and prints its next runs across the 2026 spring-forward night in New York, where 02:30 does
 * not exist and the run moves to 03:30.
 */
public final class ScheduleExample {
  private ScheduleExample() {}

  public static void main(String[] args) {
    Schedule nightly = Schedule.parse("daily 02:30 America/New_York");
    Instant after = Instant.parse("2026-03-06T12:00:00Z");
    for (Instant run : nightly.nextFireTimes(after, 4)) {
      ZonedDateTime local = run.atZone(nightly.timeZone().orElseThrow());
      System.out.println(run + "  (" + local.toLocalDateTime() + " " + local.getZone() + ")");
    }
  }
}

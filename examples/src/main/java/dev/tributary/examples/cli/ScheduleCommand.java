package dev.tributary.examples.cli;

import dev.tributary.core.schedule.Schedule;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code schedule preview}: the next fire times of a schedule. */
@Command(
    name = "schedule",
    description = "Works with job schedules.",
    mixinStandardHelpOptions = true,
    subcommands = {ScheduleCommand.Preview.class})
final class ScheduleCommand {

  @Command(
      name = "preview",
      mixinStandardHelpOptions = true,
      description = {
        "Prints the next fire times of a schedule, one per line: the UTC instant, then the local"
            + " time in the schedule's zone (or --zone).",
        "Schedules: 'once 2026-12-01T10:00:00Z', 'every 1h [from <instant>]',"
            + " 'daily 02:30 America/New_York', 'weekly MON,THU 09:00 Europe/Berlin',"
            + " 'cron \"*/15 9-17 * * MON-FRI\" UTC'."
      })
  static final class Preview implements Callable<Integer> {
    private static final DateTimeFormatter LOCAL =
        DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss zzz (xxx)", Locale.US);

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCHEDULE", description = "The schedule, quoted.")
    String schedule;

    @Option(
        names = "--after",
        paramLabel = "INSTANT",
        description = "Show fire times after this ISO-8601 instant. Default: now.")
    @Nullable Instant after;

    @Option(
        names = "--count",
        paramLabel = "N",
        defaultValue = "10",
        description = "How many fire times to show. Default: ${DEFAULT-VALUE}.")
    int count;

    @Option(
        names = "--zone",
        paramLabel = "ZONE",
        description = "Also show local times in this zone. Default: the schedule's own zone.")
    @Nullable ZoneId zone;

    @Override
    public Integer call() {
      if (count < 1) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "--count must be at least 1, not " + count);
      }
      Schedule parsed = Schedule.parse(schedule);
      ZoneId shown = zone != null ? zone : parsed.timeZone().orElse(null);
      List<Instant> times = parsed.nextFireTimes(after != null ? after : Instant.now(), count);
      PrintWriter out = spec.commandLine().getOut();
      for (Instant time : times) {
        out.println(
            shown == null
                ? time.toString()
                : time + "  " + LOCAL.format(ZonedDateTime.ofInstant(time, shown)));
      }
      if (times.size() < count) {
        spec.commandLine().getErr().println("the schedule does not fire again after this");
      }
      return 0;
    }
  }
}

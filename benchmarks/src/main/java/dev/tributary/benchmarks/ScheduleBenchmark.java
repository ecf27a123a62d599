package dev.tributary.benchmarks;

import dev.tributary.core.schedule.Schedule;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The cost of {@code Schedule.nextFireTime}, the operation a job runner calls after each run. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScheduleBenchmark {
  @Param({
    "every 15m",
    "daily 02:30 America/New_York",
    "weekly MON,THU 09:00 Europe/Berlin",
    "cron \"*/15 9-17 * * MON-FRI\" UTC",
    "cron \"0 0 29 2 *\" UTC"
  })
  public String text;

  private Schedule schedule;
  private final Instant after = Instant.parse("2026-03-07T12:00:00Z");

  @Setup
  public void parse() {
    schedule = Schedule.parse(text);
  }

  @Benchmark
  public Object nextFireTime() {
    return schedule.nextFireTime(after);
  }
}

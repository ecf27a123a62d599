package dev.tributary.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.job.Job;
import dev.tributary.core.job.JobHandle;
import dev.tributary.core.job.JobRunner;
import dev.tributary.core.job.RunStatus;
import dev.tributary.core.model.Profile;
import dev.tributary.core.schedule.Schedule;
import dev.tributary.testing.time.ManualClock;
import dev.tributary.testing.time.ManualScheduler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The testing guide's virtual-time recipe (testing.md): {@link RuntimeExample}'s nightly export on
 * a {@link ManualClock} and {@link ManualScheduler}, tested without waiting for the night.
 */
class VirtualTimeExampleTest {
  final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T00:00:00Z"));
  final ManualScheduler scheduler = new ManualScheduler(clock);
  final JobRunner runner =
      JobRunner.builder()
          .executor(scheduler) // runs happen inside scheduler.advance(...)
          .clock(clock) // schedules, progress and rate limits read this clock
          .sleeper(clock) // retry and rate-limit waits advance it instead of sleeping
          .build();
  final ByteArrayOutputStream vendor = new ByteArrayOutputStream();

  @AfterEach
  void close() throws InterruptedException {
    runner.close();
  }

  @Test
  void theNightlyExport_runsAt0230Berlin_andItsRateLimitWaitTakesNoRealTime() {
    // Two items per request, five requests a second; three profiles make two requests.
    var connector =
        new RuntimeExample.PrintingExport<Profile>(
            new PrintStream(vendor, true, StandardCharsets.UTF_8));
    List<Profile> audience = List.of(profile("ann"), profile("bob"), profile("cy"));
    JobHandle nightly =
        runner.add(
            Job.exporting(
                    "vip-export",
                    connector,
                    ConnectorConfig.parse(connector.descriptor(), Map.of()),
                    Authorization.bearer(Secret.of("vendor-token")),
                    RuntimeExample.pages(audience))
                .schedule(Schedule.parse("daily 02:30 Europe/Berlin"))
                .restartEachRun(true)
                .build());
    assertThat(nightly.nextRunAt()).contains(Instant.parse("2026-12-01T01:30:00Z"));

    scheduler.advance(Duration.ofHours(1)); // 01:00 UTC: not yet
    assertThat(nightly.lastRun()).isEmpty();
    scheduler.advance(Duration.ofMinutes(30)); // 01:30 UTC is 02:30 in Berlin in winter

    assertThat(nightly.lastRun().orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(vendor.toString(StandardCharsets.UTF_8))
        .contains("vendor received [ann@example.com, bob@example.com]")
        .contains("vendor received [cy@example.com]");
    assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(200)); // 5 requests/s
    assertThat(nightly.nextRunAt()).contains(Instant.parse("2026-12-02T01:30:00Z"));
  }

  static Profile profile(String name) {
    return Profile.builder(name).identity("email", name + "@example.com").build();
  }
}

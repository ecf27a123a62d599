package dev.tributary.connectors.file;

import static dev.tributary.connectors.file.Fixtures.ann;
import static dev.tributary.connectors.file.Fixtures.bob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.auth.Authorization;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.job.JobHandle;
import dev.tributary.core.job.JobRunner;
import dev.tributary.core.job.RunSnapshot;
import dev.tributary.core.job.RunStatus;
import dev.tributary.core.model.Profile;
import dev.tributary.core.state.StateStore;
import dev.tributary.testing.TestSources;
import dev.tributary.testing.time.VirtualTimeJobs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The directory export on its {@code schedule} setting, in virtual time: one file per local day at
 * 02:00 Berlin time, across the night Berlin springs forward (2026-03-29, 02:00 CET becomes 03:00
 * CEST, so 02:00 does not exist that night and the run shifts to 03:00 CEST).
 */
class ScheduledDirectoryExportTest {
  @TempDir Path root;

  final VirtualTimeJobs jobs = VirtualTimeJobs.startingAt(Instant.parse("2026-03-28T00:00:00Z"));
  final List<Profile> audience = new ArrayList<>();

  JobHandle nightly(JobRunner runner) {
    FileExportConnector c = FileExportConnector.toDirectory(root);
    Map<String, String> settings =
        Map.of(
            "audience", "vip",
            "fields", "first_name",
            "directory", "exports",
            "time_zone", "Europe/Berlin",
            "file_name", "{{.audience}}-{{.date}}-{{.time}}-{{.timestamp}}.csv",
            "schedule", "daily 02:00 Europe/Berlin");
    ConnectorConfig config = ConnectorConfig.parse(c.descriptor(), settings);
    return runner.add(
        FileExportTask.job(
                "vip",
                c,
                config,
                Authorization.none(),
                (from, max) -> TestSources.paged(List.copyOf(audience)).read(from, max))
            .build());
  }

  List<String> names() throws IOException {
    Path dir = root.resolve("exports");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  String file(String name) throws IOException {
    return Files.readString(root.resolve("exports").resolve(name));
  }

  /** Advances to one second before {@code due}, expects nothing new, then to {@code due}. */
  void advanceTo(Instant due, int filesBefore) throws IOException {
    jobs.advance(Duration.between(jobs.clock().instant(), due).minusSeconds(1));
    assertThat(names()).as("a second before %s", due).hasSize(filesBefore);
    jobs.advance(Duration.ofSeconds(1));
    assertThat(names()).as("at %s", due).hasSize(filesBefore + 1);
  }

  @Test
  void dailyAtTwoBerlinTime_writesOneFilePerLocalDay_acrossTheSpringForwardNight()
      throws Exception {
    try (JobRunner runner = jobs.runner(StateStore.inMemory())) {
      JobHandle job = nightly(runner);
      String header = "profile_id,email,first_name\n";

      // 2026-03-28: 02:00 CET is 01:00Z
      audience.add(ann());
      advanceTo(Instant.parse("2026-03-28T01:00:00Z"), 0);
      String first = "vip-2026-03-28-020000-20260328T010000Z.csv";
      assertThat(names()).containsExactly(first);
      assertThat(file(first)).isEqualTo(header + "p-1,ann@example.com,Ann\n");

      // 2026-03-29: 02:00 falls in the gap and runs at 03:00 CEST, again 01:00Z
      audience.add(bob());
      advanceTo(Instant.parse("2026-03-29T01:00:00Z"), 1);
      String second = "vip-2026-03-29-030000-20260329T010000Z.csv";
      assertThat(names()).containsExactly(first, second);
      assertThat(file(second))
          .isEqualTo(
              header
                  + "p-1,ann@example.com,Ann\n"
                  + "p-2,bob@example.com,\"Bob, \"\"the builder\"\"\"\n");

      // 2026-03-30: 02:00 CEST is 00:00Z, an hour earlier in UTC than before the change
      audience.remove(0);
      advanceTo(Instant.parse("2026-03-30T00:00:00Z"), 2);
      String third = "vip-2026-03-30-020000-20260330T000000Z.csv";
      assertThat(names()).containsExactly(first, second, third);
      assertThat(Fixtures.csv(Files.readAllBytes(root.resolve("exports/" + third)), ','))
          .containsExactly(
              List.of("profile_id", "email", "first_name"),
              List.of("p-2", "bob@example.com", "Bob, \"the builder\""));

      // the rest of that day: nothing more
      jobs.advance(Duration.ofHours(23).minusSeconds(1));
      assertThat(names()).hasSize(3);
      assertThat(jobs.finished())
          .extracting(RunSnapshot::status)
          .containsExactly(RunStatus.SUCCEEDED, RunStatus.SUCCEEDED, RunStatus.SUCCEEDED);
      assertThat(jobs.finished())
          .extracting(RunSnapshot::startedAt)
          .containsExactly(
              Instant.parse("2026-03-28T01:00:00Z"),
              Instant.parse("2026-03-29T01:00:00Z"),
              Instant.parse("2026-03-30T00:00:00Z"));
      assertThat(jobs.finished()).extracting(RunSnapshot::itemsWritten).containsExactly(1L, 2L, 1L);
      assertThat(job.nextRunAt()).contains(Instant.parse("2026-03-31T00:00:00Z"));
    }
  }
}

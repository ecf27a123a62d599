package dev.tributary.connectors.file;

import static dev.tributary.connectors.file.Fixtures.ann;
import static dev.tributary.connectors.file.Fixtures.bob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.ErrorClass;
import dev.tributary.core.SystemException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.job.JobHandle;
import dev.tributary.core.job.JobRunner;
import dev.tributary.core.job.RunSnapshot;
import dev.tributary.core.job.RunStatus;
import dev.tributary.core.job.Source;
import dev.tributary.core.model.Profile;
import dev.tributary.core.state.StateStore;
import dev.tributary.testing.TestSources;
import dev.tributary.testing.kit.ConnectorCompatibilityKit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file export into a local directory: atomic placement, existing files, crash and restart. */
class DirectoryFileExportTest extends ConnectorCompatibilityKit {
  @TempDir Path root;
  @TempDir Path state;

  @Override
  protected FileExportConnector connector() {
    return FileExportConnector.toDirectory(root);
  }

  @Override
  protected Map<String, String> configuration() {
    return Map.of("audience", "vip", "fields", "first_name", "directory", "exports");
  }

  @Override
  protected Authorization authorization() {
    return Authorization.none();
  }

  @Override
  protected void exerciseOnce(ConnectorContext context) {
    connector().write(context, List.of(ann()));
  }

  RunSnapshot run(
      Map<String, String> settings, Source<Profile> audience, StateStore store, Instant now)
      throws Exception {
    FileExportConnector c = connector();
    ConnectorConfig config = ConnectorConfig.parse(c.descriptor(), settings);
    try (JobRunner runner =
        JobRunner.builder().clock(Clock.fixed(now, ZoneOffset.UTC)).stateStore(store).build()) {
      JobHandle job =
          runner.add(FileExportTask.job("vip", c, config, Authorization.none(), audience).build());
      return job.runNow().get(60, TimeUnit.SECONDS);
    }
  }

  List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(root.resolve("exports"))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void failureMidFile_leavesNothingUnderTheName_andTheRestartSendsThatSameFileOnce()
      throws Exception {
    StateStore store = StateStore.directory(state);
    AtomicInteger reads = new AtomicInteger();
    Source<Profile> failsOnSecondPage =
        (from, max) -> {
          if (reads.incrementAndGet() == 2) {
            throw new SystemException("the audience database went away");
          }
          return TestSources.paged(List.of(ann(), bob())).read(from, 1);
        };

    RunSnapshot crashed =
        run(configuration(), failsOnSecondPage, store, Instant.parse("2026-12-01T02:00:00Z"));
    assertThat(crashed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(names()).isEmpty(); // the .part file is gone, nothing under the final name

    // a new process, an hour later: the pending file keeps its name and time
    RunSnapshot restarted =
        run(
            configuration(),
            TestSources.paged(List.of(ann(), bob())),
            StateStore.directory(state),
            Instant.parse("2026-12-01T03:00:00Z"));
    assertThat(restarted.status()).as(restarted.toString()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(names()).containsExactly("vip-20261201T020000Z.csv");
    assertThat(
            Fixtures.csv(Files.readAllBytes(root.resolve("exports/vip-20261201T020000Z.csv")), ','))
        .hasSize(3);
    assertThat(StateStore.directory(state).load("vip")).isEmpty(); // a full export starts afresh
  }

  @Test
  void crashAfterDeliveryBeforeTheCommit_replacesTheDeliveredFileInsteadOfAddingAnother()
      throws Exception {
    StateStore store = StateStore.directory(state);
    String name = "vip-20261201T020000Z.csv";
    ExportPosition pending =
        ExportPosition.of(java.util.Optional.empty())
            .pending(name, Instant.parse("2026-12-01T02:00:00Z"));
    store.save("vip", pending.toCheckpoint()); // as the crashed run committed it
    Files.createDirectories(root.resolve("exports"));
    Files.writeString(root.resolve("exports/" + name), "as delivered before the crash\n");

    RunSnapshot run =
        run(
            configuration(),
            TestSources.paged(List.of(ann())),
            store,
            Instant.parse("2026-12-01T03:00:00Z"));

    assertThat(run.status()).as(run.toString()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(names()).containsExactly(name);
    assertThat(Files.readString(root.resolve("exports/" + name))).startsWith("profile_id,");
  }

  @Test
  void ifExistsFail_refusesToReplaceAnotherFile_skipLeavesIt_overwriteReplacesIt()
      throws Exception {
    Map<String, String> settings = new HashMap<>(configuration());
    settings.put("file_name", "{{.audience}}.csv");
    Files.createDirectories(root.resolve("exports"));
    Files.writeString(root.resolve("exports/vip.csv"), "someone else's\n");
    Instant now = Instant.parse("2026-12-01T02:00:00Z");

    RunSnapshot failed =
        run(settings, TestSources.paged(List.of(ann())), StateStore.inMemory(), now);
    assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(failed.failure().errorClass()).isEqualTo(ErrorClass.CONFIG);
    assertThat(failed.failure()).hasMessageContaining("exists");
    assertThat(Files.readString(root.resolve("exports/vip.csv"))).isEqualTo("someone else's\n");

    settings.put("if_exists", "skip");
    RunSnapshot skipped =
        run(settings, TestSources.paged(List.of(ann())), StateStore.inMemory(), now);
    assertThat(skipped.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(Files.readString(root.resolve("exports/vip.csv"))).isEqualTo("someone else's\n");

    settings.put("if_exists", "overwrite");
    run(settings, TestSources.paged(List.of(ann())), StateStore.inMemory(), now);
    assertThat(Files.readString(root.resolve("exports/vip.csv"))).startsWith("profile_id,");
    assertThat(names()).containsExactly("vip.csv");
  }

  @Test
  void incrementalExport_eachRunStartsWhereTheLastDeliveredFileEnded() throws Exception {
    List<Profile> audience = new java.util.ArrayList<>(List.of(ann()));
    Source<Profile> changes =
        (from, max) -> TestSources.paged(List.copyOf(audience)).read(from, max);
    FileExportConnector c = connector();
    Map<String, String> settings = new HashMap<>(configuration());
    settings.put("file_name", "{{.run_id}}.csv");
    ConnectorConfig config = ConnectorConfig.parse(c.descriptor(), settings);
    try (JobRunner runner =
        JobRunner.builder()
            .clock(Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneOffset.UTC))
            .build()) {
      JobHandle job =
          runner.add(
              dev.tributary.core.job.Job.custom(
                      "delta",
                      c,
                      config,
                      Authorization.none(),
                      FileExportTask.builder(c, changes).build())
                  .build());
      assertThat(job.runNow().get(60, TimeUnit.SECONDS).itemsWritten()).isEqualTo(1);
      audience.add(bob());
      RunSnapshot second = job.runNow().get(60, TimeUnit.SECONDS);
      assertThat(second.itemsWritten()).isEqualTo(1); // only Bob, who came after
      assertThat(second.itemsRead()).isEqualTo(1);
    }
    assertThat(names()).containsExactly("delta-1.csv", "delta-2.csv");
  }
}

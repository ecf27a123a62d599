package dev.tributary.core.job;

import static dev.tributary.core.job.Fixtures.AUTH;
import static dev.tributary.core.job.Fixtures.CONFIG;
import static dev.tributary.core.job.Fixtures.DESCRIPTOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.ManualClock;
import dev.tributary.core.ManualScheduler;
import dev.tributary.core.TransientException;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.ImportConnector;
import dev.tributary.core.connector.Page;
import dev.tributary.core.retry.RetryOptions;
import dev.tributary.core.state.StateStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An import whose source pages by a non-unique cursor, crashing mid-way and resuming. */
class ImportJobTest {
  record Rec(String key, int updatedAt) {}

  /** Pages of at most 3, by updatedAt inclusive, skipping the keys already seen at the cursor. */
  static final class ByUpdateTime implements ImportConnector<Rec> {
    final List<Rec> source;

    ByUpdateTime(List<Rec> source) {
      this.source = source;
    }

    @Override
    public ConnectorDescriptor descriptor() {
      return DESCRIPTOR;
    }

    @Override
    public Page<Rec> read(ConnectorContext context, Checkpoint from) {
      int cursor = from.cursorValue().map(Integer::parseInt).orElse(Integer.MIN_VALUE);
      List<Rec> page =
          source.stream()
              .filter(r -> r.updatedAt() >= cursor)
              .filter(r -> !(r.updatedAt() == cursor && from.seenAtCursor().contains(r.key())))
              .limit(3)
              .toList();
      if (page.isEmpty()) {
        return new Page<>(page, from, true);
      }
      int last = page.get(page.size() - 1).updatedAt();
      Set<String> seen = new HashSet<>(last == cursor ? from.seenAtCursor() : Set.of());
      page.stream().filter(r -> r.updatedAt() == last).forEach(r -> seen.add(r.key()));
      return new Page<>(page, new Checkpoint(Integer.toString(last), seen), false);
    }
  }

  @Test
  void crashAfterAPageSharingTheBoundaryValue_resumesWithoutLosingOrRepeatingRecords(
      @TempDir Path dir) {
    // Five records share updatedAt=2 and straddle the page boundary.
    List<Rec> source =
        List.of(
            new Rec("r1", 1),
            new Rec("r2", 2),
            new Rec("r3", 2),
            new Rec("r4", 2),
            new Rec("r5", 2),
            new Rec("r6", 2),
            new Rec("r7", 3));
    List<Rec> committed = new CopyOnWriteArrayList<>();
    AtomicBoolean crash = new AtomicBoolean(true);
    Sink<Rec> sink =
        records -> {
          if (crash.get() && committed.size() == 3) {
            throw new TransientException("database connection lost");
          }
          committed.addAll(records);
          return BatchResult.allOk(records.size());
        };
    Job job =
        Job.importing("import", new ByUpdateTime(source), CONFIG, AUTH, sink)
            .retry(RetryOptions.noRetries())
            .build();

    assertThat(runOnce(job, dir).status()).isEqualTo(RunStatus.FAILED);
    assertThat(committed).extracting(Rec::key).containsExactly("r1", "r2", "r3");

    crash.set(false);
    RunSnapshot resumed = runOnce(job, dir);
    assertThat(resumed.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(committed)
        .extracting(Rec::key)
        .containsExactly("r1", "r2", "r3", "r4", "r5", "r6", "r7");
    assertThat(resumed.itemsWritten()).isEqualTo(4);
  }

  private static RunSnapshot runOnce(Job job, Path dir) {
    ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    ManualScheduler scheduler = new ManualScheduler(clock);
    JobRunner runner =
        JobRunner.builder()
            .executor(scheduler)
            .clock(clock)
            .sleeper(clock)
            .stateStore(StateStore.directory(dir))
            .build();
    CompletableFuture<RunSnapshot> run = runner.add(job).runNow();
    scheduler.runDue();
    return run.join();
  }

  @Test
  void sinkRejections_areCountedAndTheImportGoesOn(@TempDir Path dir) {
    List<Rec> source = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      source.add(new Rec("r" + i, i));
    }
    Sink<Rec> sink =
        records -> {
          throw new dev.tributary.core.ValidationException("no email");
        };
    RunSnapshot run =
        runOnce(
            Job.importing("rejects", new ByUpdateTime(source), CONFIG, AUTH, sink).build(),
            Path.of(System.getProperty("java.io.tmpdir"))
                .resolve("tributary-" + System.nanoTime()));
    assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(run.itemsRead()).isEqualTo(5);
    assertThat(run.itemsRejected()).isEqualTo(5);
  }
}

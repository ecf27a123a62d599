package dev.tributary.core.job;

import static dev.tributary.core.job.Fixtures.AUTH;
import static dev.tributary.core.job.Fixtures.CONFIG;
import static dev.tributary.core.job.Fixtures.listSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.ConfigException;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.ManualClock;
import dev.tributary.core.ManualScheduler;
import dev.tributary.core.SystemException;
import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import dev.tributary.core.ValidationException;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.ItemResult;
import dev.tributary.core.connector.RateLimit;
import dev.tributary.core.retry.RetryOptions;
import dev.tributary.core.schedule.Schedule;
import dev.tributary.core.state.StateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The runner in virtual time: a manual clock and scheduler, no threads and no sleeps. */
@Timeout(60)
class JobRunnerTest {
  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  static final List<String> ITEMS = List.of("a", "b", "c", "d", "e");

  final ManualClock clock = new ManualClock(T0);
  final ManualScheduler scheduler = new ManualScheduler(clock);
  final List<RunSnapshot> finished = new CopyOnWriteArrayList<>();
  final List<Object> rejected = new CopyOnWriteArrayList<>();

  final RunListener listener =
      new RunListener() {
        @Override
        public void runFinished(RunSnapshot run) {
          finished.add(run);
        }

        @Override
        public void itemRejected(String jobId, long run, Object item, TributaryException e) {
          rejected.add(item);
        }
      };

  JobRunner runner(StateStore store) {
    return JobRunner.builder()
        .executor(scheduler)
        .clock(clock)
        .sleeper(clock)
        .stateStore(store)
        .listener(listener)
        .build();
  }

  @Test
  void scheduledExport_runsAtEachFireTime_inBatches_andCountsEverything() {
    var connector = new Fixtures.Recording<String>(2);
    JobHandle handle =
        runner(StateStore.inMemory())
            .add(
                Job.exporting("hourly", connector, CONFIG, AUTH, listSource(ITEMS))
                    .schedule(Schedule.parse("every 1h"))
                    .restartEachRun(true)
                    .build());
    assertThat(handle.nextRunAt()).contains(T0.plus(Duration.ofHours(1)));

    scheduler.advance(Duration.ofMinutes(59));
    assertThat(connector.batches).isEmpty();
    scheduler.advance(Duration.ofMinutes(1));
    assertThat(connector.batches)
        .containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));

    scheduler.advance(Duration.ofHours(1)); // restartEachRun: the whole source again
    assertThat(connector.written()).hasSize(10);
    assertThat(finished).extracting(RunSnapshot::runNumber).containsExactly(1L, 2L);
    RunSnapshot first = finished.get(0);
    assertThat(first.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(first.itemsRead()).isEqualTo(5);
    assertThat(first.itemsWritten()).isEqualTo(5);
    assertThat(first.startedAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
    assertThat(handle.nextRunAt()).contains(T0.plus(Duration.ofHours(3)));
  }

  @Test
  void aFireDuringARun_isSkipped_runsNeverOverlap() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger maxRunning = new AtomicInteger();
    AtomicInteger runs = new AtomicInteger();
    JobTask slow =
        context -> {
          maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
          runs.incrementAndGet();
          scheduler.advance(Duration.ofMinutes(2)); // the run outlasts the next fire time
          running.decrementAndGet();
        };
    JobHandle handle =
        runner(StateStore.inMemory())
            .add(
                Job.custom("slow", new Fixtures.Recording<String>(1), CONFIG, AUTH, slow)
                    .schedule(Schedule.parse("every 1m"))
                    .build());

    scheduler.advance(Duration.ofMinutes(1));

    assertThat(runs).hasValue(1);
    assertThat(maxRunning).hasValue(1);
    assertThat(handle.nextRunAt()).contains(T0.plus(Duration.ofMinutes(4)));
  }

  @Test
  void runNow_whileARunIsQueued_returnsThatRunInsteadOfAnother() throws Exception {
    var connector = new Fixtures.Recording<String>(10);
    JobHandle handle =
        runner(StateStore.inMemory())
            .add(Job.exporting("on-demand", connector, CONFIG, AUTH, listSource(ITEMS)).build());
    assertThat(handle.nextRunAt()).isEmpty();

    CompletableFuture<RunSnapshot> first = handle.runNow();
    CompletableFuture<RunSnapshot> second = handle.runNow();
    assertThat(second).isSameAs(first);
    scheduler.runDue();

    assertThat(first.get().itemsWritten()).isEqualTo(5);
    assertThat(connector.batches).hasSize(1);
  }

  @Test
  void failedRun_resumesFromTheLastCheckpoint_afterARestart_losingNothing(@TempDir Path dir)
      throws Exception {
    AtomicInteger calls = new AtomicInteger();
    var connector =
        new Fixtures.Recording<String>(2)
            .answering(
                (c, batch) -> {
                  if (calls.incrementAndGet() == 2) {
                    throw new TransientException("connection reset");
                  }
                  return BatchResult.allOk(batch.size());
                });
    Job job =
        Job.exporting("crashy", connector, CONFIG, AUTH, listSource(ITEMS))
            .retry(RetryOptions.noRetries())
            .build();

    CompletableFuture<RunSnapshot> run = runner(StateStore.directory(dir)).add(job).runNow();
    scheduler.runDue();
    RunSnapshot failed = run.join();
    assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
    assertThat(failed.failure()).isInstanceOf(TransientException.class);
    assertThat(StateStore.directory(dir).load("crashy")).contains(Checkpoint.at("2"));

    // A new process: the same directory, a new runner.
    CompletableFuture<RunSnapshot> resumed = runner(StateStore.directory(dir)).add(job).runNow();
    scheduler.runDue();
    assertThat(resumed.get().status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(connector.batches)
        .containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("c", "d"), List.of("e"));
    assertThat(connector.written()).containsAll(ITEMS);
  }

  @Test
  void configError_pausesTheJobUntilResumed_andSaysWhatToFix() {
    AtomicReference<RuntimeException> answer =
        new AtomicReference<>(new ConfigException("list_id", "list 42 does not exist", null));
    var connector =
        new Fixtures.Recording<String>(10)
            .answering(
                (c, b) -> {
                  RuntimeException e = answer.get();
                  if (e != null) {
                    throw e;
                  }
                  return BatchResult.allOk(b.size());
                });
    JobHandle handle =
        runner(StateStore.inMemory())
            .add(
                Job.exporting("paused", connector, CONFIG, AUTH, listSource(ITEMS))
                    .schedule(Schedule.parse("every 1h"))
                    .build());

    scheduler.advance(Duration.ofHours(1));
    assertThat(handle.state()).isEqualTo(JobState.PAUSED);
    assertThat(handle.nextRunAt()).isEmpty();
    RunSnapshot last = handle.lastRun().orElseThrow();
    assertThat(last.failure()).hasMessage("list 42 does not exist");
    assertThat(last.errors(ErrorClass.CONFIG)).isEqualTo(1);
    assertThatThrownBy(handle::runNow).isInstanceOf(IllegalStateException.class);

    scheduler.advance(Duration.ofHours(5));
    assertThat(connector.batches).hasSize(1);

    answer.set(null);
    handle.resume();
    scheduler.advance(Duration.ofHours(1));
    assertThat(handle.lastRun().orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
  }

  @Test
  void pause_stopsScheduledRuns_andResume_schedulesThemFromNow_withoutMakingUpMissedOnes() {
    var connector = new Fixtures.Recording<String>(10);
    JobHandle handle =
        runner(StateStore.inMemory())
            .add(
                Job.exporting("hourly", connector, CONFIG, AUTH, listSource(ITEMS))
                    .schedule(Schedule.parse("every 1h"))
                    .restartEachRun(true)
                    .build());
    scheduler.advance(Duration.ofHours(1));
    assertThat(connector.batches).hasSize(1);

    handle.pause();
    assertThat(handle.state()).isEqualTo(JobState.PAUSED);
    assertThat(handle.nextRunAt()).isEmpty();
    assertThat(scheduler.queued()).isZero();
    assertThatThrownBy(handle::runNow)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("job hourly is PAUSED; resume it first");
    scheduler.advance(Duration.ofHours(5));
    assertThat(connector.batches).hasSize(1);

    handle.resume(); // at T0 + 6h: the five fire times missed while paused are not made up
    assertThat(handle.state()).isEqualTo(JobState.ACTIVE);
    assertThat(handle.nextRunAt()).contains(T0.plus(Duration.ofHours(7)));
    scheduler.runDue();
    assertThat(connector.batches).hasSize(1);
    scheduler.advance(Duration.ofHours(1));
    assertThat(connector.batches).hasSize(2);
    assertThat(finished).extracting(RunSnapshot::status).containsOnly(RunStatus.SUCCEEDED);
  }

  @Test
  void pause_duringARun_stopsItAtItsNextCheckpoint_andTheRunAfterResumeGoesOnFromThere() {
    AtomicReference<JobHandle> self = new AtomicReference<>();
    var connector =
        new Fixtures.Recording<String>(2)
            .answering(
                (c, batch) -> {
                  if (batch.contains("a")) {
                    self.get().pause(); // the host pauses while the first batch is in flight
                  }
                  return BatchResult.allOk(batch.size());
                });
    StateStore store = StateStore.inMemory();
    JobHandle handle =
        runner(store)
            .add(
                Job.exporting("paused-mid-run", connector, CONFIG, AUTH, listSource(ITEMS))
                    .schedule(Schedule.parse("every 1h"))
                    .build());
    self.set(handle);

    scheduler.advance(Duration.ofHours(3));
    RunSnapshot stopped = handle.lastRun().orElseThrow();
    assertThat(stopped.status()).isEqualTo(RunStatus.STOPPED);
    assertThat(stopped.itemsWritten()).isEqualTo(2);
    assertThat(store.load("paused-mid-run")).contains(Checkpoint.at("2"));
    assertThat(connector.batches).containsExactly(List.of("a", "b"));

    handle.resume();
    scheduler.advance(Duration.ofHours(1));
    assertThat(connector.batches)
        .containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));
    assertThat(handle.lastRun().orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(finished).extracting(RunSnapshot::runNumber).containsExactly(1L, 2L);
  }

  @Test
  void systemError_pausesTheJobUntilResumed_withoutRetrying() {
    AtomicReference<RuntimeException> answer =
        new AtomicReference<>(new SystemException("the connector lost its field mapping"));
    var connector =
        new Fixtures.Recording<String>(10)
            .answering(
                (c, b) -> {
                  RuntimeException e = answer.get();
                  if (e != null) {
                    throw e;
                  }
                  return BatchResult.allOk(b.size());
                });
    JobHandle handle =
        runner(StateStore.inMemory())
            .add(
                Job.exporting("broken", connector, CONFIG, AUTH, listSource(ITEMS))
                    .schedule(Schedule.parse("every 1h"))
                    .build());

    scheduler.advance(Duration.ofHours(1));
    assertThat(handle.state()).isEqualTo(JobState.PAUSED);
    assertThat(handle.nextRunAt()).isEmpty();
    RunSnapshot last = handle.lastRun().orElseThrow();
    assertThat(last.status()).isEqualTo(RunStatus.FAILED);
    assertThat(last.failure()).isInstanceOf(SystemException.class);
    assertThat(last.errors(ErrorClass.SYSTEM)).isEqualTo(1);
    assertThat(clock.sleeps()).isEmpty();

    scheduler.advance(Duration.ofHours(5));
    assertThat(connector.batches).hasSize(1);

    answer.set(null);
    handle.resume();
    scheduler.advance(Duration.ofHours(1));
    assertThat(handle.lastRun().orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
  }

  @Test
  void anUnexpectedException_isASystemError_thatPausesTheJob_keepingTheOriginalAsCause() {
    var bug = new IllegalStateException("index 7 out of bounds");
    var connector =
        new Fixtures.Recording<String>(10)
            .answering(
                (c, b) -> {
                  throw bug;
                });
    JobHandle handle =
        runner(StateStore.inMemory())
            .add(
                Job.exporting("buggy", connector, CONFIG, AUTH, listSource(ITEMS))
                    .schedule(Schedule.parse("every 1h"))
                    .build());

    scheduler.advance(Duration.ofHours(3));

    assertThat(handle.state()).isEqualTo(JobState.PAUSED);
    TributaryException failure = handle.lastRun().orElseThrow().failureCause().orElseThrow();
    assertThat(failure).isInstanceOf(SystemException.class).hasCause(bug);
    assertThat(failure.errorClass()).isEqualTo(ErrorClass.SYSTEM);
    assertThat(failure).hasMessage("unexpected " + bug);
    assertThat(connector.batches).hasSize(1);
  }

  @Test
  void rejectedAndRetriedItems_areCountedByClass_andReportedToListeners() {
    AtomicInteger calls = new AtomicInteger();
    var connector =
        new Fixtures.Recording<String>(10)
            .answering(
                (c, batch) -> {
                  c.reporter().bytesTransferred(100);
                  List<ItemResult> results = new ArrayList<>();
                  for (int i = 0; i < batch.size(); i++) {
                    String item = batch.get(i);
                    results.add(
                        item.equals("b")
                            ? ItemResult.failed(i, new ValidationException("bad email"))
                            : item.equals("c") && calls.get() == 0
                                ? ItemResult.failed(i, new TransientException("busy"))
                                : ItemResult.ok(i));
                  }
                  calls.incrementAndGet();
                  return new BatchResult(results);
                });
    JobHandle handle =
        runner(StateStore.inMemory())
            .add(Job.exporting("counted", connector, CONFIG, AUTH, listSource(ITEMS)).build());
    CompletableFuture<RunSnapshot> run = handle.runNow();
    scheduler.runDue();

    RunSnapshot outcome = run.join();
    assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(outcome.itemsRead()).isEqualTo(5);
    assertThat(outcome.itemsWritten()).isEqualTo(4);
    assertThat(outcome.itemsRejected()).isEqualTo(1);
    assertThat(outcome.itemsRetried()).isEqualTo(1);
    assertThat(outcome.bytes()).isEqualTo(200);
    assertThat(outcome.errors())
        .containsEntry(ErrorClass.VALIDATION, 1L)
        .containsEntry(ErrorClass.TRANSIENT, 1L);
    assertThat(rejected).containsExactly("b");
    assertThat(clock.sleeps()).hasSize(1);
  }

  @Test
  void progress_isVisibleWhileALongRunGoes() {
    AtomicReference<JobHandle> self = new AtomicReference<>();
    List<Long> seen = new ArrayList<>();
    JobTask task =
        context -> {
          for (int page = 1; page <= 3; page++) {
            context.itemsRead(10);
            context.itemsWritten(10);
            context.commit(Checkpoint.at(Integer.toString(page)));
            seen.add(self.get().currentRun().orElseThrow().itemsWritten());
          }
        };
    JobHandle handle =
        runner(StateStore.inMemory())
            .add(Job.custom("long", new Fixtures.Recording<String>(1), CONFIG, AUTH, task).build());
    self.set(handle);
    CompletableFuture<RunSnapshot> run = handle.runNow();
    assertThat(handle.currentRun()).isPresent();
    scheduler.runDue();

    assertThat(seen).containsExactly(10L, 20L, 30L);
    assertThat(run.join().itemsWritten()).isEqualTo(30);
    assertThat(handle.currentRun()).isEmpty();
  }

  @Test
  void jobsSharingACredential_mustAgreeOnItsRateLimit() {
    JobRunner runner = runner(StateStore.inMemory());
    var connector = new Fixtures.Recording<String>(10);
    runner.add(
        Job.exporting("one", connector, CONFIG, AUTH, listSource(ITEMS))
            .rateLimit(RateLimit.of(10, Duration.ofSeconds(1)))
            .build());
    Job other =
        Job.exporting("two", connector, CONFIG, AUTH, listSource(ITEMS))
            .rateLimit(RateLimit.of(5, Duration.ofSeconds(1)))
            .build();
    assertThatThrownBy(() -> runner.add(other))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("jobs that share a credential must share its limit");
    assertThatThrownBy(
            () ->
                runner.add(
                    Job.exporting("one", connector, CONFIG, AUTH, listSource(ITEMS)).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a job with id one is already registered");
  }

  @Test
  void cancel_removesTheJob() {
    JobRunner runner = runner(StateStore.inMemory());
    JobHandle handle =
        runner.add(
            Job.exporting(
                    "gone", new Fixtures.Recording<String>(1), CONFIG, AUTH, listSource(ITEMS))
                .schedule(Schedule.parse("every 1m"))
                .build());
    handle.cancel();
    assertThat(handle.state()).isEqualTo(JobState.CANCELLED);
    assertThat(runner.job("gone")).isEmpty();
    assertThat(scheduler.queued()).isZero();
  }

  @Test
  void jobIds_areChecked() {
    assertThatThrownBy(
            () ->
                Job.exporting(
                    "no spaces",
                    new Fixtures.Recording<String>(1),
                    CONFIG,
                    AUTH,
                    listSource(ITEMS)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("job id must be 1-100 letters");
  }
}

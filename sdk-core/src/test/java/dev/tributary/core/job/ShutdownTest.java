package dev.tributary.core.job;

import static dev.tributary.core.job.Fixtures.AUTH;
import static dev.tributary.core.job.Fixtures.CONFIG;
import static dev.tributary.core.job.Fixtures.listSource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.core.TransientException;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.state.StateStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Graceful shutdown with real threads, synchronised by latches: no sleeps. */
@Timeout(60)
class ShutdownTest {
  static final List<String> ITEMS = List.of("a", "b", "c", "d", "e", "f");

  @Test
  void shutdown_letsTheBatchInFlightFinish_checkpointsIt_andTheNextRunContinues() throws Exception {
    StateStore store = StateStore.inMemory();
    CountDownLatch inSecondBatch = new CountDownLatch(1);
    var connector =
        new Fixtures.Recording<String>(2)
            .answering(
                (c, batch) -> {
                  if (batch.get(0).equals("c")) {
                    inSecondBatch.countDown();
                    // Finish this batch only once shutdown has asked the run to stop, so that the
                    // stop request is certain to be seen at the next checkpoint (no race).
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (!c.reporter().stopRequested() && System.nanoTime() < deadline) {
                      Thread.onSpinWait();
                    }
                  }
                  return BatchResult.allOk(batch.size());
                });
    Job job = Job.exporting("export", connector, CONFIG, AUTH, listSource(ITEMS)).build();
    JobRunner runner = JobRunner.builder().stateStore(store).build();
    CompletableFuture<RunSnapshot> run = runner.add(job).runNow();
    assertThat(inSecondBatch.await(30, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Boolean> shutdown =
        CompletableFuture.supplyAsync(() -> shutdown(runner, Duration.ofSeconds(30)));

    assertThat(shutdown.get(30, TimeUnit.SECONDS)).isTrue();
    RunSnapshot stopped = run.get(30, TimeUnit.SECONDS);
    assertThat(stopped.status()).isEqualTo(RunStatus.STOPPED);
    assertThat(stopped.itemsWritten()).isEqualTo(4);
    assertThat(store.load("export")).contains(Checkpoint.at("4"));

    JobRunner restarted = JobRunner.builder().stateStore(store).build();
    RunSnapshot rest = restarted.add(job).runNow().get(30, TimeUnit.SECONDS);
    restarted.close();
    assertThat(rest.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(connector.written()).containsExactlyElementsOf(ITEMS); // each exactly once
  }

  @Test
  void shutdown_cutsARetryWaitShort_withoutAdvancingTheCheckpoint() throws Exception {
    StateStore store = StateStore.inMemory();
    CountDownLatch failed = new CountDownLatch(1);
    var connector =
        new Fixtures.Recording<String>(10)
            .answering(
                (c, batch) -> {
                  failed.countDown();
                  throw new TransientException("503", Duration.ofMinutes(10), null);
                });
    JobRunner runner = JobRunner.builder().stateStore(store).build();
    CompletableFuture<RunSnapshot> run =
        runner
            .add(Job.exporting("waiting", connector, CONFIG, AUTH, listSource(ITEMS)).build())
            .runNow();
    assertThat(failed.await(30, TimeUnit.SECONDS)).isTrue();

    // Clean means no run had to be interrupted: the ten-minute wait ended at the stop request.
    assertThat(runner.shutdown(Duration.ofSeconds(20))).isTrue();
    assertThat(run.get(30, TimeUnit.SECONDS).status()).isEqualTo(RunStatus.STOPPED);
    assertThat(store.load("waiting")).isEmpty();
  }

  private static boolean shutdown(JobRunner runner, Duration grace) {
    try {
      return runner.shutdown(grace);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}

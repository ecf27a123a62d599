package dev.tributary.benchmarks;

import dev.tributary.core.model.AudienceChange;
import dev.tributary.core.model.Profile;
import dev.tributary.core.trigger.AudienceChanges;
import dev.tributary.core.trigger.MicroBatcher;
import dev.tributary.core.trigger.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the trigger micro-batcher on one core: one producer thread offers audience changes
 * (each user alternately entering and exiting, so per-user order and coalescing are exercised) and
 * the full batches are delivered on the same thread to a sink that consumes them. Timers run on a
 * second, idle thread. Goal: at least 500,000 changes per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g", "-XX:ActiveProcessorCount=1"})
@Threads(1)
public class MicroBatcherBenchmark {
  @Param({"100000"})
  public int users;

  @Param({"1000"})
  public int batchSize;

  private AudienceChange[] changes;
  private int next;
  private ScheduledExecutorService timers;
  private MicroBatcher<AudienceChanges.Key, AudienceChange> batcher;
  private long delivered;

  @Setup(Level.Trial)
  public void setUp(Blackhole bh) {
    Instant at = Instant.parse("2026-12-01T10:00:00Z");
    changes = new AudienceChange[users * 2];
    for (int u = 0; u < users; u++) {
      Profile p = Profile.builder("user-" + u).field("plan", "pro").build();
      changes[2 * u] = AudienceChange.entered("vip", p, at);
      changes[2 * u + 1] = AudienceChange.exited("vip", p, at);
    }
    // interleave: every user's enter comes before its exit, users overlap
    List<AudienceChange> shuffled = new java.util.ArrayList<>(List.of(changes));
    java.util.Collections.shuffle(shuffled, new java.util.Random(42));
    changes = ordered(shuffled);
    timers = Executors.newSingleThreadScheduledExecutor();
    Trigger trigger =
        Trigger.onAudiences("vip").maxBatchSize(batchSize).maxDelay(Duration.ofMinutes(1)).build();
    batcher =
        MicroBatcher.forTrigger(
                trigger,
                batch -> {
                  delivered += batch.size();
                  bh.consume(batch);
                })
            .scheduler(timers)
            .deliveryExecutor(Runnable::run)
            .build();
  }

  /** Keeps each user's enter before its exit while mixing users. */
  private static AudienceChange[] ordered(List<AudienceChange> shuffled) {
    java.util.Map<String, Boolean> entered = new java.util.HashMap<>();
    AudienceChange[] out = new AudienceChange[shuffled.size()];
    int i = 0;
    for (AudienceChange c : shuffled) {
      boolean first = entered.putIfAbsent(c.userId(), true) == null;
      out[i++] =
          first
              ? AudienceChange.entered(c.audience(), c.profile(), c.occurredAt())
              : AudienceChange.exited(c.audience(), c.profile(), c.occurredAt());
    }
    return out;
  }

  @TearDown(Level.Trial)
  public void tearDown() throws InterruptedException {
    batcher.close(Duration.ofSeconds(10));
    timers.shutdownNow();
    if (delivered == 0) {
      throw new IllegalStateException("nothing was delivered");
    }
  }

  @Benchmark
  public void offer() throws InterruptedException {
    batcher.offer(changes[next]);
    next = next + 1 == changes.length ? 0 : next + 1;
  }
}

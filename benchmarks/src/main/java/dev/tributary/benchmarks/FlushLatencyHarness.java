package dev.tributary.benchmarks;

import dev.tributary.core.model.AudienceChange;
import dev.tributary.core.model.Profile;
import dev.tributary.core.trigger.AudienceChanges;
import dev.tributary.core.trigger.MicroBatcher;
import dev.tributary.core.trigger.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Flush latency of the micro-batcher when batches flush by time: a producer offers changes at a
 * steady rate, each batch's first change is the oldest, and the sink records how long after that
 * change the batch was handed over, minus the configured delay. Goal: p99 within delay + 10 ms.
 *
 * <p>Arguments: delay in ms (default 100), seconds to run (20), changes per second (20000).
 */
public final class FlushLatencyHarness {
  private FlushLatencyHarness() {}

  public static void main(String[] args) throws Exception {
    long delayMs = args.length > 0 ? Long.parseLong(args[0]) : 100;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int rate = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
    int total = seconds * rate;
    long[] offeredAt = new long[total];
    ConcurrentLinkedQueue<Long> lateness = new ConcurrentLinkedQueue<>();
    AtomicBoolean closing = new AtomicBoolean();
    Duration delay = Duration.ofMillis(delayMs);
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    Trigger trigger = Trigger.onAudiences("vip").maxBatchSize(1_000_000).maxDelay(delay).build();
    MicroBatcher<AudienceChanges.Key, AudienceChange> batcher =
        MicroBatcher.forTrigger(
                trigger,
                batch -> {
                  if (closing.get()) {
                    return; // flushed by close(), not by the timer
                  }
                  long now = System.nanoTime();
                  int first = Integer.parseInt(batch.get(0).userId());
                  lateness.add(now - offeredAt[first] - delay.toNanos());
                })
            .scheduler(scheduler)
            .build();
    Instant at = Instant.now();
    long start = System.nanoTime();
    long interval = 1_000_000_000L / rate;
    for (int i = 0; i < total; i++) {
      long due = start + i * interval;
      while (System.nanoTime() < due) {
        LockSupport.parkNanos(Math.min(50_000, due - System.nanoTime()));
      }
      offeredAt[i] = System.nanoTime();
      batcher.offer(
          AudienceChange.entered("vip", Profile.builder(Integer.toString(i)).build(), at));
    }
    closing.set(true);
    batcher.close(Duration.ofSeconds(10));
    scheduler.shutdownNow();
    report(delayMs, rate, List.copyOf(lateness));
  }

  private static void report(long delayMs, int rate, List<Long> lateness) {
    long[] sorted = lateness.stream().mapToLong(Long::longValue).sorted().toArray();
    long[] timed = sorted;
    System.out.printf(
        Locale.ROOT,
        "flush latency beyond the %d ms delay, %d timed flushes at %d changes/s:%n"
            + "  p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
        delayMs,
        timed.length,
        rate,
        pct(timed, 0.50),
        pct(timed, 0.99),
        timed.length == 0 ? 0.0 : timed[timed.length - 1] / 1e6);
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }
}

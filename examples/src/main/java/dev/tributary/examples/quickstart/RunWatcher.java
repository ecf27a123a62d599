package dev.tributary.examples.quickstart;

import dev.tributary.core.job.RunListener;
import dev.tributary.core.job.RunSnapshot;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Lets a step wait for the next run of a job to finish, without polling. Thread-safe. */
final class RunWatcher implements RunListener {
  private final Map<String, CompletableFuture<RunSnapshot>> waiting = new ConcurrentHashMap<>();

  /** Completes when the next run of {@code jobId} that ends after this call has ended. */
  CompletableFuture<RunSnapshot> nextRunOf(String jobId) {
    return waiting.computeIfAbsent(jobId, id -> new CompletableFuture<>());
  }

  @Override
  public void runFinished(RunSnapshot run) {
    CompletableFuture<RunSnapshot> f = waiting.remove(run.jobId());
    if (f != null) {
      f.complete(run);
    }
  }
}

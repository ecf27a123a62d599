package dev.tributary.core.job;

import dev.tributary.core.ErrorClass;
import dev.tributary.core.TributaryException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.connector.Connector;
import dev.tributary.core.connector.RateLimit;
import dev.tributary.core.retry.RateLimits;
import dev.tributary.core.retry.Sleeper;
import dev.tributary.core.retry.Throttle;
import dev.tributary.core.state.StateStore;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;

/** What a {@link JobRunner} shares with the jobs it runs. */
record Services(
    ScheduledExecutorService executor,
    Clock clock,
    @Nullable Sleeper sleeper,
    StateStore stateStore,
    RateLimits rateLimits,
    Listeners listeners) {

  /** The throttle a job shares with every job of the same connector and credential. */
  Throttle throttle(Connector connector, Authorization authorization, RateLimit limit) {
    return rateLimits.throttle(connector.descriptor().id(), authorization, limit);
  }

  /**
   * Run {@code runNumber} of job {@code jobId}: its progress, on this runner's clock and sleeper.
   */
  Progress newRun(String jobId, long runNumber) {
    return new Progress(jobId, runNumber, new RunControl(sleeper), clock);
  }

  /**
   * Whether a failure pauses the job ({@link JobState#PAUSED}): {@code CONFIG} and {@code SYSTEM}
   * failures, which another run would only repeat.
   */
  static boolean pausesTheJob(TributaryException failure) {
    return failure.errorClass() == ErrorClass.CONFIG || failure.errorClass() == ErrorClass.SYSTEM;
  }
}

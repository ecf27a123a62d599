package dev.tributary.core.job;

import dev.tributary.core.retry.RateLimits;
import dev.tributary.core.retry.Sleeper;
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
    Listeners listeners) {}

/**
 * Virtual time for tests: a {@link dev.tributary.testing.time.ManualClock} that is also the
 * runtime's {@code Sleeper}, and a {@link dev.tributary.testing.time.ManualScheduler} to hand a
 * {@code JobRunner} or a micro-batcher, so that schedules, retries with backoff and flush timers
 * run without a single real sleep; and {@link dev.tributary.testing.time.VirtualTimeJobs}, job
 * runners wired to both that record their runs.
 */
@NullMarked
package dev.tributary.testing.time;

import org.jspecify.annotations.NullMarked;

/**
 * The embedded runtime: {@link dev.tributary.core.job.JobRunner} runs {@link
 * dev.tributary.core.job.Job}s on their schedules and {@link dev.tributary.core.job.TriggeredJob}s
 * on audience changes, with retries, rate limits, checkpoints and progress, so that connectors need
 * none of that code. A host embeds it in one line ({@code JobRunner.create()}) or hands it its own
 * executor, clock and state store.
 */
@NullMarked
package dev.tributary.core.job;

import org.jspecify.annotations.NullMarked;

/**
 * Real-time jobs: {@link dev.tributary.core.trigger.Trigger}, a subscription to audience changes;
 * {@link dev.tributary.core.trigger.MicroBatcher}, which turns a stream of changes into batches
 * (flush at N items or after T, order and coalescing per key, bounded memory with back-pressure);
 * {@link dev.tributary.core.trigger.AudienceChanges}, the ordering key and coalescing rule of
 * audience changes; and {@link dev.tributary.core.trigger.BackfillGate}, which lets a backfill of
 * the whole audience and live changes run together without a live change being overwritten.
 */
@NullMarked
package dev.tributary.core.trigger;

import org.jspecify.annotations.NullMarked;

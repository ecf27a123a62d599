/**
 * Real-time jobs: {@link dev.tributary.core.trigger.Trigger}, a subscription to audience changes.
 */
@NullMarked
package dev.tributary.core.trigger;

import org.jspecify.annotations.NullMarked;

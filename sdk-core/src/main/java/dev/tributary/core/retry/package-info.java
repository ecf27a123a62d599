/**
 * What the runtime does when a call to a third party fails, and how fast it may call: {@link
 * dev.tributary.core.retry.Retrier} (classification-driven retries with backoff, jitter and {@code
 * Retry-After}; per-item batch retries that re-send only retryable items and split batches rejected
 * whole), {@link dev.tributary.core.retry.RateLimit} and the shared {@link
 * dev.tributary.core.retry.RateLimits} (requests per interval and concurrent calls per connector
 * and credential), and the HTTP helpers {@link dev.tributary.core.retry.HttpStatusPolicy} and
 * {@link dev.tributary.core.retry.RetryAfter} for connectors that speak HTTP. Built on Failsafe,
 * whose types never appear here.
 */
@NullMarked
package dev.tributary.core.retry;

import org.jspecify.annotations.NullMarked;

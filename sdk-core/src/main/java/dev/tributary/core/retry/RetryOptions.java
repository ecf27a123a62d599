package dev.tributary.core.retry;

import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import dev.tributary.core.TributaryException;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link Retrier} retries {@code TRANSIENT} failures: how many attempts, the exponential
 * backoff between them (with random jitter, so that many clients do not retry in step), and how
 * long a {@code Retry-After} hint may make it wait. Other error classes are never retried.
 *
 * <p>Immutable and thread-safe; {@link #defaults()} or {@link #builder()}.
 */
public final class RetryOptions {
  private static final RetryOptions DEFAULTS = builder().build();

  private final int maxAttempts;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final double jitter;
  private final Duration maxRetryAfter;
  private final boolean splitRejectedBatches;

  private RetryOptions(Builder b) {
    if (b.maxDelay.compareTo(b.initialDelay) < 0) {
      throw new IllegalStateException(
          "maxDelay " + b.maxDelay + " is shorter than initialDelay " + b.initialDelay);
    }
    this.maxAttempts = b.maxAttempts;
    this.initialDelay = b.initialDelay;
    this.maxDelay = b.maxDelay;
    this.jitter = b.jitter;
    this.maxRetryAfter = b.maxRetryAfter;
    this.splitRejectedBatches = b.splitRejectedBatches;
  }

  /** 5 attempts, 1 s doubling to at most 1 min, ±20 % jitter, Retry-After up to 15 min. */
  public static RetryOptions defaults() {
    return DEFAULTS;
  }

  /** One attempt, no retries; batches rejected whole are still split. */
  public static RetryOptions noRetries() {
    return builder().maxAttempts(1).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration initialDelay() {
    return initialDelay;
  }

  public Duration maxDelay() {
    return maxDelay;
  }

  public double jitter() {
    return jitter;
  }

  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  public boolean splitRejectedBatches() {
    return splitRejectedBatches;
  }

  /** The Failsafe policy: retry retryable classes, back off, abort on a too-long Retry-After. */
  RetryPolicy<Object> toPolicy() {
    RetryPolicyBuilder<Object> b =
        RetryPolicy.builder()
            .handleIf((Object result, Throwable e) -> isRetryable(e))
            .abortIf((Object result, Throwable e) -> asksTooLong(e))
            .withMaxAttempts(maxAttempts);
    if (maxDelay.compareTo(initialDelay) > 0) {
      b.withBackoff(initialDelay, maxDelay);
    } else {
      b.withDelay(initialDelay);
    }
    if (jitter > 0) {
      b.withJitter(jitter);
    }
    return b.build();
  }

  private static boolean isRetryable(Throwable e) {
    return e instanceof TributaryException t && t.errorClass().isRetryable();
  }

  private boolean asksTooLong(Throwable e) {
    return e instanceof TributaryException t
        && t.retryAfter().map(d -> d.compareTo(maxRetryAfter) > 0).orElse(false);
  }

  @Override
  public String toString() {
    return "RetryOptions[maxAttempts="
        + maxAttempts
        + ", initialDelay="
        + initialDelay
        + ", maxDelay="
        + maxDelay
        + ", jitter="
        + jitter
        + ", maxRetryAfter="
        + maxRetryAfter
        + ", splitRejectedBatches="
        + splitRejectedBatches
        + "]";
  }

  /** Builds {@link RetryOptions}. Not thread-safe. */
  public static final class Builder {
    private int maxAttempts = 5;
    private Duration initialDelay = Duration.ofSeconds(1);
    private Duration maxDelay = Duration.ofMinutes(1);
    private double jitter = 0.2;
    private Duration maxRetryAfter = Duration.ofMinutes(15);
    private boolean splitRejectedBatches = true;

    private Builder() {}

    /**
     * Attempts in all, the first included. Default: 5, which with the default delays rides out
     * about 15 s of trouble; raise it for flaky vendors, or let the next run retry.
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The wait before the first retry; it doubles after each. Default: 1 s. */
    public Builder initialDelay(Duration initialDelay) {
      this.initialDelay = positive(initialDelay, "initialDelay");
      return this;
    }

    /** The longest backoff wait. Default: 1 min. */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = positive(maxDelay, "maxDelay");
      return this;
    }

    /**
     * Random spread of each backoff wait, as a fraction: 0.2 waits 80–120 % of the nominal delay.
     * Default: 0.2. A {@code Retry-After} wait is never shortened by jitter.
     */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0 && jitter < 1)) {
        throw new IllegalArgumentException("jitter must be in [0, 1): " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    /**
     * The longest {@code Retry-After} the runtime waits for. A longer one ends the retries at once
     * (the run fails as {@code TRANSIENT} and the next run resumes from the checkpoint) rather than
     * holding a thread for hours. Default: 15 min.
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
      if (maxRetryAfter.isNegative()) {
        throw new IllegalArgumentException("maxRetryAfter must not be negative: " + maxRetryAfter);
      }
      this.maxRetryAfter = maxRetryAfter;
      return this;
    }

    /**
     * Whether a batch rejected whole with a {@code VALIDATION} error (say HTTP 400 for one bad
     * record, or 413 for too large a body) is split in halves and re-sent until the bad items are
     * isolated, costing about log2(batch size) extra requests per bad item. Default: true; turn it
     * off for a vendor whose batch rejections say nothing about single items.
     */
    public Builder splitRejectedBatches(boolean split) {
      this.splitRejectedBatches = split;
      return this;
    }

    public RetryOptions build() {
      return new RetryOptions(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + d);
      }
      return d;
    }
  }
}

package dev.tributary.core.retry;

import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A temporary failure that outlasted the retries: every attempt failed with a {@code TRANSIENT}
 * error, or the remote side asked to wait longer than the runtime may. Nothing was committed past
 * the last checkpoint, so the next run picks the same work up again. The last failure is the
 * {@linkplain #getCause() cause}.
 */
public class RetriesExhaustedException extends TransientException {
  private static final long serialVersionUID = 1L;

  private final int attempts;
  private final int pendingItems;

  public RetriesExhaustedException(
      int attempts, int pendingItems, TributaryException last, @Nullable Duration retryAfter) {
    super(message(attempts, pendingItems, last), retryAfter, last);
    this.attempts = attempts;
    this.pendingItems = pendingItems;
  }

  private static String message(int attempts, int pendingItems, TributaryException last) {
    String what = pendingItems == 1 ? "1 item" : pendingItems + " items";
    return "gave up after "
        + attempts
        + (attempts == 1 ? " attempt" : " attempts")
        + " with "
        + what
        + " still failing: "
        + last.getMessage();
  }

  /** How many attempts were made. */
  public int attempts() {
    return attempts;
  }

  /** How many items were still failing (1 for a single call). */
  public int pendingItems() {
    return pendingItems;
  }
}

package dev.tributary.core.retry;

import dev.tributary.core.TributaryException;
import java.util.List;
import java.util.Objects;

/**
 * What became of a batch once {@link Retrier#writeBatch} is done with it: every item is either
 * written or rejected; none is left pending (those would have ended in an exception).
 *
 * @param written how many items the third party took
 * @param rejected the items it refused for good ({@code VALIDATION}), in batch order
 * @param <T> the item type
 */
public record BatchOutcome<T>(int written, List<Rejection<T>> rejected) {
  /**
   * One refused item and why.
   *
   * @param item the item as it was sent
   * @param error the reason, usually a {@link dev.tributary.core.ValidationException}
   */
  public record Rejection<T>(T item, TributaryException error) {
    public Rejection {
      Objects.requireNonNull(item, "item");
      Objects.requireNonNull(error, "error");
    }
  }

  public BatchOutcome {
    rejected = List.copyOf(rejected);
    if (written < 0) {
      throw new IllegalArgumentException("written must not be negative: " + written);
    }
  }
}

package dev.tributary.core.connector;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The per-item outcome of a batch write: one {@link ItemResult} per item, in batch order. The
 * runtime retries only the {@linkplain #retryable() retryable} failures and reports the others.
 */
public record BatchResult(List<ItemResult> items) {
  /**
   * @throws IllegalArgumentException unless item {@code i} is at position {@code i}
   */
  public BatchResult {
    items = List.copyOf(items);
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).index() != i) {
        throw new IllegalArgumentException(
            "items must be in batch order: position " + i + " holds index " + items.get(i).index());
      }
    }
  }

  /** All {@code size} items written. */
  public static BatchResult allOk(int size) {
    return new BatchResult(
        IntStream.range(0, size).mapToObj(ItemResult::ok).collect(Collectors.toList()));
  }

  public boolean allSucceeded() {
    return items.stream().allMatch(ItemResult::succeeded);
  }

  public List<ItemResult> failed() {
    return items.stream().filter(r -> !r.succeeded()).collect(Collectors.toList());
  }

  public List<ItemResult> retryable() {
    return items.stream().filter(ItemResult::isRetryable).collect(Collectors.toList());
  }
}

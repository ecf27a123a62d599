package dev.tributary.core.connector;

import dev.tributary.core.ErrorClass;
import dev.tributary.core.TributaryException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one item of a batch.
 *
 * @param index the item's position in the batch, from 0
 * @param error why it failed, or {@code null} if it was written
 */
public record ItemResult(int index, @Nullable TributaryException error) {
  public ItemResult {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative: " + index);
    }
  }

  public static ItemResult ok(int index) {
    return new ItemResult(index, null);
  }

  public static ItemResult failed(int index, TributaryException error) {
    return new ItemResult(index, Objects.requireNonNull(error, "error"));
  }

  public boolean succeeded() {
    return error == null;
  }

  /** The failure's class, or empty if the item succeeded. */
  public Optional<ErrorClass> errorClass() {
    return error == null ? Optional.empty() : Optional.of(error.errorClass());
  }

  /** Whether the item failed in a way that trying again may fix. */
  public boolean isRetryable() {
    return error != null && error.errorClass().isRetryable();
  }
}

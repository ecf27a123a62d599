package dev.tributary.core.retry;

import dev.tributary.core.connector.BatchResult;
import java.util.List;

/**
 * One attempt at writing a batch: typically {@code batch -> connector.write(context, batch)}.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface BatchWriter<T> {
  /**
   * Writes {@code batch} once and returns one result per item, in order. Throwing means the whole
   * batch failed the same way.
   */
  BatchResult write(List<T> batch) throws Exception;
}

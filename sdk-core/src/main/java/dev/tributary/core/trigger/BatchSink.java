package dev.tributary.core.trigger;

import java.util.List;

/**
 * Where a {@link MicroBatcher} delivers its batches: typically the export connector's write,
 * through the runtime's retries and rate limits. Called by one thread at a time, batch after batch.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface BatchSink<T> {
  /**
   * Delivers {@code batch}. Returning means every item is committed (written, or rejected for
   * good); throwing means the batch is not, and the batcher keeps it to deliver again.
   */
  void deliver(List<T> batch) throws Exception;
}

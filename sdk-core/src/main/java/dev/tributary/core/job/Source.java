package dev.tributary.core.job;

import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.Page;

/**
 * What an export job reads: the host's audience or profile store, paged from a checkpoint. The host
 * implements it (keyset pagination by profile ID, say); the runtime saves {@link Page#next()} once
 * the page is written, so a restarted job continues after the last page it committed.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface Source<T> {
  /**
   * Reads up to {@code maxItems} items starting at {@code from} (inclusive of its cursor, skipping
   * {@link Checkpoint#seenAtCursor()}).
   */
  Page<T> read(Checkpoint from, int maxItems) throws Exception;
}

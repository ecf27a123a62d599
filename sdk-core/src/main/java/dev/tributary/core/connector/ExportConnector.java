package dev.tributary.core.connector;

import java.util.List;

/**
 * The export pattern: writes a batch of items — profiles, audience changes, events, metrics — to a
 * third party and reports the outcome of each item. The runtime batches (at most {@link
 * #maxBatchSize()}), rate-limits and retries; a connector makes one attempt per call.
 *
 * <p>Throwing instead of returning per-item results means the whole batch failed the same way (for
 * instance a {@code CONFIG} error on bad credentials).
 *
 * @param <T> the item type
 */
public interface ExportConnector<T> extends Connector {
  /** Writes {@code batch} and returns one result per item, in order. */
  BatchResult write(ConnectorContext context, List<T> batch);

  /** The most items the third party takes in one request. Default: 1,000. */
  default int maxBatchSize() {
    return 1000;
  }
}

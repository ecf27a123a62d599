package dev.tributary.connectors.rest;

import dev.tributary.connectors.http.HttpResponse;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.connector.ConnectorConfig;
import java.util.Optional;

/**
 * Reads per-item outcomes from a batch API's answer. The REST export asks it for every 2xx answer
 * and for error answers that reject the request as a whole ({@code VALIDATION}, such as 400 or
 * 422), since many batch APIs name the bad items there. Empty means "this answer says nothing per
 * item": a 2xx then counts every item as written, an error fails the whole batch (which the runtime
 * splits to find the bad items).
 *
 * <p>{@link #standard()} reads the documented generic shape; a vendor connector passes its own.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ItemResultsReader {
  /**
   * The outcome of each of the {@code batchSize} items, if {@code response} says.
   *
   * @param config the connector's configuration (the standard reader takes its pointer from it)
   */
  Optional<BatchResult> read(ConnectorConfig config, HttpResponse response, int batchSize);

  /**
   * The generic shape: the array at the JSON pointer set as {@code results_pointer} (nothing is
   * read when it is unset). Each element describes one item — by its {@code "index"} (0-based), or
   * by its position when no element has one (then there must be one per item) — and says it failed
   * with an {@code "error"} (text, an object with a {@code "message"}, or {@code true}) or a {@code
   * "status"} of 400 or more, classified like an HTTP status (429 per item is retried). {@code
   * "retryable": true} makes an error without a status {@code TRANSIENT}; {@code "retry_after"}
   * (seconds) delays that retry. In an error answer, items not marked failed are sent again without
   * the failed ones (such an answer usually means nothing was written) unless their element has a
   * 2xx {@code "status"}: a duplicate is better than a loss.
   */
  static ItemResultsReader standard() {
    return StandardItemResults.INSTANCE;
  }

  /** Never reads anything per item: the answer's status decides for the whole batch. */
  static ItemResultsReader wholeBatch() {
    return (config, response, batchSize) -> Optional.empty();
  }
}

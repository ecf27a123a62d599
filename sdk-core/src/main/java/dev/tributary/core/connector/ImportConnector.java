package dev.tributary.core.connector;

/**
 * The import pattern: pages through a third party's users, activity, content or metrics from a
 * checkpoint. The runtime commits each page (field mapping, identity resolution into the host's
 * profile store) and only then saves {@link Page#next()}, so a crash re-reads at most one page:
 * at-least-once delivery.
 *
 * @param <T> the record type read: typically a raw record map, {@link
 *     dev.tributary.core.model.Content} or {@link dev.tributary.core.model.Metric}
 */
public interface ImportConnector<T> extends Connector {
  /**
   * Reads the page that starts at {@code from}: inclusive of {@code from.cursor()}, skipping the
   * keys in {@code from.seenAtCursor()}.
   *
   * @throws dev.tributary.core.TributaryException classified; a {@code TRANSIENT} one is retried
   */
  Page<T> read(ConnectorContext context, Checkpoint from);
}

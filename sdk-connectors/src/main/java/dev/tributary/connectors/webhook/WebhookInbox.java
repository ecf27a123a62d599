package dev.tributary.connectors.webhook;

import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.Page;
import dev.tributary.core.model.Event;

/**
 * Where verified inbound webhooks wait until an import job takes them: the {@link WebhookReceiver}
 * appends (and the sender gets 2xx only after that), and {@link WebhookInConnector#read} pages
 * through in order, from the job's checkpoint. This decouples answering the sender, which must be
 * quick, from mapping and identity resolution, which the runtime does at its pace.
 *
 * <p>Implement it on a durable store (a table with a sequence column, a log) when webhooks
 * acknowledged to the sender must survive a restart; {@link #inMemory} keeps them only as long as
 * the process lives. Implementations are thread-safe; one import job reads each inbox.
 */
public interface WebhookInbox extends WebhookSink {
  /**
   * The events from {@code from} on (inclusive; the cursor is the sequence number of the next
   * event), at most {@code max}. Everything before {@code from} is committed and may be dropped.
   */
  Page<Event> read(Checkpoint from, int max);

  /**
   * An inbox in memory holding at most {@code capacity} events not yet read past: when full, the
   * receiver answers 503 and the sender retries later. Lost on restart.
   */
  static WebhookInbox inMemory(int capacity) {
    return new InMemoryWebhookInbox(capacity);
  }
}

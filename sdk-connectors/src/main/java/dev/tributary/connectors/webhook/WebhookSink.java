package dev.tributary.connectors.webhook;

import dev.tributary.core.model.Event;
import java.util.List;

/**
 * Where a {@link WebhookReceiver} hands the events of a verified webhook: the host's queue, table
 * or log. The receiver answers 2xx only after {@link #accept} returned, so an event is lost only if
 * the sink loses it after accepting: make it durable (or at least as durable as the host needs).
 *
 * <p>Called from the HTTP server's threads, possibly several at once: implementations must be
 * thread-safe.
 */
@FunctionalInterface
public interface WebhookSink {
  /**
   * Takes the events of one webhook, all or none.
   *
   * @throws dev.tributary.core.ValidationException to refuse them for good (the sender gets 400 and
   *     should not retry)
   * @throws Exception anything else (the sender gets 503 and retries later; a {@link
   *     dev.tributary.core.TransientException}'s {@code retryAfter} becomes {@code Retry-After})
   */
  void accept(List<Event> events) throws Exception;
}

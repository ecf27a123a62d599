package dev.tributary.core.connector;

import dev.tributary.core.model.Event;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The pull pattern, server side: turns data-layer data that a page posted (a tag manager's data
 * layer, say) into events.
 */
public interface PullConnector extends Connector {
  /**
   * Maps one data-layer object, as decoded from the page's JSON, to events.
   *
   * @throws dev.tributary.core.ValidationException if the object is malformed
   */
  List<Event> pull(ConnectorContext context, Map<String, @Nullable Object> dataLayer);
}

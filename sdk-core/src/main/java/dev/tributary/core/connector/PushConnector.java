package dev.tributary.core.connector;

import dev.tributary.core.model.Profile;
import java.util.Map;

/**
 * The push pattern, server side: what a browser-side tag fetches for the current visitor — chosen
 * profile fields, audience memberships and personalised texts rendered from the profile.
 */
public interface PushConnector extends Connector {
  /**
   * The document to surface for {@code profile}: a JSON-ready map of strings, numbers, booleans,
   * lists and maps.
   */
  Map<String, Object> surface(ConnectorContext context, Profile profile);
}

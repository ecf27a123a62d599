package dev.tributary.connectors.personalization;

import java.util.Map;

/**
 * Where a request says who the visitor is. The default reads the connector's {@code identities}
 * setting ({@code user_id=cookie:uid}: a query parameter, a cookie or a header); a host whose
 * visitors are logged in supplies its own, reading its session instead:
 *
 * <pre>{@code
 * TagIdentitySource fromSession = request -> sessions.find(request.cookie("SESSION").orElse(""))
 *     .map(s -> Map.of("user_id", s.userId()))
 *     .orElse(Map.of());
 * }</pre>
 *
 * What arrives in a query parameter, a cookie or a header is a claim anyone can make: only a source
 * the host trusts (its session, a signed cookie) makes the document private to its visitor.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface TagIdentitySource {
  /**
   * The identities {@code request} carries, by kind, first the one to look up first; values as sent
   * (the handler normalises them); empty when the visitor is anonymous.
   */
  Map<String, String> identities(TagRequest request);
}

package dev.tributary.core.auth;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The OAuth 2 client-credentials grant (RFC 6749 §4.4): the connector trades its client ID and
 * secret at {@link #tokenUrl()} for short-lived access tokens, asking for {@link #scopes()}.
 */
public record OAuth2ClientCredentials(
    URI tokenUrl, String clientId, Secret clientSecret, List<String> scopes)
    implements Authorization {
  public OAuth2ClientCredentials {
    Objects.requireNonNull(tokenUrl, "tokenUrl");
    Require.nonBlank(clientId, "clientId");
    Require.nonEmpty(clientSecret, "clientSecret");
    scopes = List.copyOf(scopes);
  }

  @Override
  public String kind() {
    return "OAuth 2 client credentials";
  }
}

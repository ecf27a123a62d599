package dev.tributary.core.auth;

import java.net.URI;
import java.util.Objects;

/**
 * The OAuth 2 refresh-token grant (RFC 6749 §6): access on a user's behalf. Providers that rotate
 * refresh tokens return a new one with each access token; the connector then calls {@link
 * #onRotated()} so that the host persists it — otherwise the next run would present a revoked
 * token. {@link #clientSecret()} is {@link Secret#empty()} for public clients.
 */
public record OAuth2RefreshToken(
    URI tokenUrl,
    String clientId,
    Secret clientSecret,
    Secret refreshToken,
    RefreshTokenListener onRotated)
    implements Authorization {

  /** Told of a rotated refresh token, to persist it where the host keeps credentials. */
  @FunctionalInterface
  public interface RefreshTokenListener {
    /**
     * Called once per rotation, before the new token is first relied on; an exception stops the job
     * with a {@code CONFIG} error rather than lose the token.
     */
    void refreshTokenRotated(Secret newRefreshToken);

    /** A listener for providers that never rotate. */
    static RefreshTokenListener ignore() {
      return token -> {};
    }
  }

  public OAuth2RefreshToken {
    Objects.requireNonNull(tokenUrl, "tokenUrl");
    Require.nonBlank(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Require.nonEmpty(refreshToken, "refreshToken");
    Objects.requireNonNull(onRotated, "onRotated");
  }

  /** A copy holding {@code newRefreshToken}, after a rotation. */
  public OAuth2RefreshToken withRefreshToken(Secret newRefreshToken) {
    return new OAuth2RefreshToken(tokenUrl, clientId, clientSecret, newRefreshToken, onRotated);
  }

  @Override
  public String kind() {
    return "OAuth 2 refresh token";
  }

  @Override
  public String toString() {
    return "OAuth2RefreshToken[tokenUrl="
        + tokenUrl
        + ", clientId="
        + clientId
        + ", clientSecret="
        + clientSecret
        + ", refreshToken="
        + refreshToken
        + "]";
  }
}

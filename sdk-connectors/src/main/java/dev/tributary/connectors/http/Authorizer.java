package dev.tributary.connectors.http;

import dev.tributary.core.ConfigException;
import dev.tributary.core.auth.ApiKey;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.BasicAuth;
import dev.tributary.core.auth.BearerToken;
import dev.tributary.core.auth.HmacSigningSecret;
import dev.tributary.core.auth.NoAuthorization;
import dev.tributary.core.auth.OAuth2ClientCredentials;
import dev.tributary.core.auth.OAuth2JwtBearer;
import dev.tributary.core.auth.OAuth2RefreshToken;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.ConnectorContext;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * Puts a credential on a request: an API key in its header or query parameter, basic
 * authentication, a bearer token, or an OAuth 2 access token from the cache (client credentials,
 * refresh token or JWT bearer grant). An {@link HmacSigningSecret} adds nothing here (signing
 * depends on the payload; the webhook connectors sign themselves), nor does {@link
 * NoAuthorization}; SFTP and PGP credentials cannot authorize HTTP.
 */
final class Authorizer {
  /** The kinds that mean something over HTTP. */
  static final Set<Class<? extends Authorization>> HTTP_KINDS =
      Set.of(
          ApiKey.class,
          BasicAuth.class,
          BearerToken.class,
          OAuth2ClientCredentials.class,
          OAuth2RefreshToken.class,
          OAuth2JwtBearer.class,
          HmacSigningSecret.class,
          NoAuthorization.class);

  private final OAuthTokens tokens;

  Authorizer(OAuthTokens tokens) {
    this.tokens = tokens;
  }

  /** The OAuth access token a request carried, if any, and whether it was fetched just now. */
  record Applied(OAuthTokens.@Nullable AccessToken token) {}

  Applied apply(ConnectorContext context, HttpUrl.Builder url, Request.Builder request) {
    Authorization auth = context.authorization();
    if (auth instanceof ApiKey k) {
      if (k.placement() == ApiKey.Placement.HEADER) {
        request.header(k.name(), k.key().reveal());
      } else {
        url.addQueryParameter(k.name(), k.key().reveal());
      }
    } else if (auth instanceof BasicAuth b) {
      request.header(
          "Authorization",
          Credentials.basic(b.username(), b.password().reveal(), StandardCharsets.UTF_8));
    } else if (auth instanceof BearerToken t) {
      request.header("Authorization", "Bearer " + t.token().reveal());
    } else if (auth instanceof OAuth2ClientCredentials c) {
      return bearer(request, tokens.token(context, c));
    } else if (auth instanceof OAuth2RefreshToken r) {
      return bearer(request, tokens.token(context, r));
    } else if (auth instanceof OAuth2JwtBearer j) {
      return bearer(request, tokens.token(context, j));
    } else if (!(auth instanceof HmacSigningSecret) && !(auth instanceof NoAuthorization)) {
      throw notHttp(auth);
    }
    return new Applied(null);
  }

  private static Applied bearer(Request.Builder request, OAuthTokens.AccessToken token) {
    request.header("Authorization", "Bearer " + token.value().reveal());
    return new Applied(token);
  }

  void invalidate(Authorization auth, Secret stale) {
    tokens.invalidate(auth, stale);
  }

  static ConfigException notHttp(Authorization auth) {
    return new ConfigException(
        "authorization",
        "the authorization is a "
            + auth.kind()
            + ", which cannot authorize HTTP requests; use an API key, basic authentication, a"
            + " bearer token or OAuth 2",
        null);
  }
}

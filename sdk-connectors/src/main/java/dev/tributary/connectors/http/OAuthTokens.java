package dev.tributary.connectors.http;

import dev.tributary.core.ConfigException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.OAuth2ClientCredentials;
import dev.tributary.core.auth.OAuth2JwtBearer;
import dev.tributary.core.auth.OAuth2RefreshToken;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.ConnectorContext;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OAuth 2 access tokens of one transport, cached per credential and fetched again shortly
 * before they expire. One fetch at a time per credential: concurrent callers wait for it rather
 * than all asking the token endpoint at once.
 *
 * <p>Refresh tokens that the provider rotates are handed to the credential's {@link
 * OAuth2RefreshToken.RefreshTokenListener} before anything relies on them. If the listener fails,
 * the new refresh token is kept in memory, no access token is handed out, and the listener is
 * offered the token again on the next call. Later calls with the original credential use the
 * rotated refresh token; so do calls with a credential holding the rotated one.
 */
final class OAuthTokens {
  private static final Logger log = LoggerFactory.getLogger(OAuthTokens.class);

  private final TokenEndpoint endpoint;
  private final Duration margin;
  private final ConcurrentMap<Object, Slot> slots = new ConcurrentHashMap<>();

  OAuthTokens(TokenEndpoint endpoint, Duration margin) {
    this.endpoint = endpoint;
    this.margin = margin;
  }

  /** An access token, and whether it was fetched by this very call. */
  record AccessToken(Secret value, boolean fresh) {}

  /** The cache key of a refresh-token credential: everything but its listener. */
  private record RefreshKey(URI tokenUrl, String clientId, Secret clientSecret, Secret token) {}

  private static final class Slot {
    final ReentrantLock lock = new ReentrantLock();
    @Nullable Secret access;
    Instant refreshAt = Instant.MAX;
    @Nullable Secret refreshToken;
    @Nullable Object alias;
    boolean rotationPending;

    boolean valid(Instant now) {
      return access != null && now.isBefore(refreshAt);
    }
  }

  AccessToken token(ConnectorContext context, OAuth2ClientCredentials auth) {
    return cached(context, auth, () -> endpoint.clientCredentials(context, auth));
  }

  AccessToken token(ConnectorContext context, OAuth2JwtBearer auth) {
    return cached(context, auth, () -> endpoint.jwtBearer(context, auth));
  }

  /**
   * The cached token of a credential that is its own cache key, or a fresh one from {@code grant}.
   */
  private AccessToken cached(
      ConnectorContext context, Authorization auth, Supplier<TokenEndpoint.Token> grant) {
    Slot slot = slots.computeIfAbsent(auth, k -> new Slot());
    slot.lock.lock();
    try {
      Instant now = context.clock().instant();
      Secret access = slot.access;
      if (access != null && slot.valid(now)) {
        return new AccessToken(access, false);
      }
      TokenEndpoint.Token t = grant.get();
      store(slot, t, now);
      return new AccessToken(t.accessToken(), true);
    } finally {
      slot.lock.unlock();
    }
  }

  AccessToken token(ConnectorContext context, OAuth2RefreshToken auth) {
    Slot slot = slots.computeIfAbsent(key(auth, auth.refreshToken()), k -> new Slot());
    slot.lock.lock();
    try {
      if (slot.refreshToken == null) {
        slot.refreshToken = auth.refreshToken();
      }
      if (slot.rotationPending) {
        persist(auth, slot);
      }
      Instant now = context.clock().instant();
      Secret access = slot.access;
      if (access != null && slot.valid(now)) {
        return new AccessToken(access, false);
      }
      slot.access = null;
      TokenEndpoint.Token t = endpoint.refresh(context, auth, slot.refreshToken);
      Secret rotated = t.refreshToken();
      if (rotated != null && !rotated.equals(slot.refreshToken)) {
        rotate(auth, slot, rotated);
      }
      store(slot, t, now);
      return new AccessToken(t.accessToken(), true);
    } finally {
      slot.lock.unlock();
    }
  }

  private void rotate(OAuth2RefreshToken auth, Slot slot, Secret rotated) {
    log.debug("the token endpoint of client {} rotated the refresh token", auth.clientId());
    slot.refreshToken = rotated;
    slot.rotationPending = true;
    RefreshKey alias = key(auth, rotated);
    if (slot.alias != null) {
      slots.remove(slot.alias, slot);
    }
    slot.alias = alias;
    slots.put(alias, slot);
    persist(auth, slot);
  }

  private static void persist(OAuth2RefreshToken auth, Slot slot) {
    Secret token = slot.refreshToken;
    if (token == null) {
      return;
    }
    try {
      auth.onRotated().refreshTokenRotated(token);
      slot.rotationPending = false;
    } catch (RuntimeException e) {
      throw new ConfigException(
          "authorization",
          "the provider rotated the OAuth 2 refresh token of client "
              + auth.clientId()
              + " and the rotation listener failed ("
              + e.getClass().getName()
              + "); the new token is kept in memory and offered to the listener again on the"
              + " next call; fix where the host saves it, or authorize again",
          e);
    }
  }

  private void store(Slot slot, TokenEndpoint.Token t, Instant now) {
    slot.access = t.accessToken();
    Duration lifetime = t.expiresIn();
    if (lifetime == null) {
      slot.refreshAt = Instant.MAX; // used until the API refuses it
    } else {
      Duration early = margin.compareTo(lifetime.dividedBy(2)) < 0 ? margin : lifetime.dividedBy(2);
      slot.refreshAt = now.plus(lifetime).minus(early);
    }
  }

  /** Forgets {@code stale} (an access token the API refused) so that the next call fetches one. */
  void invalidate(Authorization auth, Secret stale) {
    Object key = auth instanceof OAuth2RefreshToken r ? key(r, r.refreshToken()) : (Object) auth;
    Slot slot = slots.get(key);
    if (slot == null) {
      return;
    }
    slot.lock.lock();
    try {
      if (stale.equals(slot.access)) {
        slot.access = null;
      }
    } finally {
      slot.lock.unlock();
    }
  }

  private static RefreshKey key(OAuth2RefreshToken auth, Secret token) {
    return new RefreshKey(auth.tokenUrl(), auth.clientId(), auth.clientSecret(), token);
  }
}

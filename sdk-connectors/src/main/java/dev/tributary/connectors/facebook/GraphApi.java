package dev.tributary.connectors.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.connectors.http.HttpRequest;
import dev.tributary.connectors.http.HttpResponse;
import dev.tributary.connectors.http.HttpTransport;
import dev.tributary.core.SystemException;
import dev.tributary.core.auth.ApiKey;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.BearerToken;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.ConnectorContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the Graph API through the shared {@link HttpTransport}: the credential goes where the
 * authorization says (a bearer token in the {@code Authorization} header, or the {@code
 * access_token} query parameter of an API key), {@code appsecret_proof} is added when an app secret
 * is configured, and error responses are classified by {@link GraphErrors}. One attempt per call.
 */
final class GraphApi {
  private static final Logger log = LoggerFactory.getLogger(GraphApi.class);

  private final HttpTransport transport;

  GraphApi(HttpTransport transport) {
    this.transport = transport;
  }

  /** GETs {@code path} (relative to the version root) with {@code params}; the body as JSON. */
  JsonNode get(
      ConnectorContext context, InsightsSettings s, String path, Map<String, String> params) {
    HttpRequest.Builder request = HttpRequest.get(s.versionRoot().resolve(path));
    params.forEach(request::query);
    proof(context, s, request);
    return send(context, request.build());
  }

  /** POSTs {@code form} to {@code path}, form-encoded as the Graph API documents its writes. */
  JsonNode post(
      ConnectorContext context, InsightsSettings s, String path, Map<String, String> form) {
    StringJoiner body = new StringJoiner("&");
    form.forEach((k, v) -> body.add(encode(k) + "=" + encode(v)));
    HttpRequest.Builder request =
        HttpRequest.post(s.versionRoot().resolve(path))
            .body(body.toString(), "application/x-www-form-urlencoded");
    proof(context, s, request);
    return send(context, request.build());
  }

  private JsonNode send(ConnectorContext context, HttpRequest request) {
    HttpResponse response = transport.exchange(context, request);
    if (log.isDebugEnabled()) {
      log.debug(
          "{} -> {}; usage {}, insights throttle {}",
          request.describe(),
          response.status(),
          response.header(ThrottleHeaders.BUSINESS_USE_CASE).orElse("-"),
          response.header(ThrottleHeaders.INSIGHTS).orElse("-"));
    }
    if (response.status() >= 400) {
      throw GraphErrors.toException(response, context.clock());
    }
    JsonNode json = response.json();
    if (!json.isObject()) {
      throw new SystemException(
          "the Graph API answered " + request.describe() + " with no JSON object");
    }
    return json;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Adds {@code appsecret_proof}: HMAC-SHA256 of the access token keyed by the app secret. */
  private static void proof(ConnectorContext context, InsightsSettings s, HttpRequest.Builder b) {
    Secret appSecret = s.appSecret();
    Secret token = token(context.authorization());
    if (appSecret == null || token == null) {
      return;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(appSecret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal(token.reveal().getBytes(StandardCharsets.UTF_8));
      b.query("appsecret_proof", HexFormat.of().formatHex(digest));
    } catch (GeneralSecurityException e) {
      throw new SystemException("HMAC-SHA256 is not available in this JVM", e);
    }
  }

  static @Nullable Secret token(Authorization auth) {
    if (auth instanceof BearerToken t) {
      return t.token();
    }
    return auth instanceof ApiKey k ? k.key() : null;
  }

  /** The account's node, for {@code check}. */
  JsonNode account(ConnectorContext context, InsightsSettings s) {
    return get(
        context, s, s.account(), Map.of("fields", "name,account_status,timezone_name,currency"));
  }
}

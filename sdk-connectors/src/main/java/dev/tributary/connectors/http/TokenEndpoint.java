package dev.tributary.connectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.core.ConfigException;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.TributaryException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.OAuth2ClientCredentials;
import dev.tributary.core.auth.OAuth2JwtBearer;
import dev.tributary.core.auth.OAuth2RefreshToken;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.retry.HttpStatusPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;

/**
 * Talks to an OAuth 2 token endpoint (RFC 6749 §4.4 and §6, RFC 7523 §2.1): posts the grant as a
 * form, with the client authenticated by HTTP basic (the default, §2.3.1) or in the form body (the
 * JWT bearer grant authenticates by its signed assertion instead), and reads the JSON answer.
 * Refusals are {@code CONFIG} errors naming the OAuth error code; 408, 429 and 5xx are {@code
 * TRANSIENT}, as for any call.
 */
final class TokenEndpoint {
  private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");
  static final String JWT_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

  private final Wire wire;
  private final ObjectMapper mapper;
  private final HttpStatusPolicy policy;
  private final HttpTransport.ClientAuthentication clientAuthentication;
  private final int excerptLength;

  TokenEndpoint(
      Wire wire,
      ObjectMapper mapper,
      HttpStatusPolicy policy,
      HttpTransport.ClientAuthentication clientAuthentication,
      int excerptLength) {
    this.wire = wire;
    this.mapper = mapper;
    this.policy = policy;
    this.clientAuthentication = clientAuthentication;
    this.excerptLength = excerptLength;
  }

  /** What the endpoint granted. */
  record Token(Secret accessToken, @Nullable Duration expiresIn, @Nullable Secret refreshToken) {}

  Token clientCredentials(ConnectorContext context, OAuth2ClientCredentials auth) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    if (!auth.scopes().isEmpty()) {
      form.put("scope", String.join(" ", auth.scopes()));
    }
    return post(context, auth, auth.tokenUrl(), auth.clientId(), auth.clientSecret(), form);
  }

  /** RFC 7523 §2.1: a freshly signed assertion, and no client authentication. */
  Token jwtBearer(ConnectorContext context, OAuth2JwtBearer auth) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", JWT_BEARER_GRANT);
    form.put("assertion", JwtAssertion.sign(auth, context.clock().instant(), mapper));
    return post(context, auth, auth.tokenUrl(), null, Secret.empty(), form);
  }

  Token refresh(ConnectorContext context, OAuth2RefreshToken auth, Secret refreshToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken.reveal());
    return post(context, auth, auth.tokenUrl(), auth.clientId(), auth.clientSecret(), form);
  }

  private Token post(
      ConnectorContext context,
      Authorization auth,
      URI tokenUrl,
      @Nullable String clientId,
      Secret clientSecret,
      Map<String, String> form) {
    Request.Builder request = new Request.Builder().url(tokenUrl.toString());
    request.header("Accept", "application/json");
    if (clientId != null) { // a JWT bearer grant authenticates by its signed assertion instead
      authenticate(request, form, clientId, clientSecret);
    }
    byte[] body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"))
            .getBytes(StandardCharsets.UTF_8);
    request.post(RequestBody.create(body, FORM));
    String description = "POST " + tokenUrl.getRawPath() + " (OAuth 2 token endpoint)";
    Redactor redactor =
        Redactor.of(
            auth,
            Secret.of(form.getOrDefault("refresh_token", "")),
            Secret.of(form.getOrDefault("assertion", "")));
    Wire.Reply reply =
        wire.send(request.build(), body.length, description, context.reporter(), redactor);
    if (reply.status() >= 300) {
      throw refused(context, reply, description, redactor, form.get("grant_type"));
    }
    return parse(reply, description);
  }

  private void authenticate(
      Request.Builder request, Map<String, String> form, String clientId, Secret clientSecret) {
    if (clientSecret.isEmpty() || clientAuthentication == HttpTransport.ClientAuthentication.BODY) {
      form.put("client_id", clientId);
      if (!clientSecret.isEmpty()) {
        form.put("client_secret", clientSecret.reveal());
      }
    } else {
      String pair = encode(clientId) + ":" + encode(clientSecret.reveal());
      request.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
  }

  private TributaryException refused(
      ConnectorContext context,
      Wire.Reply reply,
      String description,
      Redactor redactor,
      @Nullable String grant) {
    int status = reply.status();
    String excerpt = Excerpts.of(reply.body(), reply.contentType(), excerptLength, redactor);
    if (status >= 400 && policy.classify(status) == ErrorClass.TRANSIENT) {
      return HttpErrors.toException(
          policy, status, reply.header("Retry-After"), description, excerpt, context.clock());
    }
    String code = errorCode(reply);
    return new ConfigException(
        "authorization",
        "the OAuth 2 token endpoint refused the credential: HTTP "
            + status
            + (code == null ? "" : " " + code)
            + " from "
            + description
            + "; "
            + (JWT_BEARER_GRANT.equals(grant) ? jwtAdvice(code) : advice(code))
            + (excerpt.isEmpty() ? "" : "; response: " + excerpt),
        null);
  }

  private @Nullable String errorCode(Wire.Reply reply) {
    try {
      JsonNode error = mapper.readTree(reply.body()).path("error");
      String code = error.isTextual() ? error.asText() : null;
      return code != null && code.matches("[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]{1,64}")
          ? code
          : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String advice(@Nullable String code) {
    String c = code == null ? "" : code;
    return switch (c) {
      case "invalid_grant" ->
          "the refresh token is expired or revoked (or the grant is not allowed): authorize again";
      case "invalid_client", "unauthorized_client" ->
          "check the client ID and secret, and that this client may use this grant";
      case "invalid_scope" -> "check the scopes asked for";
      default -> "check the token URL, the client ID and the client secret";
    };
  }

  private static String jwtAdvice(@Nullable String code) {
    return "invalid_grant".equals(code)
        ? "the signed assertion was refused: the service account or its key may be deleted or"
            + " disabled, the issuer or scopes wrong, or this host's clock off by minutes; check"
            + " the key file and the clock"
        : "check the token URL, the service account key and its scopes";
  }

  private Token parse(Wire.Reply reply, String description) {
    JsonNode json;
    try {
      json = mapper.readTree(reply.body());
    } catch (IOException e) {
      throw new ConfigException(
          "authorization", description + " did not answer with JSON; check the token URL", null);
    }
    JsonNode access = json.path("access_token");
    if (!access.isTextual() || access.asText().isEmpty()) {
      throw new ConfigException(
          "authorization",
          description + " answered without an access_token; check the token URL",
          null);
    }
    String type = json.path("token_type").asText("bearer");
    if (!type.toLowerCase(Locale.ROOT).equals("bearer")) {
      throw new ConfigException(
          "authorization",
          description
              + " granted a token of type \""
              + type
              + "\"; only bearer tokens are supported",
          null);
    }
    JsonNode refresh = json.path("refresh_token");
    return new Token(
        Secret.of(access.asText()),
        expiresIn(json.path("expires_in")),
        refresh.isTextual() && !refresh.asText().isEmpty() ? Secret.of(refresh.asText()) : null);
  }

  private static @Nullable Duration expiresIn(JsonNode node) {
    if (node.canConvertToLong() || (node.isTextual() && node.asText().matches("\\d{1,12}"))) {
      long seconds = node.asLong();
      return seconds > 0 ? Duration.ofSeconds(seconds) : null;
    }
    return null;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

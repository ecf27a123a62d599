package dev.tributary.connectors.http;

import static dev.tributary.connectors.testutil.Answers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.connectors.testutil.Contexts;
import dev.tributary.core.ConfigException;
import dev.tributary.core.TransientException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.OAuth2ClientCredentials;
import dev.tributary.core.auth.OAuth2RefreshToken;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.testing.time.ManualClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OAuth 2 against a token endpoint and an API on one MockWebServer. */
class OAuthTest {
  static final String CLIENT_SECRET = "cl13nt-s3cret";

  @StartStop final MockWebServer server = new MockWebServer();
  final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
  final HttpTransport transport = HttpTransport.create();
  final TokenAndApi endpoints = new TokenAndApi("/oauth/token", () -> token(3600, null));
  int issued;

  @BeforeEach
  void dispatch() {
    server.setDispatcher(endpoints);
  }

  synchronized MockResponse token(long expiresIn, String refresh) {
    issued++;
    return json(
        200,
        "{\"access_token\":\"at-"
            + issued
            + "\",\"token_type\":\"Bearer\",\"expires_in\":"
            + expiresIn
            + (refresh == null ? "" : ",\"refresh_token\":\"" + refresh + "\"")
            + "}");
  }

  URI tokenUrl() {
    return server.url("/oauth/token").uri();
  }

  OAuth2ClientCredentials clientCredentials() {
    return Authorization.oauth2ClientCredentials(
        tokenUrl(), "my-client", Secret.of(CLIENT_SECRET), List.of("contacts.write", "lists"));
  }

  void call(Authorization auth) {
    ConnectorContext context = Contexts.of(auth, clock);
    transport.execute(context, HttpRequest.get(server.url("/v1/me").uri()).build());
  }

  @Test
  void clientCredentials_tokenIsFetchedOnceAndReusedUntilShortlyBeforeExpiry() throws Exception {
    OAuth2ClientCredentials auth = clientCredentials();
    call(auth);
    call(auth);
    clock.advance(Duration.ofMinutes(58)); // 60 s margin not reached yet
    call(auth);
    clock.advance(Duration.ofSeconds(61)); // within the margin: a new token
    call(auth);

    assertThat(endpoints.apiTokens)
        .containsExactly("Bearer at-1", "Bearer at-1", "Bearer at-1", "Bearer at-2");
    assertThat(endpoints.tokenRequests).hasSize(2);
    RecordedRequest first = endpoints.tokenRequests.get(0);
    assertThat(first.getMethod()).isEqualTo("POST");
    assertThat(first.getHeaders().get("Authorization"))
        .isEqualTo("Basic bXktY2xpZW50OmNsMTNudC1zM2NyZXQ="); // my-client:cl13nt-s3cret
    assertThat(first.getHeaders().get("Content-Type"))
        .startsWith("application/x-www-form-urlencoded");
    assertThat(first.getBody().utf8())
        .isEqualTo("grant_type=client_credentials&scope=contacts.write+lists");
  }

  @Test
  void shortLivedToken_isRenewedAtHalfItsLifetime() {
    endpoints.tokenAnswers.add(token(60, null));
    OAuth2ClientCredentials auth = clientCredentials();
    call(auth);
    clock.advance(Duration.ofSeconds(29));
    call(auth);
    clock.advance(Duration.ofSeconds(1));
    call(auth);
    assertThat(endpoints.apiTokens).containsExactly("Bearer at-1", "Bearer at-1", "Bearer at-2");
  }

  @Test
  void clientSecretInBody_whenTheServerWantsIt() {
    HttpTransport body =
        HttpTransport.builder()
            .clientAuthentication(HttpTransport.ClientAuthentication.BODY)
            .build();
    body.execute(
        Contexts.of(clientCredentials(), clock),
        HttpRequest.get(server.url("/v1/me").uri()).build());
    RecordedRequest r = endpoints.tokenRequests.get(0);
    assertThat(r.getHeaders().get("Authorization")).isNull();
    assertThat(r.getBody().utf8())
        .isEqualTo(
            "grant_type=client_credentials&scope=contacts.write+lists"
                + "&client_id=my-client&client_secret=cl13nt-s3cret");
  }

  @Test
  void cachedTokenRefusedEarly_isReplacedAndTheRequestSentOnceMore() {
    OAuth2ClientCredentials auth = clientCredentials();
    call(auth);
    endpoints.apiAnswers.add(json(401, "{}"));
    call(auth);

    assertThat(endpoints.apiTokens).containsExactly("Bearer at-1", "Bearer at-1", "Bearer at-2");
    assertThat(endpoints.tokenRequests).hasSize(2);
  }

  @Test
  void freshTokenRefused_isAConfigErrorWithoutASecondTry() {
    endpoints.apiAnswers.add(json(403, "{}"));
    assertThatThrownBy(() -> call(clientCredentials()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("HTTP 403 from GET /v1/me: the credential lacks permission");
    assertThat(endpoints.apiTokens).hasSize(1);
  }

  @Test
  void tokenEndpointRefusal_namesTheOAuthErrorAndNeverTheSecret() {
    endpoints.tokenAnswers.add(
        json(
            401,
            "{\"error\":\"invalid_client\",\"error_description\":\"bad " + CLIENT_SECRET + "\"}"));
    assertThatThrownBy(() -> call(clientCredentials()))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.setting()).contains("authorization"))
        .hasMessageContaining(
            "the OAuth 2 token endpoint refused the credential: HTTP 401 invalid_client")
        .hasMessageContaining("check the client ID and secret")
        .message()
        .doesNotContain(CLIENT_SECRET);
    assertThat(endpoints.apiTokens).isEmpty();
  }

  @Test
  void tokenEndpointBadRequest_isConfigNotValidation_soNoItemIsRejectedForIt() {
    endpoints.tokenAnswers.add(json(400, "{\"error\":\"invalid_scope\"}"));
    assertThatThrownBy(() -> call(clientCredentials()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("invalid_scope");
  }

  @Test
  void tokenEndpointOverloaded_isTransientWithItsRetryAfter() {
    endpoints.tokenAnswers.add(
        new MockResponse.Builder().code(503).addHeader("Retry-After", "12").build());
    assertThatThrownBy(() -> call(clientCredentials()))
        .isInstanceOfSatisfying(
            TransientException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(12)));
  }

  @Test
  void refreshToken_rotationIsPersistedBeforeTheNewTokenIsUsed() {
    List<String> events = new ArrayList<>();
    OAuth2RefreshToken auth =
        new OAuth2RefreshToken(
            tokenUrl(),
            "app",
            Secret.empty(),
            Secret.of("rt-1"),
            t ->
                events.add(
                    "saved " + t.reveal() + " after " + endpoints.apiTokens.size() + " API calls"));
    endpoints.tokenAnswers.add(token(60, "rt-2"));
    endpoints.tokenAnswers.add(token(60, "rt-3"));

    call(auth);
    clock.advance(Duration.ofSeconds(31));
    call(auth); // the job still holds the original credential: the rotated token is used

    assertThat(events)
        .containsExactly("saved rt-2 after 0 API calls", "saved rt-3 after 1 API calls");
    assertThat(endpoints.tokenRequests.get(0).getBody().utf8())
        .isEqualTo("grant_type=refresh_token&refresh_token=rt-1&client_id=app");
    assertThat(endpoints.tokenRequests.get(1).getBody().utf8())
        .isEqualTo("grant_type=refresh_token&refresh_token=rt-2&client_id=app");
  }

  @Test
  void refreshToken_listenerFailure_stopsWithConfig_andOffersTheTokenAgainNextCall() {
    List<String> saved = new ArrayList<>();
    boolean[] failing = {true};
    OAuth2RefreshToken auth =
        new OAuth2RefreshToken(
            tokenUrl(),
            "app",
            Secret.of(CLIENT_SECRET),
            Secret.of("rt-1"),
            t -> {
              if (failing[0]) {
                throw new IllegalStateException("vault down");
              }
              saved.add(t.reveal());
            });
    endpoints.tokenAnswers.add(token(3600, "rt-2"));

    assertThatThrownBy(() -> call(auth))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("rotation listener failed (java.lang.IllegalStateException)")
        .message()
        .doesNotContain("rt-2");
    assertThat(endpoints.apiTokens).isEmpty(); // nothing relied on the unsaved token

    failing[0] = false;
    call(auth);
    assertThat(saved).containsExactly("rt-2");
    assertThat(endpoints.tokenRequests.get(1).getBody().utf8())
        .isEqualTo("grant_type=refresh_token&refresh_token=rt-2");
    assertThat(endpoints.apiTokens).containsExactly("Bearer at-2");
  }

  @Test
  void refreshToken_revoked_saysToAuthorizeAgain() {
    endpoints.tokenAnswers.add(json(400, "{\"error\":\"invalid_grant\"}"));
    OAuth2RefreshToken auth =
        new OAuth2RefreshToken(
            tokenUrl(),
            "app",
            Secret.empty(),
            Secret.of("rt-old"),
            OAuth2RefreshToken.RefreshTokenListener.ignore());
    assertThatThrownBy(() -> call(auth))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("invalid_grant")
        .hasMessageContaining("authorize again");
  }

  @Test
  void check_reportsARefusedClientAsAnAuthorizationProblem() {
    endpoints.tokenAnswers.add(json(401, "{\"error\":\"invalid_client\"}"));
    var result = transport.check(Contexts.of(clientCredentials(), clock), null);
    assertThat(result.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.setting()).isEqualTo("authorization"));
    assertThat(endpoints.apiTokens).isEmpty();
  }

  @Test
  void check_probesTheCheckUrl() {
    endpoints.apiAnswers.add(json(401, "{}"));
    var refused =
        transport.check(
            Contexts.of(Authorization.bearer(Secret.of("t0k3n-x")), clock),
            server.url("/v1/me").uri());
    var fine =
        transport.check(
            Contexts.of(Authorization.bearer(Secret.of("t0k3n-x")), clock),
            server.url("/v1/me").uri());
    var sftp =
        transport.check(
            Contexts.of(Authorization.sftpPassword("u", Secret.of("pw-123")), clock), null);

    assertThat(refused.problems()).extracting(p -> p.setting()).containsExactly("authorization");
    assertThat(fine.isOk()).isTrue();
    assertThat(sftp.problems())
        .extracting(p -> p.message())
        .containsExactly(
            "the authorization is a SFTP password, which cannot authorize HTTP requests; use an API"
                + " key, basic authentication, a bearer token or OAuth 2");
  }
}

package dev.tributary.connectors.http;

import static dev.tributary.connectors.testutil.Answers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.connectors.testutil.Contexts;
import dev.tributary.connectors.testutil.RsaTestKey;
import dev.tributary.core.ConfigException;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.TributaryException;
import dev.tributary.core.auth.OAuth2JwtBearer;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.testing.time.ManualClock;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OAuth 2 JWT bearer grant (RFC 7523) against a token endpoint and an API on one MockWebServer:
 * the assertion's signature and claims are checked with the public key.
 */
class JwtBearerTest {
  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  @StartStop final MockWebServer server = new MockWebServer();
  final ManualClock clock = new ManualClock(T0);
  final HttpTransport transport = HttpTransport.create();
  final TokenAndApi endpoints = new TokenAndApi("/token", this::token);
  int issued;

  @BeforeEach
  void dispatch() {
    server.setDispatcher(endpoints);
  }

  /** Google's documented answer: an access token valid for an hour. */
  synchronized MockResponse token() {
    issued++;
    return json(
        200,
        "{\"access_token\":\"ya29.at-"
            + issued
            + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}");
  }

  OAuth2JwtBearer serviceAccount() {
    return new OAuth2JwtBearer(
        server.url("/token").uri(),
        "sync@acme-data.iam.gserviceaccount.com",
        null,
        "k3y-id-1",
        Secret.of(RsaTestKey.privateKeyPem()),
        List.of("https://www.googleapis.com/auth/bigquery"));
  }

  void call(OAuth2JwtBearer auth) {
    transport.execute(Contexts.of(auth, clock), HttpRequest.get(server.url("/v1/x").uri()).build());
  }

  static Map<String, String> form(RecordedRequest request) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : request.getBody().utf8().split("&")) {
      int eq = pair.indexOf('=');
      form.put(
          pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return form;
  }

  @Test
  void tokenRequest_carriesAnRs256AssertionThePublicKeyVerifies_withTheDocumentedClaims()
      throws Exception {
    call(serviceAccount());

    RecordedRequest request = endpoints.tokenRequests.get(0);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getHeaders().get("Authorization")).isNull(); // the assertion authenticates
    assertThat(request.getHeaders().get("Content-Type"))
        .startsWith("application/x-www-form-urlencoded");
    Map<String, String> form = form(request);
    assertThat(form.keySet()).containsExactly("grant_type", "assertion");
    assertThat(form.get("grant_type")).isEqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer");

    RsaTestKey.Jwt jwt = RsaTestKey.verify(form.get("assertion"), RsaTestKey.pair().getPublic());
    assertThat(jwt.header().toString())
        .isEqualTo("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k3y-id-1\"}");
    assertThat(jwt.claims().path("iss").asText())
        .isEqualTo("sync@acme-data.iam.gserviceaccount.com");
    assertThat(jwt.claims().path("aud").asText()).isEqualTo(server.url("/token").toString());
    assertThat(jwt.claims().path("scope").asText())
        .isEqualTo("https://www.googleapis.com/auth/bigquery");
    assertThat(jwt.claims().path("iat").asLong()).isEqualTo(T0.getEpochSecond());
    assertThat(jwt.claims().path("exp").asLong()).isEqualTo(T0.getEpochSecond() + 3600);
    assertThat(jwt.claims().has("sub")).isFalse();
    assertThat(endpoints.apiTokens).containsExactly("Bearer ya29.at-1");
  }

  @Test
  void subject_isClaimedForDomainWideDelegation_andNoKidWithoutAKeyId() throws Exception {
    OAuth2JwtBearer auth = serviceAccount();
    call(
        new OAuth2JwtBearer(
            auth.tokenUrl(), auth.issuer(), "ann@acme.com", null, auth.privateKey(), List.of()));

    RsaTestKey.Jwt jwt =
        RsaTestKey.verify(
            form(endpoints.tokenRequests.get(0)).get("assertion"), RsaTestKey.pair().getPublic());
    assertThat(jwt.claims().path("sub").asText()).isEqualTo("ann@acme.com");
    assertThat(jwt.claims().has("scope")).isFalse();
    assertThat(jwt.header().has("kid")).isFalse();
  }

  @Test
  void token_isCachedUntilShortlyBeforeExpiry_thenANewAssertionIsSigned() throws Exception {
    OAuth2JwtBearer auth = serviceAccount();
    call(auth);
    clock.advance(Duration.ofMinutes(58));
    call(auth);
    clock.advance(Duration.ofSeconds(61)); // inside the 60 s margin of 3599 s
    call(auth);

    assertThat(endpoints.apiTokens)
        .containsExactly("Bearer ya29.at-1", "Bearer ya29.at-1", "Bearer ya29.at-2");
    assertThat(endpoints.tokenRequests).hasSize(2);
    RsaTestKey.Jwt second =
        RsaTestKey.verify(
            form(endpoints.tokenRequests.get(1)).get("assertion"), RsaTestKey.pair().getPublic());
    assertThat(second.claims().path("iat").asLong())
        .isEqualTo(T0.plus(Duration.ofSeconds(58 * 60 + 61)).getEpochSecond());
  }

  @Test
  void unauthorizedCachedToken_isRefreshedOnce_thenARefusedGrantIsConfig_withoutTheKey() {
    OAuth2JwtBearer auth = serviceAccount();
    call(auth);
    endpoints.apiAnswers.add(
        json(401, "{\"error\":{\"code\":401,\"status\":\"UNAUTHENTICATED\"}}"));
    endpoints.tokenAnswers.add(
        json(
            400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}"));

    assertThatThrownBy(() -> call(auth))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.setting()).contains("authorization");
              assertThat(e.getMessage())
                  .contains("HTTP 400 invalid_grant")
                  .contains("the signed assertion was refused")
                  .doesNotContain("PRIVATE KEY")
                  .doesNotContain(RsaTestKey.privateKeyPem().substring(40, 80));
            });
    assertThat(endpoints.tokenRequests)
        .hasSize(2); // the first grant, and the refresh after the 401
    assertThat(endpoints.apiTokens).containsExactly("Bearer ya29.at-1", "Bearer ya29.at-1");
  }

  @Test
  void unauthorizedCachedToken_isRefreshedOnce_andTheRequestSentAgain() {
    OAuth2JwtBearer auth = serviceAccount();
    call(auth);
    endpoints.apiAnswers.add(json(401, "{}"));

    call(auth);

    assertThat(endpoints.apiTokens)
        .containsExactly("Bearer ya29.at-1", "Bearer ya29.at-1", "Bearer ya29.at-2");
  }

  @Test
  void unauthorizedFreshToken_isConfig() {
    endpoints.apiAnswers.add(json(401, "{}"));
    assertThatThrownBy(() -> call(serviceAccount()))
        .isInstanceOfSatisfying(
            TributaryException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.CONFIG));
    assertThat(endpoints.tokenRequests).hasSize(1);
  }

  @Test
  void tokenEndpointRateLimit_isTransient() {
    endpoints.tokenAnswers.add(
        new MockResponse.Builder().code(429).addHeader("Retry-After", "9").body("{}").build());
    assertThatThrownBy(() -> call(serviceAccount()))
        .isInstanceOfSatisfying(
            TributaryException.class,
            e -> {
              assertThat(e.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(9));
            });
  }

  @Test
  void echoedAssertion_isRedactedFromTheMessage() {
    endpoints.tokenAnswers.add(new MockResponse.Builder().code(400).body("placeholder").build());
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String assertion = form(request).get("assertion");
            return json(400, "{\"error\":\"invalid_request\",\"assertion\":\"" + assertion + "\"}");
          }
        });
    assertThatThrownBy(() -> call(serviceAccount()))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> assertThat(e.getMessage()).contains("****").doesNotContain("eyJ"));
  }

  @Test
  void keysThatCannotSign_areConfigErrorsThatNeverQuoteTheKey() {
    String pkcs1 = "-----BEGIN RSA PRIVATE KEY-----\nMIIEsecret\n-----END RSA PRIVATE KEY-----";
    String garbage =
        "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5IGF0IGFsbA==\n-----END PRIVATE KEY-----";
    String small = RsaTestKey.privateKeyPem(RsaTestKey.generate(1024));
    for (String pem : List.of(pkcs1, garbage, small, "not pem")) {
      OAuth2JwtBearer auth = serviceAccount();
      OAuth2JwtBearer bad =
          new OAuth2JwtBearer(
              auth.tokenUrl(), auth.issuer(), null, null, Secret.of(pem), auth.scopes());
      assertThatThrownBy(() -> call(bad))
          .isInstanceOfSatisfying(
              ConfigException.class,
              e ->
                  assertThat(e.getMessage())
                      .startsWith("the private key of the JWT bearer credential ")
                      .doesNotContain("MIIE")
                      .doesNotContain("bm90"));
    }
    assertThat(endpoints.tokenRequests).isEmpty();
  }

  @Test
  void check_fetchesAToken_andReportsARefusedGrantAsAnAuthorizationProblem() {
    endpoints.tokenAnswers.add(json(401, "{\"error\":\"invalid_client\"}"));
    CheckResult refused = transport.check(Contexts.of(serviceAccount(), clock), null);
    CheckResult ok = transport.check(Contexts.of(serviceAccount(), clock), null);

    assertThat(refused.problems())
        .extracting(CheckResult.Problem::setting)
        .containsExactly("authorization");
    assertThat(ok.isOk()).isTrue();
    assertThat(endpoints.tokenRequests).hasSize(2);
  }

  @Test
  void toString_ofTheCredential_hidesTheKey() {
    assertThat(serviceAccount().toString())
        .contains("privateKey=****")
        .doesNotContain("PRIVATE KEY")
        .contains("sync@acme-data.iam.gserviceaccount.com");
  }
}

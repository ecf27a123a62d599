package dev.tributary.connectors.http;

import static dev.tributary.connectors.testutil.Answers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tributary.connectors.testutil.Contexts;
import dev.tributary.connectors.testutil.CountingReporter;
import dev.tributary.core.ConfigException;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import dev.tributary.core.ValidationException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.retry.HttpStatusPolicy;
import dev.tributary.core.retry.Retrier;
import dev.tributary.testing.time.ManualClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class HttpTransportTest {
  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  static final String TOKEN = "tok-3x4mpl3-secret";

  @StartStop final MockWebServer server = new MockWebServer();
  final ManualClock clock = new ManualClock(NOW);
  final HttpTransport transport = HttpTransport.create();

  URI url(String path) {
    return server.url(path).uri();
  }

  ConnectorContext context(Authorization auth) {
    return Contexts.of(auth, clock);
  }

  @Test
  void apiKeyInHeader_isSentInTheNamedHeader() throws Exception {
    server.enqueue(json(200, "{}"));
    transport.execute(
        context(Authorization.apiKeyHeader("X-Api-Key", Secret.of(TOKEN))),
        HttpRequest.get(url("/v1/me")).build());

    RecordedRequest r = server.takeRequest();
    assertThat(r.getHeaders().get("X-Api-Key")).isEqualTo(TOKEN);
    assertThat(r.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void requestHeaderOfTheSameName_neverReplacesTheCredential() throws Exception {
    server.enqueue(json(200, "{}"));
    transport.execute(
        context(Authorization.apiKeyHeader("X-Api-Key", Secret.of(TOKEN))),
        HttpRequest.get(url("/v1/me")).header("X-Api-Key", "from-config").build());

    assertThat(server.takeRequest().getHeaders().values("X-Api-Key")).containsExactly(TOKEN);
  }

  @Test
  void apiKeyInQuery_isAddedToTheUrlEncoded() throws Exception {
    server.enqueue(json(200, "{}"));
    transport.execute(
        context(Authorization.apiKeyQuery("api_key", Secret.of("a b&c"))),
        HttpRequest.get(url("/v1/me?fields=id")).query("q", "x/y").build());

    assertThat(server.takeRequest().getTarget())
        .isEqualTo("/v1/me?fields=id&q=x%2Fy&api_key=a%20b%26c");
  }

  @Test
  void basicAndBearer_setTheAuthorizationHeader() throws Exception {
    server.enqueue(json(200, "{}"));
    server.enqueue(json(200, "{}"));
    transport.execute(
        context(Authorization.basic("ann", Secret.of("pässword"))),
        HttpRequest.get(url("/a")).build());
    transport.execute(
        context(Authorization.bearer(Secret.of(TOKEN))), HttpRequest.get(url("/b")).build());

    assertThat(server.takeRequest().getHeaders().get("Authorization"))
        .isEqualTo("Basic YW5uOnDDpHNzd29yZA=="); // UTF-8, as RFC 7617 recommends
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
  }

  @Test
  void noAuthorization_sendsNoCredential() throws Exception {
    server.enqueue(json(200, "{}"));
    transport.execute(context(Authorization.none()), HttpRequest.get(url("/a")).build());
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isNull();
  }

  @Test
  void sftpCredential_isAConfigErrorBeforeAnythingIsSent() {
    assertThatThrownBy(
            () ->
                transport.execute(
                    context(Authorization.sftpPassword("ann", Secret.of("pw-12345"))),
                    HttpRequest.get(url("/a")).build()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SFTP password, which cannot authorize HTTP requests");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void jsonBodyJacksonCannotWrite_isAValidationErrorNamingTheRequest_andNothingIsSent() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("odd", new Object()); // no properties: Jackson refuses an empty bean

    assertThatThrownBy(
            () ->
                transport.execute(
                    context(Authorization.none()),
                    HttpRequest.post(url("/v1/contacts")).json(body).build()))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith(
            "the body of POST /v1/contacts cannot be written as JSON: No serializer found for class"
                + " java.lang.Object");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void jsonBody_isWrittenByTheUsersObjectMapper_withHeadersAndUserAgent() throws Exception {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    HttpTransport custom = HttpTransport.builder().objectMapper(mapper).userAgent("acme/1").build();
    server.enqueue(json(200, "{\"ok\":true}"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("email", "ann@example.com");
    body.put("seats", 3);

    HttpResponse response =
        custom.execute(
            context(Authorization.none()),
            HttpRequest.post(url("/v1/contacts")).json(body).header("X-Trace", "t1").build());

    assertThat(response.json().path("ok").asBoolean()).isTrue();
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(r.getHeaders().get("User-Agent")).isEqualTo("acme/1");
    assertThat(r.getHeaders().get("X-Trace")).isEqualTo("t1");
    assertThat(r.getBody().utf8()).isEqualTo(mapper.writeValueAsString(body)).contains("\n");
  }

  @Test
  void gzip_compressesTheBodyAndSaysSo() throws Exception {
    server.enqueue(json(202, ""));
    String payload = "{\"metrics\":[" + "{\"name\":\"x\",\"value\":1},".repeat(200) + "{}]}";
    CountingReporter reporter = new CountingReporter();

    transport.execute(
        Contexts.of(Authorization.none(), clock, reporter),
        HttpRequest.post(url("/ingest")).body(payload, "application/json").gzip(true).build());

    RecordedRequest r = server.takeRequest();
    assertThat(r.getHeaders().get("Content-Encoding")).isEqualTo("gzip");
    byte[] sent = r.getBody().toByteArray();
    assertThat(sent.length).isLessThan(payload.length() / 10);
    assertThat(gunzip(sent)).isEqualTo(payload);
    assertThat(reporter.bytes()).isEqualTo(sent.length); // compressed request, empty response
  }

  static String gunzip(byte[] bytes) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void bytesOfRequestAndResponseBodies_areReported() {
    server.enqueue(json(200, "[1,2,3]"));
    CountingReporter reporter = new CountingReporter();
    transport.execute(
        Contexts.of(Authorization.none(), clock, reporter),
        HttpRequest.post(url("/x")).body("12345", "text/plain").build());
    assertThat(reporter.bytes()).isEqualTo(5 + 7);
  }

  @Test
  void badRequest_isAValidationErrorWithStatusAndARedactedExcerpt() {
    server.enqueue(
        json(400, "{\"error\": \"invalid\\nemail\", \"echo\": \"Bearer " + TOKEN + "\"}"));

    assertThatThrownBy(
            () ->
                transport.execute(
                    context(Authorization.bearer(Secret.of(TOKEN))),
                    HttpRequest.post(url("/v1/contacts")).json(Map.of()).build()))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              HttpError http = (HttpError) e;
              assertThat(http.status()).isEqualTo(400);
              assertThat(http.request()).isEqualTo("POST /v1/contacts");
              assertThat(http.responseExcerpt())
                  .contains("{\"error\": \"invalid\\nemail\", \"echo\": \"Bearer ****\"}");
            })
        .hasMessage(
            "HTTP 400 from POST /v1/contacts: the request was rejected; response: {\"error\":"
                + " \"invalid\\nemail\", \"echo\": \"Bearer ****\"}");
  }

  @Test
  void excerpt_isCutCollapsedAndEscaped_andCanBeTurnedOff() {
    server.enqueue(json(422, "a  \n\n b\u0007c" + "x".repeat(500)));
    server.enqueue(json(422, "secret details"));
    HttpTransport noExcerpt = HttpTransport.builder().errorExcerptLength(0).build();
    HttpTransport short10 = HttpTransport.builder().errorExcerptLength(10).build();

    TributaryException cut = attempt(short10, "/a");
    TributaryException none = attempt(noExcerpt, "/b");

    assertThat(((HttpError) cut).responseExcerpt()).contains("a b\\u0007cxxxxx…");
    assertThat(none).hasMessage("HTTP 422 from GET /b: the request was rejected");
    assertThat(((HttpError) none).responseExcerpt()).isEmpty();
  }

  TributaryException attempt(HttpTransport t, String path) {
    try {
      t.execute(context(Authorization.none()), HttpRequest.get(url(path)).build());
    } catch (TributaryException e) {
      return e;
    }
    throw new AssertionError("no exception");
  }

  @Test
  void rateLimitedAndUnavailable_areTransientWithBothRetryAfterForms() {
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(45).atOffset(ZoneOffset.UTC));
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", date).build());

    TributaryException limited = attempt(transport, "/a");
    TributaryException down = attempt(transport, "/b");

    assertThat(limited).isInstanceOf(TransientException.class);
    assertThat(limited.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(((HttpError) limited).status()).isEqualTo(429);
    assertThat(down.retryAfter()).contains(Duration.ofSeconds(45));
  }

  @Test
  void unauthorized_isAConfigErrorThatNeverShowsTheKey() {
    server.enqueue(json(401, "{\"message\":\"bad key " + TOKEN + "\"}"));
    assertThatThrownBy(
            () ->
                transport.execute(
                    context(Authorization.apiKeyQuery("key", Secret.of(TOKEN))),
                    HttpRequest.get(url("/me")).build()))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.setting()).contains("authorization"))
        .hasMessageContaining("HTTP 401 from GET /me: the credential was refused")
        .hasMessageContaining("bad key ****")
        .message()
        .doesNotContain(TOKEN);
  }

  @Test
  void statusPolicyOverride_appliesToTheCopyOnly() {
    server.enqueue(json(404, "{}"));
    server.enqueue(json(404, "{}"));
    HttpTransport vendor =
        transport.withStatusPolicy(HttpStatusPolicy.defaults().with(404, ErrorClass.TRANSIENT));

    assertThat(attempt(vendor, "/a").errorClass()).isEqualTo(ErrorClass.TRANSIENT);
    assertThat(attempt(transport, "/a").errorClass()).isEqualTo(ErrorClass.VALIDATION);
  }

  @Test
  void exchange_returnsErrorResponsesForTheCallerToRead() {
    server.enqueue(json(400, "{\"errors\":[{\"index\":1}]}"));
    HttpResponse r =
        transport.exchange(
            context(Authorization.none()), HttpRequest.post(url("/batch")).json(List.of()).build());

    assertThat(r.isSuccessful()).isFalse();
    assertThat(r.json().at("/errors/0/index").asInt()).isEqualTo(1);
    assertThat(r.toException()).isInstanceOf(ValidationException.class);
  }

  @Test
  void tooLargeResponse_isAConfigErrorNamingTheLimit() {
    HttpTransport small = HttpTransport.builder().maxResponseBytes(10).build();
    server.enqueue(json(200, "[" + "1,".repeat(20) + "1]"));
    assertThatThrownBy(
            () ->
                small.execute(context(Authorization.none()), HttpRequest.get(url("/page")).build()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("larger than 10 bytes");
  }

  @Test
  void htmlWhereJsonWasExpected_isAConfigErrorAboutTheEndpoint() {
    server.enqueue(
        new MockResponse.Builder().addHeader("Content-Type", "text/html").body("<html>").build());
    HttpResponse r =
        transport.execute(context(Authorization.none()), HttpRequest.get(url("/")).build());
    assertThatThrownBy(r::json)
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "the response to GET / is not JSON (text/html); check the endpoint: it may not be the API");
  }

  @Test
  void connectionRefused_isTransientAndHidesTheQueryKey() throws Exception {
    URI gone = url("/v1/items");
    server.close();
    assertThatThrownBy(
            () ->
                transport.execute(
                    context(Authorization.apiKeyQuery("key", Secret.of(TOKEN))),
                    HttpRequest.get(gone).build()))
        .isInstanceOf(TransientException.class)
        .hasMessageStartingWith("I/O failure on GET /v1/items: ")
        .message()
        .doesNotContain(TOKEN);
  }

  @Test
  void throughTheRetrier_429And503AreRetriedAfterTheirRetryAfter() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "30").build());
    server.enqueue(json(200, "{\"id\":1}"));
    Retrier retrier = Retrier.builder().sleeper(clock).build();

    JsonNode body =
        retrier.call(
            () ->
                transport
                    .execute(
                        context(Authorization.bearer(Secret.of(TOKEN))),
                        HttpRequest.get(url("/x")).build())
                    .json());

    assertThat(body.path("id").asInt()).isEqualTo(1);
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(30));
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void requestDescriptions_showMethodAndPathOnly() {
    HttpRequest r =
        HttpRequest.post(URI.create("https://api.example.com/v1/x?key=secret"))
            .header("X-Key", "secret")
            .build();
    assertThat(r.toString()).isEqualTo("HttpRequest[POST /v1/x]").doesNotContain("secret");
  }

  @Test
  void misuse_failsFastNamingTheProblem() {
    URI u = URI.create("https://api.example.com/");
    assertThatThrownBy(() -> HttpRequest.get(URI.create("ftp://x/")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("url must be an absolute http or https URL: ftp://x/");
    assertThatThrownBy(() -> HttpRequest.get(u).header("Content-Length", "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the transport sets this header itself: Content-Length");
    assertThatThrownBy(() -> HttpRequest.builder("get", u))
        .hasMessage("method must be upper-case letters: get");
    assertThatThrownBy(() -> HttpTransport.builder().maxResponseBytes(0))
        .hasMessage("maxResponseBytes must be positive: 0");
  }
}

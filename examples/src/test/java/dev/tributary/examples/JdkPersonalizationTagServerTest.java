package dev.tributary.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.connectors.personalization.PersonalizationTagConnector;
import dev.tributary.connectors.personalization.PersonalizationTagHandler;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.identity.IdentityKey;
import dev.tributary.core.identity.IdentityResolver;
import dev.tributary.core.identity.ProfileStore;
import dev.tributary.core.identity.SourceRecord;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real HTTP requests, as a browser's tag sends them, against the handler on the JDK server. */
@Timeout(60)
class JdkPersonalizationTagServerTest {
  static final String SHOP = "https://shop.example.com";
  static final ObjectMapper JSON = new ObjectMapper();
  final HttpClient http = HttpClient.newHttpClient();
  JdkPersonalizationTagServer server;

  @BeforeEach
  void start() throws Exception {
    ProfileStore store = ProfileStore.inMemory();
    IdentityResolver resolver =
        IdentityResolver.builder(store).keys(IdentityKey.trimmed("user_id")).build();
    resolver.resolve(
        new SourceRecord(
            Map.of("user_id", "u-1"),
            Map.of("first_name", "Ann", "plan", "pro", "lifetime_value", 1234),
            Instant.parse("2026-12-01T10:00:00Z"),
            "crm"));
    PersonalizationTagConnector connector = PersonalizationTagConnector.create();
    ConnectorConfig config =
        ConnectorConfig.parse(
            connector.descriptor(),
            Map.of(
                "fields", "first_name, plan",
                "audiences", "vip",
                "alert_title", "Hey, {{ .first_name }}",
                "identities", "user_id=cookie:uid",
                "allowed_origins", SHOP,
                "max_age_seconds", "30"));
    PersonalizationTagHandler handler =
        connector
            .handler(ConnectorContext.of(config, Authorization.none()), store)
            .identityKeys(resolver.keys())
            .build();
    server =
        JdkPersonalizationTagServer.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "/tag", handler);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  HttpResponse<String> send(String method, String query, String... headers) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.port() + "/tag" + query);
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody());
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aVisitorsCookie_fromAnAllowedOrigin_getsTheirDocument_withCorsAndCacheHeaders()
      throws Exception {
    HttpResponse<String> r = send("GET", "?v=1", "Origin", SHOP, "Cookie", "uid=u-1; other=x");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()))
        .isEqualTo(
            JSON.readTree(
                "{\"v\":1,\"status\":\"known\",\"ttl\":30,"
                    + "\"fields\":{\"first_name\":\"Ann\",\"plan\":\"pro\"},"
                    + "\"audiences\":{\"vip\":false},\"alert\":{\"title\":\"Hey, Ann\"}}"));
    assertThat(r.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
    assertThat(r.headers().firstValue("Cache-Control")).contains("private, max-age=30");
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains(SHOP);
    assertThat(r.headers().firstValue("Access-Control-Allow-Credentials")).contains("true");
    assertThat(r.headers().firstValue("Vary")).contains("Origin, Cookie");
    assertThat(r.body()).doesNotContain("lifetime_value").doesNotContain("1234");
  }

  @Test
  void aRevalidation_is304_andAPreflight_is204() throws Exception {
    String etag = send("GET", "", "Cookie", "uid=u-1").headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> again = send("GET", "", "Cookie", "uid=u-1", "If-None-Match", etag);
    HttpResponse<String> preflight =
        send("OPTIONS", "", "Origin", SHOP, "Access-Control-Request-Method", "GET");

    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
        .contains("GET, HEAD");
  }

  @Test
  void otherOriginsMethodsAndBadInput_getClear4xxJsonErrors() throws Exception {
    HttpResponse<String> evil =
        send("GET", "", "Origin", "https://evil.example", "Cookie", "uid=u-1");
    HttpResponse<String> post = send("POST", "", "Cookie", "uid=u-1");
    HttpResponse<String> v2 = send("GET", "?v=2", "Cookie", "uid=u-1");
    HttpResponse<String> huge = send("GET", "", "Cookie", "uid=" + "x".repeat(600));

    assertThat(evil.statusCode()).isEqualTo(403);
    assertThat(evil.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(evil.body()).contains("\"error\":\"origin_not_allowed\"").doesNotContain("Ann");
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD, OPTIONS");
    assertThat(v2.statusCode()).isEqualTo(400);
    assertThat(v2.body()).contains("\"error\":\"unsupported_version\"");
    assertThat(huge.statusCode()).isEqualTo(400);
    assertThat(huge.body()).contains("\"error\":\"invalid_identity\"").doesNotContain("xxxx");
  }

  @Test
  void aVisitorWithoutTheCookie_getsTheAnonymousDocument() throws Exception {
    HttpResponse<String> r = send("GET", "", "Origin", SHOP);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).path("status").asText()).isEqualTo("anonymous");
    assertThat(JSON.readTree(r.body()).path("fields").size()).isZero();
  }
}

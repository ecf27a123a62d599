package dev.tributary.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.connectors.webhook.WebhookExportConnector;
import dev.tributary.connectors.webhook.WebhookReceiver;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.HmacSigningSecret;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.job.JobRunner;
import dev.tributary.core.job.JobState;
import dev.tributary.core.job.TriggerHandle;
import dev.tributary.core.job.TriggeredJob;
import dev.tributary.core.model.AudienceChange;
import dev.tributary.core.model.Event;
import dev.tributary.core.model.Profile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real HTTP requests against the receiver mounted on the JDK's HttpServer. */
@Timeout(60)
class JdkWebhookServerTest {
  static final String SECRET = "whsec_jdk-server-test-9d2e7b";
  final List<Event> stored = new CopyOnWriteArrayList<>();
  final HttpClient http = HttpClient.newHttpClient();
  JdkWebhookServer server;

  @BeforeEach
  void start() throws Exception {
    WebhookReceiver receiver =
        WebhookReceiver.builder(Authorization.hmac(Secret.of(SECRET)), stored::addAll).build();
    server =
        JdkWebhookServer.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "/webhooks", receiver);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.port() + "/webhooks");
  }

  /** The scheme as the guide tells a receiver in any language to compute it. */
  static String sign(String secret, long t, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] digest = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
    return "t=" + t + ",v1=" + HexFormat.of().formatHex(digest);
  }

  HttpResponse<String> post(String body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(url()).POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aSignedPost_isAccepted_andReachesTheSink() throws Exception {
    String body =
        "{\"type\":\"order.paid\",\"user\":{\"identities\":{\"email\":\"ann@example.com\"}}}";
    long t = Instant.now().getEpochSecond();

    HttpResponse<String> response =
        post(
            body,
            Map.of(
                "Content-Type", "application/json", "Tributary-Signature", sign(SECRET, t, body)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"accepted\":1}");
    assertThat(response.headers().firstValue("Content-Type"))
        .contains("application/json; charset=utf-8");
    assertThat(stored)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.name()).isEqualTo("order.paid");
              assertThat(e.identities()).containsEntry("email", "ann@example.com");
            });
  }

  @Test
  void unsignedWronglySignedStaleAndMistypedPosts_areRefusedWithJsonErrors() throws Exception {
    String body = "{\"type\":\"x\"}";
    long now = Instant.now().getEpochSecond();
    HttpResponse<String> unsigned = post(body, Map.of("Content-Type", "application/json"));
    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(unsigned.body()).contains("\"error\":\"missing_signature\"");

    HttpResponse<String> wrong =
        post(
            body,
            Map.of(
                "Content-Type",
                "application/json",
                "Tributary-Signature",
                sign("whsec_not-the-secret-0000", now, body)));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("\"error\":\"bad_signature\"");

    HttpResponse<String> stale =
        post(
            body,
            Map.of(
                "Content-Type",
                "application/json",
                "Tributary-Signature",
                sign(SECRET, now - 3600, body)));
    assertThat(stale.statusCode()).isEqualTo(401);
    assertThat(stale.body()).contains("\"error\":\"timestamp_out_of_tolerance\"");

    HttpResponse<String> text =
        post(
            body,
            Map.of("Content-Type", "text/plain", "Tributary-Signature", sign(SECRET, now, body)));
    assertThat(text.statusCode()).isEqualTo(415);

    HttpResponse<String> get =
        http.send(
            HttpRequest.newBuilder(url()).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("Allow")).contains("POST");

    String big = "{\"pad\":\"" + "x".repeat(2 << 20) + "\"}";
    HttpResponse<String> tooBig =
        post(
            big,
            Map.of(
                "Content-Type", "application/json", "Tributary-Signature", sign(SECRET, now, big)));
    assertThat(tooBig.statusCode()).isEqualTo(413);
    assertThat(stored).isEmpty();
  }

  @Test
  void webhooksOut_withTheWrongSecret_areRefused_andTheJobPausesWithAConfigError()
      throws Exception {
    HmacSigningSecret wrong = Authorization.hmac(Secret.of("whsec_sender-has-another-one"));
    WebhookExportConnector connector = WebhookExportConnector.create();
    ConnectorConfig config =
        ConnectorConfig.parse(
            connector.descriptor(), Map.of("url", url().toString(), "audiences", "vip"));
    try (JobRunner runner = JobRunner.create()) {
      TriggerHandle live =
          runner.add(
              TriggeredJob.builder("out", connector, config, wrong, connector.trigger(config))
                  .build());
      AudienceChange change =
          AudienceChange.entered(
              "vip", Profile.builder("p-1").audience("vip").build(), Instant.now());
      live.offer(change);
      try {
        live.flush().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException expected) {
        // the flush fails while the job is paused
      }
      assertThat(live.state()).isEqualTo(JobState.PAUSED);
      assertThat(live.undelivered()).containsExactly(change);
    }
    assertThat(stored).isEmpty();
  }
}

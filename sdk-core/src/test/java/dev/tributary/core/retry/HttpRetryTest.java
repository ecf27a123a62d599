package dev.tributary.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.ConfigException;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.ManualClock;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries driven by a real HTTP server answering 429, 503, 400 and 401 with Retry-After. */
class HttpRetryTest {
  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  final ManualClock clock = new ManualClock(NOW);
  final MockWebServer server = new MockWebServer();
  ConnectorContext context;

  @BeforeEach
  void start() throws Exception {
    server.start();
    ConnectorConfig config =
        ConnectorConfig.parse(
            HttpLinesConnector.DESCRIPTOR,
            Map.of("endpoint", server.url("/v1/members").toString()));
    context = new ConnectorContext(config, Authorization.bearer(Secret.of("s3cr3t-token")), clock);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  Retrier retrier() {
    return Retrier.builder().sleeper(clock).build();
  }

  static MockResponse status(int code, String retryAfter) {
    return new MockResponse.Builder().code(code).addHeader("Retry-After", retryAfter).build();
  }

  static MockResponse body(String body) {
    return new MockResponse.Builder().code(200).body(body).build();
  }

  @Test
  void rateLimitedThenUnavailable_retriesHonouringBothRetryAfterForms() throws Exception {
    String httpDate =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            NOW.plusSeconds(7 + 45).atOffset(ZoneOffset.UTC));
    server.enqueue(status(429, "7"));
    server.enqueue(status(503, httpDate)); // 45 s after the first retry
    server.enqueue(body("ok\nok"));

    HttpLinesConnector connector = new HttpLinesConnector(HttpStatusPolicy.defaults());
    BatchOutcome<String> outcome =
        retrier().writeBatch(List.of("ann", "bob"), b -> connector.write(context, b));

    assertThat(outcome.written()).isEqualTo(2);
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(45));
    assertThat(server.getRequestCount()).isEqualTo(3);
    for (int i = 0; i < 3; i++) {
      RecordedRequest request = server.takeRequest();
      assertThat(request.getMethod()).isEqualTo("POST");
      assertThat(request.getTarget()).isEqualTo("/v1/members");
      assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer s3cr3t-token");
      assertThat(request.getBody().utf8()).isEqualTo("ann\nbob");
    }
  }

  @Test
  void perItemResults_onlyTheBusyItemIsSentAgain() throws Exception {
    server.enqueue(body("ok\nbusy\ninvalid"));
    server.enqueue(body("ok"));

    HttpLinesConnector connector = new HttpLinesConnector(HttpStatusPolicy.defaults());
    BatchOutcome<String> outcome =
        retrier().writeBatch(List.of("ann", "bob", "cy"), b -> connector.write(context, b));

    assertThat(outcome.written()).isEqualTo(2);
    assertThat(outcome.rejected()).extracting(BatchOutcome.Rejection::item).containsExactly("cy");
    assertThat(server.takeRequest().getBody().utf8()).isEqualTo("ann\nbob\ncy");
    assertThat(server.takeRequest().getBody().utf8()).isEqualTo("bob");
  }

  @Test
  void badRequestForOneItem_splitsTheBatchToIsolateIt() throws Exception {
    List<String> bodies = new ArrayList<>();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String sent = request.getBody().utf8();
            bodies.add(sent);
            if (sent.contains("bad")) {
              return new MockResponse.Builder().code(400).build();
            }
            return body("ok\n".repeat(sent.split("\n").length));
          }
        });

    HttpLinesConnector connector = new HttpLinesConnector(HttpStatusPolicy.defaults());
    BatchOutcome<String> outcome =
        retrier().writeBatch(List.of("ann", "bad", "cy", "dee"), b -> connector.write(context, b));

    assertThat(outcome.written()).isEqualTo(3);
    assertThat(outcome.rejected())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.item()).isEqualTo("bad");
              assertThat(r.error().errorClass()).isEqualTo(ErrorClass.VALIDATION);
              assertThat(r.error())
                  .hasMessage("HTTP 400 from POST /v1/members: the request was rejected");
            });
    assertThat(bodies).containsExactly("ann\nbad\ncy\ndee", "ann\nbad", "ann", "bad", "cy\ndee");
  }

  @Test
  void unauthorized_stopsWithAConfigErrorThatNeverShowsTheToken() {
    server.enqueue(new MockResponse.Builder().code(401).build());
    HttpLinesConnector connector = new HttpLinesConnector(HttpStatusPolicy.defaults());

    assertThatThrownBy(() -> retrier().writeBatch(List.of("ann"), b -> connector.write(context, b)))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.setting()).contains("authorization"))
        .hasMessage(
            "HTTP 401 from POST /v1/members: the credential was refused; check the authorization")
        .message()
        .doesNotContain("s3cr3t");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(clock.sleeps()).isEmpty();
  }

  @Test
  void statusOverride_treats404AsTransientForThisConnector() throws Exception {
    server.enqueue(new MockResponse.Builder().code(404).build());
    server.enqueue(body("ok"));
    HttpLinesConnector connector =
        new HttpLinesConnector(HttpStatusPolicy.defaults().with(404, ErrorClass.TRANSIENT));

    BatchOutcome<String> outcome =
        retrier().writeBatch(List.of("ann"), b -> connector.write(context, b));

    assertThat(outcome.written()).isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(clock.sleeps()).hasSize(1);
  }
}

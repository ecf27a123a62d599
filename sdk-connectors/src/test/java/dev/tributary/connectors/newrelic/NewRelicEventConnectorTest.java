package dev.tributary.connectors.newrelic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.connectors.http.HttpError;
import dev.tributary.connectors.metrics.MonitoringEvent;
import dev.tributary.connectors.metrics.Telemetry;
import dev.tributary.connectors.testutil.Fixtures;
import dev.tributary.core.ConfigException;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ItemResult;
import dev.tributary.core.model.Metric;
import dev.tributary.core.retry.BatchOutcome;
import dev.tributary.core.retry.Retrier;
import dev.tributary.core.retry.RetryOptions;
import dev.tributary.testing.kit.ConnectorCompatibilityKit;
import dev.tributary.testing.time.ManualClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Event API against a MockWebServer, following New Relic's "Send custom events with our Event
 * API" page: gzipped JSON arrays to /v1/accounts/{id}/events, {"success":true,"uuid":...} answers,
 * the submission error codes (403, 408, 413, 429, 503), and the limits on payload size (1 MB
 * gzipped), attributes (255), names (255) and values (4096).
 */
class NewRelicEventConnectorTest extends ConnectorCompatibilityKit {
  static final String LICENSE_KEY = "eu01xxNRAL-l1cense-k3y-0123456789";
  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();

  @StartStop final MockWebServer server = new MockWebServer();
  final ManualClock clock = new ManualClock(NOW);
  final NewRelicEventConnector connector = NewRelicEventConnector.create();
  final List<RecordedRequest> posts = new CopyOnWriteArrayList<>();
  final List<Integer> script = new CopyOnWriteArrayList<>();
  Function<JsonNode, @Nullable Integer> refuse = body -> null;

  /** The Retry-After of the fake's error answers; null sends none. */
  volatile @Nullable String retryAfter = "7";

  @BeforeEach
  void serve() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            posts.add(request);
            Integer status = script.isEmpty() ? refuse.apply(events(request)) : script.remove(0);
            if (status == null || status == 200) {
              return Fixtures.json(NewRelicEventConnectorTest.class, 200, "success-200.json");
            }
            MockResponse.Builder answer = new MockResponse.Builder().code(status);
            String wait = retryAfter;
            return (wait == null ? answer : answer.addHeader("Retry-After", wait)).build();
          }
        });
  }

  @Override
  protected NewRelicEventConnector connector() {
    return connector;
  }

  @Override
  protected Map<String, String> configuration() {
    return Map.of("account_id", "1234567", "api_url", server.url("/").toString());
  }

  @Override
  protected Authorization authorization() {
    return Authorization.apiKeyHeader("Api-Key", Secret.of(LICENSE_KEY));
  }

  @Override
  protected ConnectorContext context() {
    return new ConnectorContext(
        ConnectorConfig.parse(connector.descriptor(), configuration()), authorization(), clock);
  }

  @Override
  protected void exerciseOnce(ConnectorContext context) {
    BatchResult result = connector.write(context, List.of(metric("x", 1, Map.of())));
    result
        .failed()
        .forEach(
            f -> {
              throw f.error();
            });
  }

  @Override
  protected boolean failNextCall(int status, @Nullable Integer retryAfterSeconds) {
    retryAfter = retryAfterSeconds == null ? null : retryAfterSeconds.toString();
    script.add(status);
    return true;
  }

  static Telemetry metric(String name, double value, Map<String, String> dimensions) {
    return Telemetry.of(new Metric(name, value, "count", NOW.minusSeconds(5), dimensions));
  }

  static MonitoringEvent event(String message, Map<String, String> attributes) {
    return new MonitoringEvent(
        "run_finished", MonitoringEvent.Severity.ERROR, NOW.minusSeconds(1), message, attributes);
  }

  static JsonNode events(RecordedRequest request) {
    try (GZIPInputStream in =
        new GZIPInputStream(new ByteArrayInputStream(request.getBody().toByteArray()))) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ConnectorContext context(Map<String, String> extra) {
    Map<String, String> values = new HashMap<>(configuration());
    values.putAll(extra);
    return new ConnectorContext(
        ConnectorConfig.parse(connector.descriptor(), values), authorization(), clock);
  }

  BatchResult write(List<Telemetry> batch) {
    return connector.write(context(), batch);
  }

  @Test
  void batch_isOneGzippedJsonArrayOfCustomEvents_toTheAccountsEventsPath() throws Exception {
    BatchResult result =
        write(
            List.of(
                metric("tributary.run.items_written", 120, Map.of("job", "vip-export")),
                event("vip-export run 3 FAILED", Map.of("job", "vip-export", "run", "3"))));

    assertThat(result.allSucceeded()).isTrue();
    RecordedRequest post = posts.get(0);
    assertThat(post.getMethod()).isEqualTo("POST");
    assertThat(post.getTarget()).isEqualTo("/v1/accounts/1234567/events");
    assertThat(post.getHeaders().get("Api-Key")).isEqualTo(LICENSE_KEY);
    assertThat(post.getHeaders().get("Content-Encoding")).isEqualTo("gzip");
    assertThat(post.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(events(post))
        .isEqualTo(
            JSON.readTree(
                "[{\"eventType\":\"TributaryMetric\",\"timestamp\":"
                    + NOW.minusSeconds(5).toEpochMilli()
                    + ",\"source\":\"tributary\",\"metricName\":\"tributary.run.items_written\","
                    + "\"value\":120,\"unit\":\"count\",\"job\":\"vip-export\"},"
                    + "{\"eventType\":\"TributaryEvent\",\"timestamp\":"
                    + NOW.minusSeconds(1).toEpochMilli()
                    + ",\"source\":\"tributary\",\"type\":\"run_finished\",\"severity\":\"ERROR\","
                    + "\"message\":\"vip-export run 3 FAILED\",\"job\":\"vip-export\","
                    + "\"run\":\"3\"}]"));
  }

  @Test
  void insertKey_isSentInXInsertKey_andOtherKeysAreRefusedAsConfig() {
    Authorization insertKey = Authorization.apiKeyHeader("X-Insert-Key", Secret.of("NRII-k3y"));
    connector.write(
        new ConnectorContext(context().config(), insertKey, clock),
        List.of(metric("x", 1, Map.of())));
    assertThat(posts.get(0).getHeaders().get("X-Insert-Key")).isEqualTo("NRII-k3y");

    for (Authorization wrong :
        List.of(
            Authorization.apiKeyQuery("Api-Key", Secret.of("NRII-k3y")),
            Authorization.apiKeyHeader("X-Api-Key", Secret.of("NRII-k3y")))) {
      ConnectorContext context = new ConnectorContext(context().config(), wrong, clock);
      assertThatThrownBy(() -> connector.write(context, List.of(metric("x", 1, Map.of()))))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("license key in the Api-Key header");
      assertThat(connector.check(context).problems())
          .extracting(CheckResult.Problem::setting)
          .containsExactly("authorization");
    }
    assertThat(posts).hasSize(1);
  }

  @Test
  void regions_pickTheirCollector() {
    assertThat(eventsUrl(Map.of()))
        .isEqualTo("https://insights-collector.newrelic.com/v1/accounts/1234567/events");
    assertThat(eventsUrl(Map.of("region", "eu")))
        .isEqualTo("https://insights-collector.eu01.nr-data.net/v1/accounts/1234567/events");
    assertThat(eventsUrl(Map.of("region", "FEDRAMP")))
        .isEqualTo("https://gov-insights-collector.newrelic.com/v1/accounts/1234567/events");
  }

  static String eventsUrl(Map<String, String> extra) {
    Map<String, String> values = new HashMap<>(extra);
    values.put("account_id", "1234567");
    ConnectorConfig config =
        ConnectorConfig.parse(NewRelicEventConnector.create().descriptor(), values);
    return NewRelicSettings.of(config).eventsUrl().toString();
  }

  @Test
  void attributeLimits_cutLongValues_prefixReservedNames_andRefuseWhatCannotFit() {
    Map<String, String> tooMany = new LinkedHashMap<>();
    for (int i = 0; i < 250; i++) {
      tooMany.put("d" + i, "v");
    }
    String longMessage = "x".repeat(5000);
    BatchResult result =
        write(
            List.of(
                event(longMessage, Map.of("accountId", "42", "timestamp", "t", "job", "j")),
                metric("wide", 1, tooMany),
                metric("named", 1, Map.of("n".repeat(256), "v")),
                metric("nan", Double.NaN, Map.of()),
                Telemetry.of(new Metric("old", 1, "", NOW.minus(Duration.ofHours(25)), Map.of())),
                metric("fine", 2.5, Map.of())));

    assertThat(result.items())
        .extracting(r -> r.errorClass().map(Enum::name).orElse("OK"))
        .containsExactly("OK", "VALIDATION", "VALIDATION", "VALIDATION", "VALIDATION", "OK");
    assertThat(result.items().get(1).error())
        .hasMessageContaining("has 256 attributes; New Relic takes at most 255");
    JsonNode sent = events(posts.get(0));
    assertThat(sent).hasSize(2);
    JsonNode event = sent.get(0);
    assertThat(event.path("message").asText()).hasSize(4096);
    assertThat(event.path("attribute.accountId").asText()).isEqualTo("42");
    assertThat(event.path("attribute.timestamp").asText()).isEqualTo("t");
    assertThat(event.has("accountId")).isFalse();
    assertThat(sent.get(1).path("value").decimalValue()).isEqualByComparingTo("2.5");
  }

  @Test
  void batchOverOneMegabyteGzipped_isSplitIntoSeveralPosts_eachWithinTheLimit() {
    Random random = new Random(8);
    List<Telemetry> batch = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Map<String, String> dims = new LinkedHashMap<>();
      dims.put("n", Integer.toString(i));
      for (int a = 0; a < 60; a++) {
        dims.put("a" + a, randomText(random, 4000)); // incompressible: ~180 KB gzipped per event
      }
      batch.add(metric("big", i, dims));
    }

    BatchResult result = write(batch);

    assertThat(result.allSucceeded()).isTrue();
    assertThat(posts.size()).isGreaterThanOrEqualTo(3);
    List<String> seen = new ArrayList<>();
    for (RecordedRequest post : posts) {
      assertThat(post.getBody().size()).isLessThanOrEqualTo(GzipChunks.MAX_GZIPPED_BYTES);
      events(post).forEach(e -> seen.add(e.path("n").asText()));
    }
    assertThat(seen).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
  }

  static String randomText(Random random, int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append((char) ('!' + random.nextInt(90)));
    }
    return s.toString();
  }

  @Test
  void rateLimitedPost_failsItAndTheUnsentOnes_retryably_butNotTheOnesSent() {
    Random random = new Random(9);
    List<Telemetry> batch = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Map<String, String> dims = new LinkedHashMap<>();
      for (int a = 0; a < 60; a++) {
        dims.put("a" + a, randomText(random, 4000));
      }
      batch.add(metric("big", i, dims));
    }
    script.addAll(List.of(200, 429));

    BatchResult result = write(batch);

    assertThat(posts).hasSize(2); // nothing after the 429
    int sentFirst = events(posts.get(0)).size();
    List<ItemResult> items = result.items();
    assertThat(items.subList(0, sentFirst)).allMatch(ItemResult::succeeded);
    assertThat(items.subList(sentFirst, items.size()))
        .allSatisfy(
            r -> {
              assertThat(r.isRetryable()).isTrue();
              assertThat(r.error().retryAfter()).contains(Duration.ofSeconds(7));
            });
  }

  /** Issue 8: a 429 without Retry-After, New Relic's usual answer when over its POST limit. */
  @Test
  void rateLimitedWithoutRetryAfter_isTransient_withNoWaitOfItsOwn() throws Exception {
    retryAfter = null;
    script.add(429);

    BatchResult result =
        write(List.of(metric("a", 1, Map.of("job", "j")), event("run 3 FAILED", Map.of())));

    assertThat(result.items())
        .hasSize(2)
        .allSatisfy(
            r -> {
              assertThat(r.isRetryable()).isTrue();
              assertThat(r.errorClass()).contains(ErrorClass.TRANSIENT);
              assertThat(r.error().retryAfter()).isEmpty();
              assertThat(r.error())
                  .isInstanceOfSatisfying(
                      HttpError.class,
                      e -> {
                        assertThat(e.status()).isEqualTo(429);
                        assertThat(e.request()).isEqualTo("POST /v1/accounts/1234567/events");
                      })
                  .hasMessage("HTTP 429 from POST /v1/accounts/1234567/events");
            });
    RecordedRequest post = posts.get(0);
    assertThat(posts).hasSize(1);
    assertThat(post.getMethod()).isEqualTo("POST");
    assertThat(post.getTarget()).isEqualTo("/v1/accounts/1234567/events");
    assertThat(post.getHeaders().get("Api-Key")).isEqualTo(LICENSE_KEY);
    assertThat(post.getHeaders().get("Content-Encoding")).isEqualTo("gzip");
    assertThat(events(post))
        .extracting(e -> e.path("eventType").asText())
        .containsExactly("TributaryMetric", "TributaryEvent");
  }

  @Test
  void rateLimitedWithoutRetryAfter_throughTheRetrier_waitsTheRetryOptionsBackoff()
      throws Exception {
    retryAfter = null;
    script.addAll(List.of(429, 429));
    Retrier retrier =
        Retrier.builder()
            .options(RetryOptions.builder().jitter(0).build()) // 1 s doubling, exactly
            .sleeper(clock)
            .build();

    BatchOutcome<Telemetry> outcome =
        retrier.writeBatch(
            List.of(metric("a", 1, Map.of()), metric("b", 2, Map.of())), this::write);

    assertThat(outcome.written()).isEqualTo(2);
    assertThat(outcome.rejected()).isEmpty();
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(posts).hasSize(3);
    for (RecordedRequest post : posts) {
      assertThat(post.getTarget()).isEqualTo("/v1/accounts/1234567/events");
      assertThat(post.getHeaders().get("Api-Key")).isEqualTo(LICENSE_KEY);
      assertThat(events(post))
          .extracting(e -> e.path("metricName").asText())
          .containsExactly("a", "b");
    }
  }

  @Test
  void payloadRefusedAsTooLarge_isSplitUntilItFits() {
    refuse = body -> body.size() > 1 ? 413 : null;
    BatchResult result =
        write(
            List.of(metric("a", 1, Map.of()), metric("b", 2, Map.of()), metric("c", 3, Map.of())));

    assertThat(result.allSucceeded()).isTrue();
    assertThat(posts).extracting(p -> events(p).size()).containsExactly(3, 1, 2, 1, 1);
  }

  @Test
  void forbidden_isConfig_namingTheKeyKinds_withoutTheKey() {
    script.add(403);
    assertThatThrownBy(() -> write(List.of(metric("x", 1, Map.of()))))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.errorClass()).isEqualTo(ErrorClass.CONFIG);
              assertThat(e.getMessage())
                  .startsWith(
                      "New Relic refused the key (HTTP 403 from POST /v1/accounts/1234567/events)")
                  .doesNotContain(LICENSE_KEY);
            });
  }

  @Test
  void check_refusesForbiddenEventTypes_andABadAccount() {
    assertThat(connector.check(context(Map.of("metric_event_type", "Metric"))).problems())
        .extracting(CheckResult.Problem::setting)
        .containsExactly("metric_event_type");
    assertThat(connector.check(context(Map.of("event_type", "Tributary.Event"))).problems())
        .extracting(CheckResult.Problem::setting)
        .containsExactly("event_type");
    assertThat(connector.check(context(Map.of("account_id", "acme"))).problems())
        .extracting(CheckResult.Problem::setting)
        .containsExactly("account_id");
    assertThat(posts).isEmpty();
  }
}

package dev.tributary.connectors.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.connectors.testing.Hmac;
import dev.tributary.connectors.testutil.SettingsKit;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.TributaryException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ItemResult;
import dev.tributary.core.connector.RunReporter;
import dev.tributary.core.job.JobRunner;
import dev.tributary.core.job.RunListener;
import dev.tributary.core.job.RunSnapshot;
import dev.tributary.core.job.TriggerHandle;
import dev.tributary.core.job.TriggeredJob;
import dev.tributary.core.model.AudienceChange;
import dev.tributary.core.model.Profile;
import dev.tributary.core.trigger.Trigger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Webhooks out against a MockWebServer that records every request. */
class WebhookExportConnectorTest extends SettingsKit<WebhookExportConnector> {
  static final String SECRET = "whsec_test-secret-0123456789";
  static final ObjectMapper JSON = new ObjectMapper();

  final MockWebServer server = new MockWebServer();
  boolean failureQueued;

  WebhookExportConnectorTest() {
    super(WebhookExportConnector.create());
  }

  @BeforeEach
  void start() throws Exception {
    server.start();
    settings.put("url", server.url("/hooks/tributary").toString());
    settings.put("audiences", "vip");
    settings.put("fields", "plan, first_name");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Override
  protected Authorization authorization() {
    return Authorization.hmac(Secret.of(SECRET));
  }

  @Override
  protected void exerciseOnce(ConnectorContext context) throws Exception {
    if (!failureQueued) {
      server.enqueue(ok());
    }
    failureQueued = false;
    BatchResult result = connector.write(context, List.of(entered("p-1")));
    TributaryException error = result.items().get(0).error();
    if (error != null) {
      throw error;
    }
  }

  @Override
  protected boolean failNextCall(int status, @Nullable Integer retryAfterSeconds) {
    MockResponse.Builder response = new MockResponse.Builder().code(status);
    if (retryAfterSeconds != null) {
      response.addHeader("Retry-After", retryAfterSeconds.toString());
    }
    server.enqueue(response.build());
    failureQueued = true;
    return true;
  }

  static Profile ann(String id) {
    return Profile.builder(id)
        .identity("email", "ann@example.com")
        .identity("phone", "+4915100000")
        .field("first_name", "Ann")
        .field("plan", "pro")
        .field("birthday", "1990-01-01")
        .audience("vip")
        .build();
  }

  static AudienceChange entered(String id) {
    return AudienceChange.entered("vip", ann(id), NOW.minusSeconds(3));
  }

  static MockResponse ok() {
    return new MockResponse.Builder().code(204).build();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> json(RecordedRequest request) throws Exception {
    return JSON.readValue(request.getBody().toByteArray(), Map.class);
  }

  @Test
  void write_postsTheChosenFieldsAsJson_signedOverTimestampAndBody() throws Exception {
    server.enqueue(ok());

    BatchResult result = connector.write(context(), List.of(entered("p-1")));

    assertThat(result.allSucceeded()).isTrue();
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo("/hooks/tributary");
    assertThat(request.getHeaders().get("Content-Type"))
        .isEqualTo("application/json; charset=utf-8");
    byte[] body = request.getBody().toByteArray();
    long t = NOW.getEpochSecond();
    assertThat(request.getHeaders().get("Tributary-Timestamp")).isEqualTo(Long.toString(t));
    assertThat(request.getHeaders().get("Tributary-Signature"))
        .isEqualTo(Hmac.header(SECRET, t, body));
    Map<String, Object> doc = json(request);
    assertThat(doc)
        .containsEntry("type", "audience.entered")
        .containsEntry("audience", "vip")
        .containsEntry("occurred_at", "2026-12-01T09:59:57Z")
        .doesNotContainKey("changed_fields");
    assertThat(doc.get("id")).isEqualTo(request.getHeaders().get("Tributary-Event-Id"));
    assertThat(doc.get("user"))
        .isEqualTo(
            Map.of(
                "id", "p-1",
                "identities", Map.of("email", "ann@example.com", "phone", "+4915100000"),
                "fields", Map.of("first_name", "Ann", "plan", "pro")));
  }

  @Test
  void write_identitiesCanBeChosenToo_andFieldsDefaultToNone() throws Exception {
    settings.put("identities", "email");
    settings.remove("fields");
    server.enqueue(ok());

    connector.write(context(), List.of(entered("p-1")));

    assertThat(json(server.takeRequest()).get("user"))
        .isEqualTo(
            Map.of(
                "id", "p-1", "identities", Map.of("email", "ann@example.com"), "fields", Map.of()));
  }

  @Test
  void fieldChanges_configuredAsTriggerFields_buildTheTrigger_andNameTheChangedFields()
      throws Exception {
    settings.put("trigger_fields", "plan");
    ConnectorContext context = context();
    Trigger trigger = connector.trigger(context.config());
    AudienceChange planChanged =
        new AudienceChange(
            "vip", AudienceChange.Kind.FIELDS_CHANGED, ann("p-1"), Set.of("plan"), NOW);
    AudienceChange nameChanged =
        new AudienceChange(
            "vip", AudienceChange.Kind.FIELDS_CHANGED, ann("p-1"), Set.of("first_name"), NOW);
    assertThat(trigger.matches(planChanged)).isTrue();
    assertThat(trigger.matches(nameChanged)).isFalse();
    assertThat(trigger.maxDelay()).isEqualTo(Duration.ofSeconds(5));

    server.enqueue(ok());
    connector.write(context, List.of(planChanged));
    Map<String, Object> doc = json(server.takeRequest());
    assertThat(doc).containsEntry("type", "audience.fields_changed");
    assertThat(doc.get("changed_fields")).isEqualTo(List.of("plan"));
  }

  @Test
  void eventId_isStableAcrossRetries_andDiffersBetweenChanges() throws Exception {
    server.enqueue(ok());
    server.enqueue(ok());
    server.enqueue(ok());
    connector.write(context(), List.of(entered("p-1")));
    clock.advance(Duration.ofMinutes(10));
    connector.write(context(), List.of(entered("p-1"), entered("p-2")));

    RecordedRequest first = server.takeRequest();
    RecordedRequest again = server.takeRequest();
    RecordedRequest other = server.takeRequest();
    assertThat(again.getHeaders().get("Tributary-Event-Id"))
        .isEqualTo(first.getHeaders().get("Tributary-Event-Id"))
        .isNotEqualTo(other.getHeaders().get("Tributary-Event-Id"))
        .matches("evt_[0-9a-f]{32}");
    assertThat(again.getHeaders().get("Tributary-Signature"))
        .isNotEqualTo(first.getHeaders().get("Tributary-Signature"))
        .startsWith("t=" + NOW.plus(Duration.ofMinutes(10)).getEpochSecond() + ",");
  }

  @Test
  void aBadItem_isRejectedAlone_theOthersAreSent() throws Exception {
    server.enqueue(ok());
    server.enqueue(new MockResponse.Builder().code(422).build());
    server.enqueue(ok());

    BatchResult result =
        connector.write(context(), List.of(entered("a"), entered("b"), entered("c")));

    assertThat(result.items()).extracting(ItemResult::succeeded).containsExactly(true, false, true);
    assertThat(result.items().get(1).errorClass()).contains(ErrorClass.VALIDATION);
    assertThat(result.items().get(1).error())
        .hasMessage("HTTP 422 from POST /hooks/tributary: the request was rejected");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aRateLimitedItem_stopsTheBatch_theRestIsNotSentAndCarriesTheRetryAfter() throws Exception {
    server.enqueue(ok());
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "12").build());

    BatchResult result =
        connector.write(context(), List.of(entered("a"), entered("b"), entered("c"), entered("d")));

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(result.items())
        .extracting(ItemResult::succeeded)
        .containsExactly(true, false, false, false);
    assertThat(result.retryable()).hasSize(3);
    assertThat(result.items().subList(1, 4))
        .allSatisfy(r -> assertThat(r.error().retryAfter()).contains(Duration.ofSeconds(12)));
    assertThat(result.items().get(2).error().getMessage())
        .startsWith("not sent: an earlier webhook of this batch failed (HTTP 429");
  }

  @Test
  void aRedirect_isAConfigErrorNamingTheUrl_andIsNotFollowed() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(301)
            .addHeader("Location", server.url("/elsewhere"))
            .build());

    BatchResult result = connector.write(context(), List.of(entered("a")));

    TributaryException e = result.items().get(0).error();
    assertThat(e.errorClass()).isEqualTo(ErrorClass.CONFIG);
    assertThat(((dev.tributary.core.ConfigException) e).setting()).contains("url");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aConnectionFailure_isTransient() {
    settings.put("url", "http://127.0.0.1:" + freePort() + "/hooks");
    BatchResult result = connector.write(context(), List.of(entered("a"), entered("b")));
    assertThat(result.items()).allSatisfy(r -> assertThat(r.isRetryable()).isTrue());
  }

  @Test
  void aFieldJsonCannotCarry_rejectsThatItemOnly() throws Exception {
    server.enqueue(ok());
    Profile odd = ann("odd").toBuilder().field("plan", Double.NaN).build();
    BatchResult result =
        connector.write(
            context(), List.of(AudienceChange.entered("vip", odd, NOW), entered("fine")));

    assertThat(result.items().get(0).errorClass()).contains(ErrorClass.VALIDATION);
    assertThat(result.items().get(0).error()).hasMessageContaining("field \"plan\" is NaN");
    assertThat(result.items().get(1).succeeded()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aStoppingRun_sendsNothingMore() {
    ConnectorContext stopping =
        new ConnectorContext(
            context().config(),
            authorization(),
            clock,
            new RunReporter() {
              @Override
              public void bytesTransferred(long bytes) {}

              @Override
              public boolean stopRequested() {
                return true;
              }
            });
    BatchResult result = connector.write(stopping, List.of(entered("a")));
    assertThat(result.items().get(0).isRetryable()).isTrue();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void check_refusesAShortSecret_plainHttpToAnotherHost_andOtherSchemes() {
    Authorization shortSecret = Authorization.hmac(Secret.of("short"));
    CheckResult weak =
        connector.check(new ConnectorContext(context().config(), shortSecret, clock));
    assertThat(weak.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.setting()).isEqualTo("authorization"));
    assertThat(weak.toString()).doesNotContain("short\"");

    settings.put("url", "http://hooks.example.com/in");
    assertThat(connector.check(context()).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("use https"));
    settings.put("allow_http", "true");
    assertThat(connector.check(context()).isOk()).isTrue();

    settings.put("url", "sftp://files.example.com/in");
    assertThat(connector.check(context()).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.setting()).isEqualTo("url"));
  }

  /** Retries, waits and order through a real TriggeredJob, in virtual time. */
  @Nested
  @Timeout(60)
  class ThroughTheRuntime {
    JobRunner runner;

    @BeforeEach
    void startRunner() {
      runner = JobRunner.builder().clock(clock).sleeper(clock).build();
    }

    @AfterEach
    void stopRunner() throws Exception {
      runner.close();
    }

    TriggerHandle live() {
      ConnectorConfig config = context().config();
      return runner.add(
          TriggeredJob.builder(
                  "webhooks", connector, config, authorization(), connector.trigger(config))
              .build());
    }

    @Test
    void rateLimitedThenUnavailable_waitsWhatRetryAfterSays_andResendsInOrder() throws Exception {
      server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());
      server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "3").build());
      server.enqueue(ok());
      server.enqueue(ok());
      TriggerHandle handle = live();

      handle.offer(entered("a"));
      handle.offer(entered("b"));
      handle.flush().get(30, TimeUnit.SECONDS);

      assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(3));
      List<RecordedRequest> requests = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        requests.add(server.takeRequest());
      }
      assertThat(requests)
          .map(WebhookExportConnectorTest::userId)
          .containsExactly("a", "a", "a", "b");
      long t0 = NOW.getEpochSecond();
      assertThat(requests)
          .extracting(r -> r.getHeaders().get("Tributary-Timestamp"))
          .containsExactly("" + t0, "" + (t0 + 7), "" + (t0 + 10), "" + (t0 + 10));
      for (RecordedRequest r : requests) {
        long t = Long.parseLong(r.getHeaders().get("Tributary-Timestamp"));
        assertThat(r.getHeaders().get("Tributary-Signature"))
            .isEqualTo(Hmac.header(SECRET, t, r.getBody().toByteArray()));
      }
      assertThat(handle.undelivered()).isEmpty();
    }

    @Test
    void partialFailure_onlyTheFailedAndUnsentItemsAreSentAgain() throws Exception {
      server.enqueue(ok());
      server.enqueue(new MockResponse.Builder().code(502).build());
      server.enqueue(ok());
      server.enqueue(ok());
      TriggerHandle handle = live();

      handle.offer(entered("a"));
      handle.offer(entered("b"));
      handle.offer(entered("c"));
      handle.flush().get(30, TimeUnit.SECONDS);

      List<Object> users = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        users.add(userId(server.takeRequest()));
      }
      assertThat(users).containsExactly("a", "b", "b", "c");
      assertThat(clock.sleeps()).hasSize(1);
      RunSnapshot run = handle.currentRun().orElseThrow();
      assertThat(run.itemsWritten()).isEqualTo(3);
    }

    @Test
    void aRejectedChange_isReportedAndTheOthersGoOn() throws Exception {
      List<Object> rejected = new ArrayList<>();
      runner.close();
      runner =
          JobRunner.builder()
              .clock(clock)
              .sleeper(clock)
              .listener(
                  new RunListener() {
                    @Override
                    public void itemRejected(
                        String jobId, long runNumber, Object item, TributaryException error) {
                      rejected.add(((AudienceChange) item).userId() + ": " + error.getMessage());
                    }
                  })
              .build();
      server.enqueue(new MockResponse.Builder().code(400).build());
      server.enqueue(ok());
      TriggerHandle handle = live();

      handle.offer(entered("bad"));
      handle.offer(entered("good"));
      handle.flush().get(30, TimeUnit.SECONDS);

      assertThat(rejected)
          .containsExactly("bad: HTTP 400 from POST /hooks/tributary: the request was rejected");
      assertThat(server.getRequestCount()).isEqualTo(2);
      assertThat(clock.sleeps()).isEmpty();
    }
  }

  static String userId(RecordedRequest request) {
    try {
      return (String) ((Map<?, ?>) json(request).get("user")).get("id");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static int freePort() {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

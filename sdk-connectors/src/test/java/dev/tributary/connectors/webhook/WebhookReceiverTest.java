package dev.tributary.connectors.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.connectors.testing.Hmac;
import dev.tributary.core.TransientException;
import dev.tributary.core.ValidationException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.model.Event;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The inbound handler: what it answers, and what reaches the sink. */
class WebhookReceiverTest extends WebhookInFixture {
  final List<List<Event>> stored = new CopyOnWriteArrayList<>();
  final AtomicReference<Exception> sinkFailure = new AtomicReference<>();
  final long t = NOW.getEpochSecond();

  WebhookReceiver receiver() {
    return WebhookReceiver.builder(
            Authorization.hmac(Secret.of(SECRET)),
            events -> {
              Exception failure = sinkFailure.get();
              if (failure != null) {
                throw failure;
              }
              stored.add(events);
            })
        .clock(clock)
        .build();
  }

  static void assertError(WebhookResponse response, int status, String code) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.bodyText()).contains("\"error\":\"" + code + "\"");
    assertThat(response.headers()).containsEntry("Content-Type", "application/json; charset=utf-8");
  }

  @Test
  void aSignedObject_becomesOneEvent_withItsRawFieldsUntouched() {
    String json =
        "{\"id\":\"evt_1\",\"type\":\"audience.entered\",\"occurred_at\":\"2026-12-01T09:59:57Z\","
            + "\"user\":{\"id\":\"p-1\",\"identities\":{\"email\":\"ann@example.com\",\"user_id\":42}},"
            + "\"amount\":19.990,\"big\":123456789012345678901234567890,\"none\":null,\"tags\":[\"a\",1]}";

    WebhookResponse response = receiver().handle(signed(json, t));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("{\"accepted\":1}");
    Event event = stored.get(0).get(0);
    assertThat(event.name()).isEqualTo("audience.entered");
    assertThat(event.occurredAt()).isEqualTo(NOW.minusSeconds(3));
    assertThat(event.identities())
        .containsExactly(Map.entry("email", "ann@example.com"), Map.entry("user_id", "42"));
    assertThat(event.fields().keySet())
        .containsExactly("id", "type", "occurred_at", "user", "amount", "big", "none", "tags");
    assertThat(event.fields().get("amount")).isEqualTo(new BigDecimal("19.990"));
    assertThat(event.fields().get("big").toString()).isEqualTo("123456789012345678901234567890");
    assertThat(event.fields()).containsEntry("none", null);
    assertThat(event.fields().get("tags")).isEqualTo(List.of("a", 1));
  }

  @Test
  void anArray_isOneEventPerObject_takenTogether_andWithoutTimeTheReceiptTimeIsUsed() {
    WebhookResponse response =
        receiver().handle(signed("[{\"type\":\"a\"},{\"name\":\"untyped\"},{\"type\":\"c\"}]", t));

    assertThat(response.bodyText()).isEqualTo("{\"accepted\":3}");
    assertThat(stored).hasSize(1);
    assertThat(stored.get(0)).extracting(Event::name).containsExactly("a", "webhook", "c");
    assertThat(stored.get(0)).allSatisfy(e -> assertThat(e.occurredAt()).isEqualTo(NOW));
    assertThat(receiver().handle(signed("[]", t + 1)).bodyText()).isEqualTo("{\"accepted\":0}");
  }

  @Test
  void aTamperedBody_aWrongSecret_orNoSignature_is401_andNothingIsStored() {
    WebhookRequest good = signed("{\"type\":\"a\"}", t);
    WebhookRequest tampered = new WebhookRequest("POST", good.headers(), utf8("{\"type\":\"b\"}"));
    assertError(receiver().handle(tampered), 401, "bad_signature");

    byte[] body = utf8("{\"type\":\"a\"}");
    WebhookRequest otherSecret =
        WebhookRequest.of(
            "POST",
            Map.of(
                "Content-Type",
                "application/json",
                "Tributary-Signature",
                Hmac.header("whsec_someone-else-000000", t, body)),
            body);
    assertError(receiver().handle(otherSecret), 401, "bad_signature");
    assertError(
        receiver()
            .handle(WebhookRequest.of("POST", Map.of("Content-Type", "application/json"), body)),
        401,
        "missing_signature");
    assertError(
        receiver()
            .handle(
                WebhookRequest.of(
                    "POST",
                    Map.of("Content-Type", "application/json", "Tributary-Signature", "sha256=abc"),
                    body)),
        401,
        "malformed_signature");
    assertThat(stored).isEmpty();
  }

  @Test
  void aStaleOrFutureTimestamp_is401_namingTheSkewAndTheTolerance() {
    WebhookResponse stale = receiver().handle(signed("{\"type\":\"a\"}", t - 600));
    assertError(stale, 401, "timestamp_out_of_tolerance");
    assertThat(stale.bodyText()).contains("signed 600 s away").contains("at most 300 s");
    assertError(
        receiver().handle(signed("{\"type\":\"a\"}", t + 301)), 401, "timestamp_out_of_tolerance");
    assertThat(stored).isEmpty();
  }

  @Test
  void anExactReplay_isAnsweredAsADuplicate_andStoredOnce() {
    WebhookReceiver receiver = receiver();
    WebhookRequest request = signed("{\"type\":\"a\"}", t);
    assertThat(receiver.handle(request).bodyText()).isEqualTo("{\"accepted\":1}");
    clock.advance(Duration.ofMinutes(4));
    assertThat(receiver.handle(request).bodyText())
        .isEqualTo("{\"accepted\":0,\"duplicate\":true}");
    clock.advance(Duration.ofMinutes(2));
    assertError(receiver.handle(request), 401, "timestamp_out_of_tolerance");
    assertThat(stored).hasSize(1);
  }

  @Test
  void aResentEvent_withTheSameIdButAFreshSignature_isADuplicate() {
    WebhookReceiver receiver = receiver();
    Map<String, String> id = Map.of("Tributary-Event-Id", "evt_abc");
    receiver.handle(signed("{\"type\":\"a\"}", t, id));
    WebhookResponse again = receiver.handle(signed("{\"type\":\"a\"}", t + 5, id));
    assertThat(again.bodyText()).contains("\"duplicate\":true");
    assertThat(stored).hasSize(1);
  }

  @Test
  void replayMemory_isBounded_andCanBeTurnedOff() {
    WebhookReceiver forgetful =
        WebhookReceiver.builder(Authorization.hmac(Secret.of(SECRET)), stored::add)
            .clock(clock)
            .replayMemory(0)
            .build();
    WebhookRequest request = signed("{\"type\":\"a\"}", t);
    forgetful.handle(request);
    forgetful.handle(request);
    assertThat(stored).hasSize(2);

    WebhookReceiver small =
        WebhookReceiver.builder(Authorization.hmac(Secret.of(SECRET)), stored::add)
            .clock(clock)
            .replayMemory(2)
            .build();
    small.handle(signed("{\"type\":\"1\"}", t));
    small.handle(signed("{\"type\":\"2\"}", t));
    assertThat(small.handle(signed("{\"type\":\"2\"}", t)).bodyText()).contains("duplicate");
    small.handle(signed("{\"type\":\"3\"}", t)); // a third signature: the first one is forgotten
    assertThat(small.handle(signed("{\"type\":\"1\"}", t)).bodyText())
        .isEqualTo("{\"accepted\":1}");
  }

  @Test
  void aFailingSink_is503_andTheSameRequestIsTakenWhenTheSinkRecovers() {
    WebhookReceiver receiver = receiver();
    WebhookRequest request = signed("{\"type\":\"a\"}", t);
    sinkFailure.set(new TransientException("database down", Duration.ofSeconds(20), null));

    WebhookResponse down = receiver.handle(request);
    assertError(down, 503, "unavailable");
    assertThat(down.headers()).containsEntry("Retry-After", "20");
    assertThat(down.bodyText()).doesNotContain("database");

    sinkFailure.set(new IllegalStateException("bug"));
    assertError(receiver.handle(request), 503, "unavailable");

    sinkFailure.set(null);
    assertThat(receiver.handle(request).bodyText()).isEqualTo("{\"accepted\":1}");
    assertThat(stored).hasSize(1);
  }

  @Test
  void aSinkRefusal_is400() {
    sinkFailure.set(new ValidationException("not for us"));
    assertError(receiver().handle(signed("{\"type\":\"a\"}", t)), 400, "rejected");
  }

  @Test
  void malformedJson_is400_withLineAndColumn() {
    WebhookResponse response = receiver().handle(signed("{\"type\":\n\"a\",}", t));
    assertError(response, 400, "malformed_json");
    assertThat(response.bodyText()).contains("at line 2, column");
  }

  @Test
  void jsonOfTheWrongShape_is400_namingWhatIsWrong() {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("42", "must be a JSON object or an array of objects, not a number");
    cases.put("[{\"type\":\"a\"},\"b\"]", "event 1 must be a JSON object, not a string");
    cases.put(
        "{\"type\":7}", "path \\\"type\\\": the event name must be non-empty text, not a number");
    cases.put(
        "[{},{\"occurred_at\":\"yesterday\"}]",
        "event 1: path \\\"occurred_at\\\": \\\"yesterday\\\" is not an ISO-8601 date-time");
    cases.put("{\"a\":1,\"a\":2}", "Duplicate field 'a'");
    cases.put("{\"a\":1} {}", "");
    int i = 0;
    for (Map.Entry<String, String> c : cases.entrySet()) {
      WebhookResponse response = receiver().handle(signed(c.getKey(), t + i++));
      assertThat(response.status()).as(c.getKey()).isEqualTo(400);
      assertThat(response.bodyText()).as(c.getKey()).contains(c.getValue());
    }
    assertThat(stored).isEmpty();
  }

  @Test
  void deeplyNestedJson_isRefused() {
    String deep = "[".repeat(200) + "]".repeat(200);
    assertError(receiver().handle(signed(deep, t)), 400, "malformed_json");
  }

  @Test
  void tooLargeBodies_orTooManyEvents_are413() {
    WebhookReceiver receiver =
        WebhookReceiver.builder(Authorization.hmac(Secret.of(SECRET)), stored::add)
            .clock(clock)
            .maxBodyBytes(64)
            .maxEvents(2)
            .build();
    assertError(
        receiver.handle(signed("{\"pad\":\"" + "x".repeat(64) + "\"}", t)),
        413,
        "payload_too_large");
    assertError(receiver.handle(signed("[{},{},{}]", t)), 413, "payload_too_large");
    assertThat(receiver.handle(signed("[{},{}]", t)).status()).isEqualTo(200);
  }

  @Test
  void aStreamedBody_isReadNoFurtherThanTheLimit() {
    WebhookReceiver receiver =
        WebhookReceiver.builder(Authorization.hmac(Secret.of(SECRET)), stored::add)
            .clock(clock)
            .maxBodyBytes(1000)
            .build();
    AtomicInteger read = new AtomicInteger();
    byte[] huge = new byte[1_000_000];
    Arrays.fill(huge, (byte) ' ');
    InputStream body =
        new ByteArrayInputStream(huge) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            read.addAndGet(Math.max(0, n));
            return n;
          }
        };
    WebhookResponse response =
        receiver.handle("POST", Map.of("Content-Type", List.of("application/json")), body);
    assertError(response, 413, "payload_too_large");
    assertThat(read.get()).isEqualTo(1001);
  }

  @Test
  void otherMethodsAndMediaTypes_are405And415() {
    WebhookRequest get = WebhookRequest.of("GET", Map.of(), new byte[0]);
    WebhookResponse notAllowed = receiver().handle(get);
    assertError(notAllowed, 405, "method_not_allowed");
    assertThat(notAllowed.headers()).containsEntry("Allow", "POST");

    byte[] body = utf8("{}");
    for (String type :
        List.of(
            "text/plain",
            "application/json; charset=iso-8859-1",
            "application/x-www-form-urlencoded")) {
      assertError(
          receiver().handle(WebhookRequest.of("POST", Map.of("Content-Type", type), body)),
          415,
          "unsupported_media_type");
    }
    assertError(
        receiver().handle(WebhookRequest.of("POST", Map.of(), body)),
        415,
        "unsupported_media_type");
    Map<String, String> vendorJson =
        Map.of("Content-Type", "application/vnd.acme+json; charset=UTF-8");
    assertThat(receiver().handle(signed("{}", t, vendorJson)).status()).isEqualTo(200);
  }

  @Test
  void duringRotation_theOldSecretIsAlsoAccepted() {
    String old = "whsec_old-secret-11111111111";
    WebhookReceiver rotating =
        WebhookReceiver.builder(Authorization.hmac(Secret.of(SECRET)), stored::add)
            .alsoAccept(Authorization.hmac(Secret.of(old)))
            .clock(clock)
            .build();
    byte[] body = utf8("{\"type\":\"a\"}");
    WebhookRequest signedWithOld =
        WebhookRequest.of(
            "POST",
            Map.of(
                "Content-Type",
                "application/json",
                "Tributary-Signature",
                Hmac.header(old, t, body)),
            body);
    assertThat(rotating.handle(signedWithOld).status()).isEqualTo(200);
    assertError(receiver().handle(signedWithOld), 401, "bad_signature");
  }

  @Test
  void toStrings_neverShowTheSignatureOrTheSecret() {
    WebhookRequest request = signed("{\"type\":\"a\"}", t);
    String shown = request + " " + receiver();
    assertThat(shown).doesNotContain(request.header("Tributary-Signature")).doesNotContain(SECRET);
    assertNoSecrets(shown);
  }

  @Test
  void concurrentRequests_areAllStored() throws Exception {
    WebhookReceiver receiver = receiver();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      int n = i;
      threads.add(
          new Thread(
              () -> {
                for (int j = 0; j < 50; j++) {
                  receiver.handle(signed("{\"type\":\"t" + n + "-" + j + "\"}", t));
                }
              }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(stored).hasSize(400);
  }
}

package dev.tributary.connectors.rest;

import static dev.tributary.connectors.testutil.Answers.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.connectors.testutil.QueuedServerKit;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.TributaryException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ItemResult;
import dev.tributary.core.model.Profile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** The REST export's single calls against a recording MockWebServer. */
class RestExportConnectorTest extends QueuedServerKit {
  static final String TOKEN = "rest-t0ken-secret";
  static final ObjectMapper JSON = new ObjectMapper();

  final RestExportConnector<Profile> connector = RestExportConnector.profiles().build();

  @Override
  protected RestExportConnector<Profile> connector() {
    return connector;
  }

  @Override
  protected Map<String, String> configuration() {
    return Map.of("endpoint", server.url("/v1/contacts/batch").toString());
  }

  @Override
  protected Authorization authorization() {
    return Authorization.bearer(Secret.of(TOKEN));
  }

  @Override
  protected MockResponse answerToOneCall() {
    return json(200, "{}");
  }

  @Override
  protected void callOnce(ConnectorContext context) {
    BatchResult result = connector.write(context, List.of(ann()));
    for (ItemResult r : result.items()) {
      if (r.error() != null) {
        throw r.error();
      }
    }
  }

  static Profile ann() {
    return Profile.builder("p1")
        .identity("email", "ann@example.com")
        .field("plan", "pro")
        .field("seats", 3)
        .field("since", Instant.parse("2025-01-02T03:04:05Z"))
        .audience("vip")
        .updatedAt(T0)
        .build();
  }

  static Profile person(String id) {
    return Profile.builder(id).identity("email", id + "@example.com").build();
  }

  static JsonNode tree(String json) throws Exception {
    return JSON.readTree(json);
  }

  @Test
  void write_postsTheBatchAsJson_withAuthorizationAndConfiguredHeaders() throws Exception {
    server.enqueue(json(200, "{\"accepted\":1}"));
    BatchResult result =
        connector.write(context(Map.of("headers", "X-Team: growth")), List.of(ann()));

    assertThat(result.allSucceeded()).isTrue();
    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getTarget()).isEqualTo("/v1/contacts/batch");
    assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(r.getHeaders().get("X-Team")).isEqualTo("growth");
    assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(tree(r.getBody().utf8()))
        .isEqualTo(
            tree(
                "{\"items\":[{\"id\":\"p1\",\"identities\":{\"email\":\"ann@example.com\"},"
                    + "\"fields\":{\"plan\":\"pro\",\"seats\":3,\"since\":\"2025-01-02T03:04:05Z\"},"
                    + "\"audiences\":[\"vip\"],\"updated_at\":\"2026-12-01T10:00:00Z\"}]}"));
  }

  @Test
  void write_withFieldsAndPut_sendsOnlyTheChosenFields() throws Exception {
    server.enqueue(json(204, ""));
    connector.write(context(Map.of("method", "put", "fields", "plan, missing")), List.of(ann()));

    RecordedRequest r = server.takeRequest();
    assertThat(r.getMethod()).isEqualTo("PUT");
    assertThat(tree(r.getBody().utf8()).at("/items/0/fields"))
        .isEqualTo(tree("{\"plan\":\"pro\"}"));
  }

  @Test
  void write_gzip_compressesTheBody() throws Exception {
    server.enqueue(json(200, "{}"));
    connector.write(context(Map.of("gzip", "true")), List.of(ann(), person("p2")));
    RecordedRequest r = server.takeRequest();
    assertThat(r.getHeaders().get("Content-Encoding")).isEqualTo("gzip");
    assertThat(tree(gunzip(r.getBody().toByteArray())).at("/items/1/id").asText()).isEqualTo("p2");
  }

  static String gunzip(byte[] bytes) throws Exception {
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void perItemResults_positional_classifyEachItem() {
    server.enqueue(
        json(
            200,
            "{\"results\":[{\"status\":201},"
                + "{\"status\":422,\"error\":{\"message\":\"email is invalid\"}},"
                + "{\"status\":429,\"retry_after\":30},"
                + "{\"error\":\"busy\",\"retryable\":true}]}"));
    BatchResult result =
        connector.write(
            context(Map.of("results_pointer", "/results")),
            List.of(person("a"), person("b"), person("c"), person("d")));

    assertThat(result.items().get(0).succeeded()).isTrue();
    ItemResult bad = result.items().get(1);
    assertThat(bad.errorClass()).contains(ErrorClass.VALIDATION);
    assertThat(bad.error())
        .hasMessage("item 1 rejected by POST /v1/contacts/batch: HTTP 422: email is invalid");
    assertThat(result.items().get(2).errorClass()).contains(ErrorClass.TRANSIENT);
    assertThat(result.items().get(2).error().retryAfter()).contains(Duration.ofSeconds(30));
    assertThat(result.items().get(3).isRetryable()).isTrue();
  }

  @Test
  void perItemResults_errorsOnlyByIndex_othersWritten() {
    server.enqueue(json(207, "{\"errors\":[{\"index\":2,\"error\":\"unknown list\"}]}"));
    BatchResult result =
        connector.write(
            context(Map.of("results_pointer", "/errors")),
            List.of(person("a"), person("b"), person("c")));
    assertThat(result.items()).extracting(ItemResult::succeeded).containsExactly(true, true, false);
  }

  @Test
  void badRequestNamingItems_rejectsThose_andSendsTheOthersAgain() {
    server.enqueue(
        json(
            400,
            "{\"errors\":[{\"index\":1,\"error\":\"bad email\"},{\"index\":2,\"status\":200}]}"));
    BatchResult result =
        connector.write(
            context(Map.of("results_pointer", "/errors")),
            List.of(person("a"), person("b"), person("c")));

    assertThat(result.items().get(0).isRetryable()).isTrue(); // nothing was written: again
    assertThat(result.items().get(1).errorClass()).contains(ErrorClass.VALIDATION);
    assertThat(result.items().get(2).succeeded()).isTrue(); // the answer says it was written
  }

  @Test
  void badRequestNamingNoItem_failsTheWholeBatch() {
    server.enqueue(json(400, "{\"message\":\"malformed\"}"));
    TributaryException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            TributaryException.class,
            () -> connector.write(context(Map.of("results_pointer", "/errors")), List.of(ann())));
    assertThat(e.errorClass()).isEqualTo(ErrorClass.VALIDATION);
    assertThat(e).hasMessageContaining("HTTP 400").hasMessageContaining("malformed");
  }

  @Test
  void resultsThatDoNotMatchTheBatch_fallBackToTheStatus() {
    server.enqueue(json(200, "{\"results\":[{\"error\":\"x\"}]}"));
    BatchResult result =
        connector.write(
            context(Map.of("results_pointer", "/results")), List.of(person("a"), person("b")));
    assertThat(result.allSucceeded()).isTrue();
  }

  static final String TEMPLATE =
      "{\"contacts\": [{{ range $i, $p := .items }}{{ if $i }}, {{ end }}"
          + "{\"email\": {{ $p.identities.email | toJson }}, \"plan\": \"{{ $p.fields.plan }}\"}"
          + "{{ end }}], \"count\": {{ .count }}, \"sent\": {{ .sent_at | toJson }}}";

  @Test
  void bodyTemplate_rendersTheBatch_withSdkTemplates() throws Exception {
    server.enqueue(json(200, "{}"));
    connector.write(context(Map.of("body_template", TEMPLATE)), List.of(ann(), person("p2")));

    RecordedRequest r = server.takeRequest();
    assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(tree(r.getBody().utf8()))
        .isEqualTo(
            tree(
                "{\"contacts\": [{\"email\": \"ann@example.com\", \"plan\": \"pro\"},"
                    + " {\"email\": \"p2@example.com\", \"plan\": \"<no value>\"}],"
                    + " \"count\": 2, \"sent\": \"2026-12-01T10:00:00Z\"}"));
  }

  @Test
  void bodyTemplate_thatBreaksJsonForOneItem_isolatesThatItemThroughTheRetrier() throws Exception {
    server.setDispatcher(
        new mockwebserver3.Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return json(200, "{}");
          }
        });
    Profile quote =
        Profile.builder("p9").identity("email", "x@example.com").field("plan", "a\"b").build();
    ConnectorContext context = context(Map.of("body_template", TEMPLATE));

    var outcome =
        dev.tributary.core.retry.Retrier.builder()
            .sleeper(clock)
            .build()
            .writeBatch(List.of(ann(), quote), b -> connector.write(context, b));

    assertThat(outcome.written()).isEqualTo(1);
    assertThat(outcome.rejected())
        .singleElement()
        .satisfies(
            rej -> {
              assertThat(rej.item()).isSameAs(quote);
              assertThat(rej.error().errorClass()).isEqualTo(ErrorClass.VALIDATION);
              assertThat(rej.error())
                  .hasMessageContaining("body_template rendered a body that is not JSON")
                  .hasMessageContaining("print values with toJson");
            });
    assertThat(server.getRequestCount()).isEqualTo(1); // the bad batches never left
  }

  @Test
  void bodyTemplate_thatDoesNotParse_isAConfigErrorAndACheckProblem() {
    Map<String, String> broken = Map.of("body_template", "{\"items\": {{ range .items }}");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> connector.write(context(broken), List.of(ann())))
        .isInstanceOfSatisfying(
            dev.tributary.core.ConfigException.class,
            e -> assertThat(e.setting()).contains("body_template"))
        .hasMessageStartingWith("body_template does not parse: template: body_template:1:");
    assertThat(connector.check(context(broken)).problems())
        .extracting(CheckResult.Problem::setting)
        .containsExactly("body_template");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void check_rendersTheTemplateForASample_andNamesABrokenEnvelope() {
    assertThat(connector.check(context(Map.of("body_template", TEMPLATE, "fields", "plan"))).isOk())
        .isTrue();
    CheckResult broken =
        connector.check(context(Map.of("body_template", "{\"items\": {{ .items | toJson }}")));
    assertThat(broken.problems())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .startsWith("rendered for a sample profile, body_template rendered a body"));
  }

  @Test
  void check_namesEveryBadSetting() {
    CheckResult result =
        connector.check(
            context(
                Map.of(
                    "method", "DELETE",
                    "results_pointer", "results",
                    "headers", "nonsense",
                    "rate_limit_requests", "-5")));
    assertThat(result.problems())
        .extracting(CheckResult.Problem::setting)
        .containsExactlyInAnyOrder("method", "results_pointer", "headers", "rate_limit_requests");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void check_probesTheCheckUrlWithTheCredential() throws Exception {
    server.enqueue(json(401, "{}"));
    CheckResult result =
        connector.check(context(Map.of("check_url", server.url("/v1/me").toString())));
    assertThat(result.problems())
        .extracting(CheckResult.Problem::setting)
        .containsExactly("authorization");
    assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
  }

  @Test
  void descriptor_andRateLimitFromTheConfiguration() {
    assertThat(connector.descriptor().id()).isEqualTo("rest-export");
    assertThat(RestExportConnector.audienceChanges().build().descriptor().id())
        .isEqualTo("rest-audience-export");
    assertThat(
            connector.rateLimit(
                context(Map.of("rate_limit_requests", "10", "max_concurrency", "2")).config()))
        .isEqualTo(
            dev.tributary.core.connector.RateLimit.of(10, Duration.ofSeconds(1))
                .withMaxConcurrency(2));
    assertThat(connector.maxBatchSize()).isEqualTo(100);
  }
}

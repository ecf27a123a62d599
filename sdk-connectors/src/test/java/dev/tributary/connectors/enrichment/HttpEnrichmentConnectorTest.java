package dev.tributary.connectors.enrichment;

import static dev.tributary.connectors.testutil.Answers.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.connectors.testutil.QueuedServerKit;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.EnrichmentResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Per-user lookups against a recording MockWebServer. */
class HttpEnrichmentConnectorTest extends QueuedServerKit {
  static final String KEY = "pr0vider-api-key";
  static final String PERSON =
      "{\"person\":{\"title\":\"CTO\",\"company\":{\"name\":\"Acme\","
          + "\"metrics\":{\"employees\":250,\"revenue\":12.50}},\"twitter\":null}}";

  final HttpEnrichmentConnector connector = HttpEnrichmentConnector.perUser();

  @Override
  protected HttpEnrichmentConnector connector() {
    return connector;
  }

  @Override
  protected Map<String, String> configuration() {
    return Map.of(
        "endpoint",
        server.url("/v2/people/find").toString(),
        "identifiers",
        "email",
        "result_pointer",
        "/person",
        "fields",
        "company=/company/name, employees=/company/metrics/employees,"
            + " revenue=/company/metrics/revenue, title, twitter");
  }

  @Override
  protected Authorization authorization() {
    return Authorization.apiKeyQuery("api_key", Secret.of(KEY));
  }

  @Override
  protected MockResponse answerToOneCall() {
    return json(200, PERSON);
  }

  @Override
  protected void callOnce(ConnectorContext context) {
    EnrichmentResult r =
        connector.enrich(context, List.of(Map.of("email", "a@example.com"))).get(0);
    if (r.error() != null) {
      throw r.error();
    }
  }

  List<EnrichmentResult> enrich(Map<String, String> extra, List<Map<String, String>> users) {
    return connector.enrich(context(extra), users);
  }

  @Test
  void found_mapsTheChosenFields_byPointer_keepingExactNumbers() throws Exception {
    server.enqueue(json(200, PERSON));
    EnrichmentResult r =
        enrich(Map.of(), List.of(Map.of("email", "ann@example.com", "user_id", "u1"))).get(0);

    assertThat(r.status()).isEqualTo(EnrichmentResult.Status.ENRICHED);
    assertThat(r.fields())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "company",
                "Acme",
                "employees",
                250L,
                "revenue",
                new BigDecimal("12.50"),
                "title",
                "CTO")); // twitter was null: left out
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget())
        .isEqualTo("/v2/people/find?email=ann%40example.com&api_key=" + KEY);
  }

  @Test
  void identifierParams_renameWhatIsSent_andAllTopLevelFieldsWithoutAMapping() throws Exception {
    server.enqueue(json(200, "{\"plan\":\"pro\",\"score\":7}"));
    EnrichmentResult r =
        enrich(
                Map.of(
                    "identifiers", "email, phone",
                    "identifier_params", "email=email_address",
                    "fields", "",
                    "result_pointer", ""),
                List.of(Map.of("email", "ann@example.com", "phone", "+4930123")))
            .get(0);

    assertThat(r.fields()).containsOnly(Map.entry("plan", "pro"), Map.entry("score", 7L));
    assertThat(server.takeRequest().getUrl().queryParameterNames())
        .containsExactlyInAnyOrder("email_address", "phone", "api_key");
  }

  @Test
  void notFound_by404_204_orAnEmptyAnswer() {
    server.enqueue(json(404, "{\"error\":\"unknown\"}"));
    server.enqueue(json(204, ""));
    server.enqueue(json(200, "{\"person\":{}}"));
    List<EnrichmentResult> results =
        List.of(
            enrich(Map.of(), List.of(Map.of("email", "a@x.com"))).get(0),
            enrich(Map.of(), List.of(Map.of("email", "b@x.com"))).get(0),
            enrich(Map.of(), List.of(Map.of("email", "c@x.com"))).get(0));
    assertThat(results)
        .extracting(EnrichmentResult::status)
        .containsOnly(EnrichmentResult.Status.NOT_FOUND);
  }

  @Test
  void accepted202_isQueued_withTheProvidersDelayOrTheConfiguredOne() {
    server.enqueue(new MockResponse.Builder().code(202).addHeader("Retry-After", "120").build());
    server.enqueue(new MockResponse.Builder().code(202).build());
    EnrichmentResult hinted = enrich(Map.of(), List.of(Map.of("email", "a@x.com"))).get(0);
    EnrichmentResult unhinted =
        enrich(Map.of("queued_retry_after", "45s"), List.of(Map.of("email", "a@x.com"))).get(0);

    assertThat(hinted.status()).isEqualTo(EnrichmentResult.Status.QUEUED);
    assertThat(hinted.retryAfter()).isEqualTo(Duration.ofSeconds(120));
    assertThat(unhinted.retryAfter()).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void userWithoutTheIdentifier_failsAsValidation_withoutARequest() {
    EnrichmentResult r = enrich(Map.of(), List.of(Map.of("user_id", "u1"))).get(0);
    assertThat(r.status()).isEqualTo(EnrichmentResult.Status.FAILED);
    assertThat(r.error().errorClass()).isEqualTo(ErrorClass.VALIDATION);
    assertThat(r.error()).hasMessage("the profile has no email to look up");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void severalUsersInOneCall_areLookedUpOneByOne_eachWithItsOwnOutcome() {
    server.enqueue(json(200, PERSON));
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3").build());
    List<EnrichmentResult> results =
        enrich(Map.of(), List.of(Map.of("email", "a@x.com"), Map.of("email", "b@x.com")));
    assertThat(results).extracting(EnrichmentResult::index).containsExactly(0, 1);
    assertThat(results.get(0).status()).isEqualTo(EnrichmentResult.Status.ENRICHED);
    assertThat(results.get(1).error().retryAfter()).contains(Duration.ofSeconds(3));
  }

  @Test
  void check_namesBadSettings() {
    CheckResult result =
        connector.check(
            context(Map.of("identifier_params", "phone=tel", "result_pointer", "person")));
    assertThat(result.problems()).extracting(CheckResult.Problem::setting).isNotEmpty();
    assertThat(result.problems().get(0).setting()).isEqualTo("identifier_params");
    CheckResult pointer = connector.check(context(Map.of("result_pointer", "person")));
    assertThat(pointer.problems())
        .extracting(CheckResult.Problem::setting)
        .containsExactly("result_pointer");
  }
}

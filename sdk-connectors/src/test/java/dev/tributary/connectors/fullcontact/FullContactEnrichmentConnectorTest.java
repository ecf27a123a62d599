package dev.tributary.connectors.fullcontact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.connectors.testutil.Fixtures;
import dev.tributary.connectors.testutil.QueuedServerKit;
import dev.tributary.core.ConfigException;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.EnrichmentResult;
import dev.tributary.core.connector.RateLimit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * Person Enrich against a MockWebServer answering with fixtures in the documented shapes
 * (docs.fullcontact.com: "Person Enrichment", "Multi Field Request", "Response Codes &amp; Errors",
 * "Rate Limiting").
 */
class FullContactEnrichmentConnectorTest extends QueuedServerKit {
  static final String KEY = "fc-api-k3y-0123456789";
  static final ObjectMapper JSON = new ObjectMapper();

  final FullContactEnrichmentConnector connector = FullContactEnrichmentConnector.create();

  @Override
  protected FullContactEnrichmentConnector connector() {
    return connector;
  }

  @Override
  protected Map<String, String> configuration() {
    return Map.of("endpoint", server.url("/v3/person.enrich").toString());
  }

  @Override
  protected Authorization authorization() {
    return Authorization.bearer(Secret.of(KEY));
  }

  @Override
  protected MockResponse answerToOneCall() {
    return fixture(200, "person-enrich-200.json");
  }

  @Override
  protected void callOnce(ConnectorContext context) {
    EnrichmentResult r = connector.enrich(context, List.of(Map.of("email", "a@x.com"))).get(0);
    if (r.error() != null) {
      throw r.error();
    }
  }

  static MockResponse fixture(int status, String name) {
    return Fixtures.json(FullContactEnrichmentConnectorTest.class, status, name);
  }

  EnrichmentResult enrichOne(Map<String, String> extra, Map<String, String> user) {
    return connector.enrich(context(extra), List.of(user)).get(0);
  }

  JsonNode body(RecordedRequest request) throws Exception {
    return JSON.readTree(request.getBody().utf8());
  }

  @Test
  void found_mapsThePersonToTheDefaultUserFields_fromAMultiFieldRequest() throws Exception {
    server.enqueue(
        fixture(200, "person-enrich-200.json")
            .newBuilder()
            .addHeader("X-FullContact-RateDelay", "12")
            .build());
    EnrichmentResult r =
        enrichOne(Map.of(), Map.of("email", " ann@acme.example ", "phone", "+17205550100"));

    assertThat(r.status()).isEqualTo(EnrichmentResult.Status.ENRICHED);
    assertThat(r.fields())
        .containsOnly(
            Map.entry("full_name", "Ann Example"),
            Map.entry("first_name", "Ann"),
            Map.entry("last_name", "Example"),
            Map.entry("age_range", "30-39"),
            Map.entry("gender", "Female"),
            Map.entry("location", "Denver, Colorado, United States"),
            Map.entry("job_title", "Head of Data"),
            Map.entry("organization", "Acme Analytics"),
            Map.entry("twitter", "https://twitter.com/annexample"),
            Map.entry("linkedin", "https://www.linkedin.com/in/annexample"),
            Map.entry("bio", "Data people person."),
            Map.entry("avatar", "https://img.fullcontact.com/static/ann.png"),
            Map.entry("website", "https://ann.example.com"));
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo("/v3/person.enrich");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(body(request).toString())
        .isEqualTo("{\"emails\":[\"ann@acme.example\"],\"phones\":[\"+17205550100\"]}");
  }

  @Test
  void fields_mapInsightsBundlesAndNestedValues_andTheFiltersAreSent() throws Exception {
    server.enqueue(fixture(200, "person-enrich-200.json"));
    EnrichmentResult r =
        enrichOne(
            Map.of(
                "identifiers", "phone",
                "fields",
                    "employer=/details/employment/0/name, age=/details/age/value,"
                        + " household=/details/household, interests=/details/interests,"
                        + " missing=/details/finance",
                "data_filter", "individual, demographic_insights",
                "confidence", "med"),
            Map.of("email", "ann@acme.example", "phone", "+17205550100"));

    assertThat(r.fields())
        .containsOnlyKeys("employer", "age", "household", "interests")
        .containsEntry("employer", "Acme Analytics")
        .containsEntry("age", 34L)
        .containsEntry(
            "household",
            Map.of(
                "homeInfo", Map.of("dwellingType", "Single Family"),
                "familyInfo", Map.of("totalChildren", 2L)))
        .containsEntry(
            "interests", List.of(Map.of("name", "Cycling", "id", "104", "affinity", "HIGH")));
    assertThat(body(server.takeRequest()).toString())
        .isEqualTo(
            "{\"phones\":[\"+17205550100\"],\"dataFilter\":[\"individual\",\"demographic_insights\"],"
                + "\"confidence\":\"MED\"}");
  }

  @Test
  void accepted202_isQueued_withRetryAfter_orTheConfiguredWait() {
    server.enqueue(
        fixture(202, "person-enrich-202.json").newBuilder().addHeader("Retry-After", "90").build());
    server.enqueue(fixture(202, "person-enrich-202.json"));

    EnrichmentResult hinted = enrichOne(Map.of(), Map.of("email", "new@acme.example"));
    EnrichmentResult unhinted = enrichOne(Map.of(), Map.of("email", "new@acme.example"));

    assertThat(hinted.status()).isEqualTo(EnrichmentResult.Status.QUEUED);
    assertThat(hinted.retryAfter()).isEqualTo(Duration.ofSeconds(90));
    assertThat(unhinted.retryAfter()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void notFound404_andAPersonWithNothingMapped_areNotFound() {
    server.enqueue(fixture(404, "person-enrich-404.json"));
    server.enqueue(Fixtures.jsonBody(200, "{\"updated\":\"2026-10-03\"}"));
    assertThat(enrichOne(Map.of(), Map.of("email", "nobody@x.com")).status())
        .isEqualTo(EnrichmentResult.Status.NOT_FOUND);
    assertThat(enrichOne(Map.of(), Map.of("email", "thin@x.com")).status())
        .isEqualTo(EnrichmentResult.Status.NOT_FOUND);
  }

  @Test
  void invalid422_failsThatUserAsValidation_withFullContactsMessage() {
    server.enqueue(fixture(422, "person-enrich-422.json"));
    EnrichmentResult r = enrichOne(Map.of(), Map.of("email", "not-an-email"));
    assertThat(r.status()).isEqualTo(EnrichmentResult.Status.FAILED);
    assertThat(r.error().errorClass()).isEqualTo(ErrorClass.VALIDATION);
    assertThat(r.error())
        .hasMessage("FullContact refused the lookup (HTTP 422): Invalid email address");
  }

  @Test
  void forbidden403_isConfig_namingTheQuota_withoutTheKey() {
    server.enqueue(fixture(403, "person-enrich-403.json"));
    assertThatThrownBy(() -> enrichOne(Map.of(), Map.of("email", "a@x.com")))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.setting()).contains("authorization");
              assertThat(e.getMessage())
                  .contains("HTTP 403 from POST /v3/person.enrich")
                  .contains("API key is invalid or has exceeded its quota")
                  .contains("quota is used up")
                  .doesNotContain(KEY);
            });
  }

  @Test
  void rateLimited429_isTransientForThatUser_withAndWithoutRetryAfter() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3").build());
    server.enqueue(new MockResponse.Builder().code(429).build());
    EnrichmentResult hinted = enrichOne(Map.of(), Map.of("email", "a@x.com"));
    EnrichmentResult bare = enrichOne(Map.of(), Map.of("email", "a@x.com"));

    assertThat(hinted.error().errorClass()).isEqualTo(ErrorClass.TRANSIENT);
    assertThat(hinted.error().retryAfter()).contains(Duration.ofSeconds(3));
    assertThat(bare.error().errorClass()).isEqualTo(ErrorClass.TRANSIENT);
    assertThat(bare.error().retryAfter()).isEmpty(); // the runtime's backoff decides
  }

  @Test
  void userWithoutEmailOrPhone_failsAsValidation_withoutARequest() {
    EnrichmentResult r = enrichOne(Map.of(), Map.of("user_id", "u1"));
    assertThat(r.error().errorClass()).isEqualTo(ErrorClass.VALIDATION);
    assertThat(r.error()).hasMessage("the profile has no email or phone to look up");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void rateLimit_defaultsToTheDocumented6000PerMinute() {
    assertThat(connector.rateLimit(context(Map.of()).config()))
        .isEqualTo(new RateLimit(6000, Duration.ofMinutes(1), 0));
    assertThat(connector.rateLimit(context(Map.of("rate_limit_requests", "600")).config()))
        .isEqualTo(new RateLimit(600, Duration.ofMinutes(1), 0));
  }

  @Test
  void check_namesBadSettings_andSpendsNoLookup() {
    CheckResult identifiers = connector.check(context(Map.of("identifiers", "twitter")));
    CheckResult confidence = connector.check(context(Map.of("confidence", "ULTRA")));
    CheckResult fields = connector.check(context(Map.of("fields", "title=employment")));

    assertThat(identifiers.problems())
        .extracting(CheckResult.Problem::setting)
        .containsExactly("identifiers");
    assertThat(confidence.problems())
        .extracting(CheckResult.Problem::setting)
        .containsExactly("confidence");
    assertThat(fields.problems())
        .extracting(CheckResult.Problem::setting)
        .containsExactly("fields");
    assertThat(server.getRequestCount()).isZero();
  }
}

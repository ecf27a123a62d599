package dev.tributary.connectors.clearbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * Clearbit Enrichment against a MockWebServer answering with fixtures in the shapes of Clearbit's
 * v2 API reference (Person, Company and Combined API; errors as {@code {"error": {"type",
 * "message"}}}; 202 for a lookup Clearbit is still running).
 */
class ClearbitEnrichmentConnectorTest extends QueuedServerKit {
  static final String KEY = "sk_clearbit_s3cret_0123456789";

  final ClearbitEnrichmentConnector connector = ClearbitEnrichmentConnector.create();

  @Override
  protected ClearbitEnrichmentConnector connector() {
    return connector;
  }

  @Override
  protected Map<String, String> configuration() {
    return Map.of("api_url", server.url("/").toString());
  }

  @Override
  protected Authorization authorization() {
    return Authorization.bearer(Secret.of(KEY));
  }

  @Override
  protected MockResponse answerToOneCall() {
    return combined(true);
  }

  @Override
  protected void callOnce(ConnectorContext context) {
    EnrichmentResult r =
        connector.enrich(context, List.of(Map.of("email", "ann@acme.example"))).get(0);
    if (r.error() != null) {
      throw r.error();
    }
  }

  static String fixture(String name) {
    return Fixtures.text(ClearbitEnrichmentConnectorTest.class, name);
  }

  /** The combined answer: the person, and the company (null for a personal e-mail). */
  static MockResponse combined(boolean withCompany) {
    return Fixtures.jsonBody(
        200,
        "{\"person\":"
            + fixture("person.json")
            + ",\"company\":"
            + (withCompany ? fixture("company.json") : "null")
            + "}");
  }

  static MockResponse error(int status, String name) {
    return Fixtures.json(ClearbitEnrichmentConnectorTest.class, status, name);
  }

  EnrichmentResult enrichOne(Map<String, String> extra, Map<String, String> user) {
    return connector.enrich(context(extra), List.of(user)).get(0);
  }

  @Test
  void combined_mapsPersonAndCompany_withTheSecretKeyAsBearer() throws Exception {
    server.enqueue(combined(true));
    EnrichmentResult r = enrichOne(Map.of(), Map.of("email", "ann@acme.example"));

    assertThat(r.status()).isEqualTo(EnrichmentResult.Status.ENRICHED);
    assertThat(r.fields())
        .containsOnly(
            Map.entry("first_name", "Ann"),
            Map.entry("last_name", "Example"),
            Map.entry("full_name", "Ann Example"),
            Map.entry("job_title", "Head of Data"),
            Map.entry("job_role", "engineering"),
            Map.entry("job_seniority", "director"),
            Map.entry("location", "San Francisco, CA, US"),
            Map.entry("country_code", "US"),
            Map.entry("linkedin_handle", "in/annexample"),
            Map.entry("twitter_handle", "annexample"),
            Map.entry("avatar", "https://d1ts43dypk8bqh.cloudfront.net/v1/avatars/ann"),
            Map.entry("company_name", "Acme Analytics"),
            Map.entry("company_domain", "acme.example"),
            Map.entry("company_sector", "Information Technology"),
            Map.entry("company_industry", "Internet Software & Services"),
            Map.entry("company_employees", 250L),
            Map.entry("company_employees_range", "251-1K"),
            Map.entry("company_estimated_revenue", "$10M-$50M"),
            Map.entry("company_country_code", "US"),
            Map.entry("company_type", "private"));
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo("/v2/combined/find?email=ann%40acme.example");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
  }

  @Test
  void personalEmail_fillsThePersonOnly() {
    server.enqueue(combined(false));
    EnrichmentResult r = enrichOne(Map.of(), Map.of("email", "ann@gmail.example"));
    assertThat(r.fields()).containsKey("first_name").doesNotContainKey("company_name");
  }

  @Test
  void personLookup_usesThePersonApi_andMapsTheEmployer() throws Exception {
    server.enqueue(Fixtures.jsonBody(200, fixture("person.json")));
    EnrichmentResult r =
        enrichOne(
            Map.of(
                "lookup",
                "person",
                "fields",
                "title=/employment/title, employer=/employment/name," + " lat=/geo/lat"),
            Map.of("email", "ann@acme.example"));

    assertThat(r.fields())
        .containsOnly(
            Map.entry("title", "Head of Data"),
            Map.entry("employer", "Acme Analytics"),
            Map.entry("lat", new BigDecimal("37.7749295")));
    assertThat(server.takeRequest().getTarget())
        .isEqualTo("/v2/people/find?email=ann%40acme.example");
  }

  @Test
  void companyLookup_sendsTheDomainIdentity_andAUserWithoutOneIsRejectedUnasked() throws Exception {
    server.enqueue(Fixtures.jsonBody(200, fixture("company.json")));
    EnrichmentResult found =
        enrichOne(Map.of("lookup", "company"), Map.of("domain", "acme.example", "email", "a@b.c"));
    EnrichmentResult none = enrichOne(Map.of("lookup", "company"), Map.of("email", "a@b.c"));

    assertThat(found.fields())
        .containsEntry("company_name", "Acme Analytics")
        .containsEntry("company_employees", 250L)
        .doesNotContainKey("first_name");
    assertThat(server.takeRequest().getTarget())
        .isEqualTo("/v2/companies/find?domain=acme.example");
    assertThat(none.error().errorClass()).isEqualTo(ErrorClass.VALIDATION);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void accepted202_isQueued_withRetryAfter_orTwoMinutes() {
    server.enqueue(new MockResponse.Builder().code(202).addHeader("Retry-After", "30").build());
    server.enqueue(new MockResponse.Builder().code(202).build());
    EnrichmentResult hinted = enrichOne(Map.of(), Map.of("email", "new@acme.example"));
    EnrichmentResult unhinted = enrichOne(Map.of(), Map.of("email", "new@acme.example"));

    assertThat(hinted.status()).isEqualTo(EnrichmentResult.Status.QUEUED);
    assertThat(hinted.retryAfter()).isEqualTo(Duration.ofSeconds(30));
    assertThat(unhinted.retryAfter()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void unknown404_isNotFound_andInvalid422_rejectsThatUser() {
    server.enqueue(error(404, "error-404.json"));
    server.enqueue(error(422, "error-422.json"));
    EnrichmentResult unknown = enrichOne(Map.of(), Map.of("email", "nobody@acme.example"));
    EnrichmentResult invalid = enrichOne(Map.of(), Map.of("email", "nope"));

    assertThat(unknown.status()).isEqualTo(EnrichmentResult.Status.NOT_FOUND);
    assertThat(invalid.error().errorClass()).isEqualTo(ErrorClass.VALIDATION);
    assertThat(invalid.error().getMessage()).contains("HTTP 422 from GET /v2/combined/find");
  }

  @Test
  void overQuota402_andRefusedKey401_stopAsConfig_withoutTheKey() {
    server.enqueue(error(402, "error-402.json"));
    server.enqueue(error(401, "error-401.json"));

    assertThatThrownBy(() -> enrichOne(Map.of(), Map.of("email", "a@acme.example")))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.getMessage())
                    .startsWith(
                        "Clearbit answered 402 to GET /v2/combined/find: the account is"
                            + " over its lookup quota")
                    .doesNotContain(KEY));
    assertThatThrownBy(() -> enrichOne(Map.of(), Map.of("email", "a@acme.example")))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> assertThat(e.getMessage()).contains("HTTP 401").doesNotContain(KEY));
  }

  @Test
  void rateLimited429_isTransient_withAndWithoutRetryAfter() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "6").build());
    server.enqueue(new MockResponse.Builder().code(429).build());
    EnrichmentResult hinted = enrichOne(Map.of(), Map.of("email", "a@acme.example"));
    EnrichmentResult bare = enrichOne(Map.of(), Map.of("email", "a@acme.example"));

    assertThat(hinted.error().retryAfter()).contains(Duration.ofSeconds(6));
    assertThat(bare.error().errorClass()).isEqualTo(ErrorClass.TRANSIENT);
    assertThat(bare.error().retryAfter()).isEmpty();
  }

  @Test
  void rateLimit_defaultsToClearbits600PerMinute() {
    assertThat(connector.rateLimit(context(Map.of()).config()))
        .isEqualTo(new RateLimit(600, Duration.ofMinutes(1), 0));
  }

  @Test
  void check_namesBadSettings() {
    assertThat(connector.check(context(Map.of("lookup", "everything"))).problems())
        .extracting(CheckResult.Problem::setting)
        .containsExactly("lookup");
    assertThat(connector.check(context(Map.of("fields", "title"))).isOk()).isTrue();
    assertThat(connector.check(context(Map.of("fields", "title=person"))).problems())
        .extracting(CheckResult.Problem::setting)
        .containsExactly("fields");
    assertThat(server.getRequestCount()).isZero();
  }
}

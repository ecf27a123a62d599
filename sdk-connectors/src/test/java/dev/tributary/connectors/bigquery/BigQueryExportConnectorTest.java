package dev.tributary.connectors.bigquery;

import static dev.tributary.connectors.bigquery.FakeBigQuery.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.connectors.testutil.RsaTestKey;
import dev.tributary.core.ConfigException;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.OAuth2JwtBearer;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ItemResult;
import dev.tributary.core.model.Event;
import dev.tributary.testing.kit.ConnectorCompatibilityKit;
import dev.tributary.testing.time.ManualClock;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** insertAll against {@link FakeBigQuery}: the request, per-row errors, limits and OAuth. */
class BigQueryExportConnectorTest extends ConnectorCompatibilityKit {
  static final Instant T0 = Instant.parse("2026-12-01T10:00:00.123456789Z");

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeBigQuery bigQuery = new FakeBigQuery();
  final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:05:00Z"));
  final BigQueryExportConnector connector = BigQueryExportConnector.create();
  OAuth2JwtBearer serviceAccount;

  @BeforeEach
  void serve() {
    server.setDispatcher(bigQuery);
    serviceAccount = FakeBigQuery.serviceAccount(server);
  }

  @Override
  protected BigQueryExportConnector connector() {
    return connector;
  }

  @Override
  protected Map<String, String> configuration() {
    return Map.of(
        "project_id", "acme-data",
        "dataset_id", "analytics",
        "table_id", "events",
        "api_url", server.url("/").toString());
  }

  @Override
  protected Authorization authorization() {
    return serviceAccount;
  }

  @Override
  protected ConnectorContext context() {
    return context(Map.of());
  }

  @Override
  protected void exerciseOnce(ConnectorContext context) {
    BatchResult result = connector.write(context, List.of(purchase("ann", 12.5)));
    for (ItemResult r : result.failed()) {
      throw r.error();
    }
  }

  @Override
  protected boolean failNextCall(int status, @Nullable Integer retryAfterSeconds) {
    MockResponse.Builder r = new MockResponse.Builder().code(status);
    if (retryAfterSeconds != null) {
      r.addHeader("Retry-After", retryAfterSeconds);
    }
    bigQuery.insertScript.add(r.build());
    return true;
  }

  static Event purchase(String user, Object amount) {
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    fields.put("amount", amount);
    fields.put("items", List.of(Map.of("sku", "A-1", "qty", 2)));
    fields.put("coupon", null);
    return new Event("purchase", T0, Map.of("email", user + "@acme.example"), fields);
  }

  ConnectorContext context(Map<String, String> extra) {
    Map<String, String> values = new HashMap<>(configuration());
    values.putAll(extra);
    return new ConnectorContext(
        ConnectorConfig.parse(connector.descriptor(), values), serviceAccount, clock);
  }

  @Test
  void insertAll_streamsRowsWithInsertIds_authorizedByTheServiceAccountsSignedAssertion()
      throws Exception {
    BatchResult result =
        connector.write(context(Map.of()), List.of(purchase("ann", new BigDecimal("12.50"))));

    assertThat(result.allSucceeded()).isTrue();
    RecordedRequest insert = bigQuery.inserts.get(0);
    assertThat(insert.getMethod()).isEqualTo("POST");
    assertThat(insert.getTarget()).isEqualTo(FakeBigQuery.INSERT_PATH);
    assertThat(insert.getHeaders().get("Authorization")).isEqualTo("Bearer ya29.test-1");
    JsonNode body = FakeBigQuery.body(insert);
    String insertId = body.at("/rows/0/insertId").asText();
    assertThat(insertId).matches("[0-9a-f]{64}");
    assertThat(body)
        .isEqualTo(
            FakeBigQuery.JSON.readTree(
                "{\"kind\":\"bigquery#tableDataInsertAllRequest\",\"skipInvalidRows\":false,"
                    + "\"ignoreUnknownValues\":false,\"rows\":[{\"insertId\":\""
                    + insertId
                    + "\",\"json\":{\"event_name\":\"purchase\","
                    + "\"occurred_at\":\"2026-12-01T10:00:00.123456Z\","
                    + "\"user_email\":\"ann@acme.example\",\"amount\":12.50,"
                    + "\"items\":[{\"sku\":\"A-1\",\"qty\":2}],\"coupon\":null}}]}"));

    RecordedRequest token = bigQuery.tokenRequests.get(0);
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : token.getBody().utf8().split("&", -1)) {
      String[] kv = pair.split("=", 2);
      form.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    assertThat(form.get("grant_type")).isEqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer");
    RsaTestKey.Jwt jwt = RsaTestKey.verify(form.get("assertion"), RsaTestKey.pair().getPublic());
    assertThat(jwt.header().path("kid").asText())
        .isEqualTo("3f1e5b0c9d2a4e6f8a7b1c2d3e4f5a6b7c8d9e0f");
    assertThat(jwt.claims().path("iss").asText())
        .isEqualTo("tributary-sync@acme-data.iam.gserviceaccount.com");
    assertThat(jwt.claims().path("scope").asText())
        .isEqualTo("https://www.googleapis.com/auth/bigquery");
    assertThat(jwt.claims().path("aud").asText()).isEqualTo(server.url("/token").toString());
    assertThat(jwt.claims().path("exp").asLong() - jwt.claims().path("iat").asLong())
        .isEqualTo(3600);
    assertThat(jwt.claims().path("iat").asLong()).isEqualTo(clock.instant().getEpochSecond());
  }

  @Test
  void jsonLayout_ownInsertIds_andTheRequestOptions() throws Exception {
    Event withId =
        new Event(
            "signup", T0, Map.of("user_id", "u1"), Map.of("event_id", "evt-42", "plan", "pro"));
    Event longId =
        new Event("signup", T0, Map.of("user_id", "u2"), Map.of("event_id", "x".repeat(129)));
    connector.write(
        context(
            Map.of(
                "layout", "json",
                "insert_id_field", "event_id",
                "skip_invalid_rows", "true",
                "ignore_unknown_values", "true",
                "template_suffix", "_2026")),
        List.of(withId, longId));

    JsonNode body = FakeBigQuery.body(bigQuery.inserts.get(0));
    assertThat(body.path("skipInvalidRows").asBoolean()).isTrue();
    assertThat(body.path("ignoreUnknownValues").asBoolean()).isTrue();
    assertThat(body.path("templateSuffix").asText()).isEqualTo("_2026");
    assertThat(body.at("/rows/0/insertId").asText()).isEqualTo("evt-42");
    assertThat(body.at("/rows/1/insertId").asText()).matches("[0-9a-f]{64}");
    assertThat(body.at("/rows/0/json").toString())
        .isEqualTo(
            "{\"event_name\":\"signup\",\"occurred_at\":\"2026-12-01T10:00:00.123456Z\","
                + "\"identities\":\"{\\\"user_id\\\":\\\"u1\\\"}\","
                + "\"fields\":\"{\\\"event_id\\\":\\\"evt-42\\\",\\\"plan\\\":\\\"pro\\\"}\"}");
  }

  @Test
  void insertId_isTheSameForTheSameEvent_whatever_theOrderOfItsFields() {
    Map<String, @Nullable Object> ab = new LinkedHashMap<>();
    ab.put("a", 1);
    ab.put("b", 2);
    Map<String, @Nullable Object> ba = new LinkedHashMap<>();
    ba.put("b", 2);
    ba.put("a", 1);
    String first = BigQueryRows.insertId(new Event("e", T0, Map.of("email", "x"), ab), null);
    String second = BigQueryRows.insertId(new Event("e", T0, Map.of("email", "x"), ba), null);
    String other =
        BigQueryRows.insertId(new Event("e", T0.plusNanos(1000), Map.of("email", "x"), ab), null);
    assertThat(first).isEqualTo(second).isNotEqualTo(other);
  }

  @Test
  void insertErrors_rejectInvalidRows_andFailStoppedRowsRetryably() {
    bigQuery.insertScript.add(fixture(200, "insertall-200-insert-errors.json"));
    BatchResult result =
        connector.write(
            context(Map.of()),
            List.of(purchase("ann", 1), purchase("bob", "lots"), purchase("cy", 3)));

    ItemResult stopped = result.items().get(0);
    ItemResult invalid = result.items().get(1);
    assertThat(stopped.isRetryable()).isTrue();
    assertThat(stopped.error()).hasMessage("BigQuery did not insert the row (stopped)");
    assertThat(result.items().get(2).isRetryable()).isTrue();
    assertThat(invalid.errorClass()).contains(ErrorClass.VALIDATION);
    assertThat(invalid.error())
        .hasMessage(
            "BigQuery did not insert the row (invalid): amount: Cannot convert value to floating"
                + " point (bad value): lots");
  }

  @Test
  void rateLimit403_isTransient_withAndWithoutRetryAfter_butAccessDeniedIsConfig() {
    bigQuery.insertScript.add(
        fixture(403, "error-403-rate-limit.json")
            .newBuilder()
            .addHeader("Retry-After", "4")
            .build());
    bigQuery.insertScript.add(fixture(403, "error-403-rate-limit.json"));
    bigQuery.insertScript.add(fixture(403, "error-403-access-denied.json"));

    ItemResult hinted =
        connector.write(context(Map.of()), List.of(purchase("a", 1))).items().get(0);
    ItemResult bare = connector.write(context(Map.of()), List.of(purchase("a", 1))).items().get(0);

    assertThat(hinted.isRetryable()).isTrue();
    assertThat(hinted.error().retryAfter()).contains(Duration.ofSeconds(4));
    assertThat(hinted.error().getMessage())
        .startsWith(
            "BigQuery answered HTTP 403 rateLimitExceeded to POST " + FakeBigQuery.INSERT_PATH);
    assertThat(bare.isRetryable()).isTrue();
    assertThat(bare.error().retryAfter()).isEmpty();
    assertThatThrownBy(() -> connector.write(context(Map.of()), List.of(purchase("a", 1))))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.setting()).contains("authorization");
              assertThat(e.getMessage())
                  .contains("accessDenied")
                  .contains("roles/bigquery.dataEditor")
                  .doesNotContain("PRIVATE");
            });
  }

  @Test
  void missingTable_isConfig_namingTheTable() {
    bigQuery.insertScript.add(fixture(404, "error-404.json"));
    assertThatThrownBy(() -> connector.write(context(Map.of()), List.of(purchase("a", 1))))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.setting()).contains("table_id");
              assertThat(e.getMessage())
                  .contains("Not found: Table acme-data:analytics.events")
                  .contains("create the table acme-data.analytics.events");
            });
  }

  @Test
  void requestRefusedWhole_isSplit_untilTheRowBigQueryRefusesIsRejectedAlone() {
    bigQuery.insertAnswer =
        body ->
            body.toString().contains("\"bad\"")
                ? fixture(400, "error-400-payload.json")
                : fixture(200, "insertall-200.json");
    List<Event> batch =
        List.of(purchase("a", 1), purchase("b", "bad"), purchase("c", 3), purchase("d", 4));

    BatchResult result = connector.write(context(Map.of()), batch);

    assertThat(result.items())
        .extracting(r -> r.errorClass().map(Enum::name).orElse("OK"))
        .containsExactly("OK", "VALIDATION", "OK", "OK");
    assertThat(bigQuery.inserts).hasSize(5); // 4 rows, then 2 + 2, then 1 + 1 of the bad half
  }

  @Test
  void batchOverTenMegabytes_goesInSeveralRequests_andAnOversizedRowIsRejectedUnsent() {
    List<Event> batch = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      batch.add(new Event("blob", T0, Map.of("n", "" + i), Map.of("data", "x".repeat(1_000_000))));
    }
    batch.add(new Event("huge", T0, Map.of(), Map.of("data", "y".repeat(10_000_000))));

    BatchResult result = connector.write(context(Map.of()), batch);

    assertThat(result.items().subList(0, 12)).allMatch(ItemResult::succeeded);
    assertThat(result.items().get(12).errorClass()).contains(ErrorClass.VALIDATION);
    assertThat(result.items().get(12).error())
        .hasMessageContaining("BigQuery takes rows of up to 10 MB");
    assertThat(bigQuery.inserts).hasSize(2);
    assertThat(bigQuery.inserts)
        .allSatisfy(r -> assertThat(r.getBody().size()).isLessThanOrEqualTo(10_000_000));
    assertThat(bigQuery.names().get(0).size() + bigQuery.names().get(1).size()).isEqualTo(12);
  }

  @Test
  void token_isCachedAcrossCalls_andRefreshedAfterA401() {
    connector.write(context(Map.of()), List.of(purchase("a", 1)));
    connector.write(context(Map.of()), List.of(purchase("b", 2)));
    bigQuery.insertScript.add(fixture(401, "error-401.json"));
    connector.write(context(Map.of()), List.of(purchase("c", 3)));

    assertThat(bigQuery.tokenRequests).hasSize(2);
    assertThat(bigQuery.inserts)
        .extracting(r -> r.getHeaders().get("Authorization"))
        .containsExactly(
            "Bearer ya29.test-1", "Bearer ya29.test-1", "Bearer ya29.test-1", "Bearer ya29.test-2");
  }

  @Test
  void expiredToken_whoseRefreshIsRefused_isConfig() {
    connector.write(context(Map.of()), List.of(purchase("a", 1)));
    bigQuery.insertScript.add(fixture(401, "error-401.json"));
    bigQuery.tokenScript.add(fixture(400, "token-400-invalid-grant.json"));

    assertThatThrownBy(() -> connector.write(context(Map.of()), List.of(purchase("b", 2))))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.getMessage())
                  .contains("HTTP 400 invalid_grant")
                  .contains("the signed assertion was refused");
              assertNoSecrets(e.getMessage());
            });
    assertThat(bigQuery.tokenRequests).hasSize(2);
  }

  @Test
  void check_readsTheTable_andNamesWhatIsWrong() {
    assertThat(connector.check(context(Map.of())).isOk()).isTrue();
    RecordedRequest get = bigQuery.tableGets.get(0);
    assertThat(get.getTarget())
        .isEqualTo("/bigquery/v2/projects/acme-data/datasets/analytics/tables/events");
    assertThat(get.getHeaders().get("Authorization")).isEqualTo("Bearer ya29.test-1");

    bigQuery.tableScript.add(fixture(404, "error-404.json"));
    assertThat(connector.check(context(Map.of())).problems())
        .extracting(CheckResult.Problem::setting)
        .containsExactly("table_id");
    assertThat(connector.check(context(Map.of("dataset_id", "analytics-prod"))).problems())
        .extracting(CheckResult.Problem::setting)
        .containsExactly("dataset_id");
    assertThat(connector.check(context(Map.of("layout", "wide"))).problems())
        .extracting(CheckResult.Problem::setting)
        .containsExactly("layout");
    assertThat(bigQuery.inserts).isEmpty();
  }

  @Test
  void fieldNamedLikeAColumn_isRejectedAlone() {
    Event clash = new Event("e", T0, Map.of(), Map.of("event_name", "other"));
    BatchResult result = connector.write(context(Map.of()), List.of(clash, purchase("a", 1)));
    assertThat(result.items().get(0).error())
        .hasMessageContaining("would overwrite the column of the same name");
    assertThat(result.items().get(1).succeeded()).isTrue();
    assertThat(bigQuery.names()).containsExactly(List.of("purchase"));
  }

  @Test
  void bearerToken_fromElsewhere_isAccepted() {
    ConnectorContext context =
        new ConnectorContext(
            context(Map.of()).config(), Authorization.bearer(Secret.of("ya29.from-gcloud")), clock);
    connector.write(context, List.of(purchase("a", 1)));
    assertThat(bigQuery.inserts.get(0).getHeaders().get("Authorization"))
        .isEqualTo("Bearer ya29.from-gcloud");
    assertThat(bigQuery.tokenRequests).isEmpty();
  }

  @Test
  void largestAcceptedRow_withTheLongestTemplateSuffix_fitsOneRequest_andALongerSuffixIsRefused() {
    BigQuerySettings s =
        BigQuerySettings.of(context(Map.of("template_suffix", "\u20ac".repeat(1024))).config());
    byte[] row = "x".repeat(InsertAllBody.MAX_ROW_BYTES).getBytes(StandardCharsets.UTF_8);
    List<byte @Nullable []> rows = new ArrayList<>(List.of(row));

    assertThat(InsertAllBody.split(rows, BigQueryExportConnector.MAX_REQUEST_BYTES))
        .containsExactly(List.of(0));
    assertThat(InsertAllBody.of(s, List.of(0), rows, FakeBigQuery.JSON).length)
        .isLessThanOrEqualTo(BigQueryExportConnector.MAX_REQUEST_BYTES);
    assertThat(connector.check(context(Map.of("template_suffix", "_".repeat(1025)))).problems())
        .extracting(CheckResult.Problem::setting)
        .containsExactly("template_suffix");
  }
}

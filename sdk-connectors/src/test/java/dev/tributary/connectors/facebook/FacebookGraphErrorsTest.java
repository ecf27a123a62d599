package dev.tributary.connectors.facebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.connectors.http.HttpError;
import dev.tributary.core.ConfigException;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.TributaryException;
import dev.tributary.core.connector.Checkpoint;
import java.time.Duration;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Meta's error codes and usage headers (Graph API "Handling Errors" and "Rate Limits", Marketing
 * API "Rate Limiting") classified, one failing sync page each.
 */
class FacebookGraphErrorsTest extends FacebookFixture {
  @BeforeEach
  void syncPages() {
    settings.put("report_mode", "sync");
  }

  TributaryException failure(MockResponse response) {
    server.enqueue(response);
    try {
      read(Checkpoint.initial());
    } catch (TributaryException e) {
      assertNoSecrets(e.getMessage());
      return e;
    }
    throw new AssertionError("the read succeeded");
  }

  TributaryException failure(int status, String fixture) {
    return failure(json(status, fixture(fixture)));
  }

  static MockResponse withHeader(int status, String body, String name, String value) {
    return json(status, body).newBuilder().addHeader(name, value).build();
  }

  @Test
  void anExpiredToken_isAConfigError_sayingToCreateANewOne_withMetasCodesAndTrace() {
    TributaryException e = failure(400, "error-expired-token.json");

    assertThat(e).isInstanceOf(ConfigException.class);
    assertThat(((ConfigException) e).setting()).contains("authorization");
    assertThat(e.getMessage())
        .contains("code 190/463")
        .contains("fbtrace_id A1b2C3d4E5f")
        .contains("Session has expired")
        .contains("create a new one");
    GraphError g = (GraphError) e;
    assertThat(g.code()).isEqualTo(190);
    assertThat(g.subcode()).isEqualTo(463);
    assertThat(g.traceId()).contains("A1b2C3d4E5f");
    assertThat(g.status()).isEqualTo(400);
    assertThat(g.request()).isEqualTo("GET /v23.0/" + ACCOUNT + "/insights");
  }

  @Test
  void aMissingPermission_isAConfigError() {
    TributaryException e = failure(403, "error-missing-permission.json");

    assertThat(e.errorClass()).isEqualTo(ErrorClass.CONFIG);
    assertThat(e.getMessage()).contains("ads_read");
  }

  @Test
  void insightsThrottling_waitsWhatTheBusinessUseCaseHeaderEstimates() {
    String usage =
        "{\"1234567890\":[{\"type\":\"ads_insights\",\"call_count\":100,\"total_cputime\":20,"
            + "\"total_time\":35,\"estimated_time_to_regain_access\":3}]}";

    TributaryException e =
        failure(
            withHeader(
                400, fixture("error-insights-throttled.json"), "X-Business-Use-Case-Usage", usage));

    assertThat(e.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
    assertThat(e.retryAfter()).contains(Duration.ofMinutes(3));
    assertThat(e.getMessage()).contains("code 80000/2446079").contains("business use case");
  }

  @Test
  void userRequestLimit_withoutAnyHint_waitsSixtySeconds() {
    TributaryException e = failure(400, "error-user-request-limit.json");

    assertThat(e.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
    assertThat(e.retryAfter()).contains(GraphErrors.DEFAULT_THROTTLE_WAIT);
    assertThat(e.getMessage()).contains("user's call quota");
  }

  @Test
  void applicationLimitReached_code341_isThrottling_waitingSixtySecondsWithoutAHint() {
    String body =
        "{\"error\":{\"message\":\"(#341) Application limit reached\","
            + "\"type\":\"OAuthException\",\"code\":341}}";

    TributaryException e = failure(json(400, body));

    assertThat(e.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
    assertThat(e.retryAfter()).contains(GraphErrors.DEFAULT_THROTTLE_WAIT);
    assertThat(e.getMessage()).contains("code 341").contains("application limit is reached");
    assertThat(((GraphError) e).code()).isEqualTo(341);
  }

  @Test
  void adAccountThrottling_waitsUntilTheAccountsScoreResets() {
    String body =
        "{\"error\":{\"message\":\"(#613) Calls to this api have exceeded the rate limit.\","
            + "\"type\":\"OAuthException\",\"code\":613,\"error_subcode\":1487742}}";

    TributaryException e =
        failure(
            withHeader(
                400,
                body,
                "X-Ad-Account-Usage",
                "{\"acc_id_util_pct\":100,\"reset_time_duration\":120,"
                    + "\"ads_api_access_tier\":\"standard_access\"}"));

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
  }

  @Test
  void appThrottling_takesTheLongestOfRetryAfterAndTheUsageHeaders() {
    String body =
        "{\"error\":{\"message\":\"(#4) Application request limit reached\","
            + "\"type\":\"OAuthException\",\"code\":4,\"error_subcode\":1504022}}";
    MockResponse response =
        withHeader(429, body, "Retry-After", "30")
            .newBuilder()
            .addHeader(
                "X-Business-Use-Case-Usage",
                "{\"1\":[{\"type\":\"ads_insights\",\"estimated_time_to_regain_access\":0}]}")
            .build();

    TributaryException e = failure(response);

    assertThat(e.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
  }

  @Test
  void aBare429_withoutRetryAfter_isTransient_leavingTheDelayToTheRuntime() {
    TributaryException e = failure(new MockResponse.Builder().code(429).build());

    assertThat(e.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
    assertThat(e.retryAfter()).isEmpty();
  }

  @Test
  void anInsightsThrottleHeaderAtOneHundredPercent_withoutABody_waitsSixtySeconds() {
    TributaryException e =
        failure(
            new MockResponse.Builder()
                .code(400)
                .addHeader(
                    "X-FB-Ads-Insights-Throttle", "{\"app_id_util_pct\":100,\"acc_id_util_pct\":7}")
                .build());

    assertThat(e.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(60));
  }

  @Test
  void metasTemporaryErrors_areTransient() {
    TributaryException e = failure(503, "error-temporary.json");

    assertThat(e.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
    assertThat(((GraphError) e).code()).isEqualTo(2);
  }

  @Test
  void aProxysHtmlErrorPage_isTransientByItsStatus() {
    TributaryException e =
        failure(
            new MockResponse.Builder()
                .code(502)
                .addHeader("Content-Type", "text/html")
                .body("<html><body>Bad gateway</body></html>")
                .build());

    assertThat(e.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
    assertThat(e).isInstanceOf(HttpError.class);
  }

  @Test
  void aFieldMetaDoesNotKnow_isAConfigError_quotingMeta() {
    TributaryException e = failure(400, "error-invalid-field.json");

    assertThat(e.errorClass()).isEqualTo(ErrorClass.CONFIG);
    assertThat(e.getMessage()).contains("impresions is not valid for fields param");
  }

  @Test
  void aTokenEchoedByMeta_isRedactedFromTheMessage() {
    String body =
        "{\"error\":{\"message\":\"Malformed access token "
            + TOKEN
            + "\",\"type\":\"OAuthException\",\"code\":190}}";

    TributaryException e = failure(json(400, body));

    assertThat(e.getMessage()).doesNotContain(TOKEN).contains("****");
  }

  @Test
  void usageHeadersThatAreNotJson_areIgnored() {
    TributaryException e =
        failure(
            withHeader(
                400,
                fixture("error-user-request-limit.json"),
                "X-Business-Use-Case-Usage",
                "not json"));

    assertThat(e.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
    assertThat(e.retryAfter()).contains(GraphErrors.DEFAULT_THROTTLE_WAIT);
  }
}

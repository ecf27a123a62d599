package dev.tributary.connectors.sendgrid;

import static dev.tributary.connectors.testutil.Answers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.connectors.testutil.Fixtures;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.TributaryException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.model.Profile;
import dev.tributary.testing.time.ManualClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the SendGrid export meets SendGrid's failures: contacts a 400 names (the rest sent again at
 * once), 429 with {@code Retry-After} and with only {@code X-RateLimit-Reset}, 5xx, an expired or
 * under-scoped API key (401, 403), and the asynchronous upsert jobs followed up later.
 */
class SendGridFailuresTest {
  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeSendGrid api = new FakeSendGrid();
  final ManualClock clock = new ManualClock(T0);
  final Map<String, String> settings = new HashMap<>();
  final List<SendGridJob> heard = new CopyOnWriteArrayList<>();
  final SendGridExportConnector<Profile> connector =
      SendGridExportConnector.profiles().jobListener(heard::add).build();

  @BeforeEach
  void serve() {
    server.setDispatcher(api);
    settings.put("endpoint", server.url("/").toString());
  }

  ConnectorContext ctx(String key) {
    return new ConnectorContext(
        ConnectorConfig.parse(connector.descriptor(), settings),
        Authorization.bearer(Secret.of(key)),
        clock);
  }

  ConnectorContext ctx() {
    return ctx(FakeSendGrid.KEY);
  }

  static Profile person(String email) {
    return Profile.builder(email).identity("email", email).audience("vip").build();
  }

  /** Makes every upsert answer {@code response} (the account setup still works). */
  void upsertsAnswer(MockResponse response) {
    api.override = r -> r.getMethod().equals("PUT") ? response : null;
  }

  @Test
  void aContactSendGridNames_isRejected_andTheOthersAreSentAgainAtOnce() {
    BatchResult result =
        connector.write(
            ctx(), List.of(person("a@example.com"), person("b c@example.com"), person("d@x.org")));

    assertThat(result.items().get(0).succeeded()).isTrue();
    assertThat(result.items().get(2).succeeded()).isTrue();
    TributaryException refused = result.items().get(1).error();
    assertThat(refused.errorClass()).isEqualTo(ErrorClass.VALIDATION);
    assertThat(refused.getMessage())
        .contains("contacts[1].email")
        .contains("must be a valid email address");
    assertThat(api.upsertSizes).containsExactly(3, 2);
    assertThat(Fixtures.parse(api.upserts().get(1).getBody().utf8()).findValuesAsText("email"))
        .containsExactly("a@example.com", "d@x.org");
    assertThat(api.contacts).containsOnlyKeys("a@example.com", "d@x.org");
  }

  @Test
  void aBadRequestThatNamesNoContact_rejectsTheBatchWhole_forTheRuntimeToSplit() {
    upsertsAnswer(json(400, "{\"errors\":[{\"field\":null,\"message\":\"bad\"}]}"));

    assertThatThrownBy(() -> connector.write(ctx(), List.of(person("a@example.com"))))
        .isInstanceOfSatisfying(
            TributaryException.class,
            e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.VALIDATION));
  }

  @Test
  void rateLimited_withRetryAfter_failsTheItemsTransient_withThatDelay() {
    upsertsAnswer(
        new MockResponse.Builder()
            .code(429)
            .addHeader("Retry-After", "12")
            .body(Fixtures.text("sendgrid/error-429.json"))
            .build());

    BatchResult result = connector.write(ctx(), List.of(person("a@example.com")));

    TributaryException e = result.items().get(0).error();
    assertThat(e.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(12));
  }

  @Test
  void rateLimited_withoutRetryAfter_waitsUntilXRateLimitReset() {
    long reset = T0.getEpochSecond() + 42;
    upsertsAnswer(
        new MockResponse.Builder()
            .code(429)
            .addHeader("X-RateLimit-Limit", "600")
            .addHeader("X-RateLimit-Remaining", "0")
            .addHeader("X-RateLimit-Reset", reset)
            .body(Fixtures.text("sendgrid/error-429.json"))
            .build());

    BatchResult result = connector.write(ctx(), List.of(person("a@example.com")));

    TributaryException e = result.items().get(0).error();
    assertThat(e.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(42));
  }

  @Test
  void rateLimited_withNeitherHeader_isTransient_leavingTheDelayToTheBackoff() {
    upsertsAnswer(json(429, Fixtures.text("sendgrid/error-429.json")));

    BatchResult result = connector.write(ctx(), List.of(person("a@example.com")));

    assertThat(result.items().get(0).error().errorClass()).isEqualTo(ErrorClass.TRANSIENT);
    assertThat(result.items().get(0).error().retryAfter()).isEmpty();
  }

  @Test
  void aServerError_onOneRequest_failsItAndTheRequestsAfterIt_transient() {
    settings.put("max_request_bytes", "1024");
    int[] puts = {0};
    api.override =
        r ->
            r.getMethod().equals("PUT") && ++puts[0] == 2
                ? new MockResponse.Builder().code(503).build()
                : null;
    List<Profile> people = new java.util.ArrayList<>();
    for (int i = 0; i < 60; i++) {
      people.add(person("p" + i + "@example.com"));
    }

    BatchResult result = connector.write(ctx(), people);

    assertThat(puts[0]).isEqualTo(2); // nothing is sent after the failure
    assertThat(result.items().get(0).succeeded()).isTrue();
    int failedFrom = api.upsertSizes.get(0); // the first item of the refused request
    assertThat(result.items().get(failedFrom).error().getMessage()).contains("HTTP 503");
    assertThat(result.items().get(59).error().errorClass()).isEqualTo(ErrorClass.TRANSIENT);
    assertThat(result.items().get(59).error().getMessage())
        .startsWith("not sent: an earlier request of the batch failed");
    assertThat(result.failed()).allSatisfy(f -> assertThat(f.isRetryable()).isTrue());
    assertThat(result.items().size() - result.failed().size()).isEqualTo(api.contacts.size());
  }

  @Test
  void anExpiredKey_isAConfigError_thatNeverShowsTheKey() {
    String expired = "SG.expired-key.fedcba9876543210";

    assertThatThrownBy(() -> connector.write(ctx(expired), List.of(person("a@example.com"))))
        .isInstanceOfSatisfying(
            TributaryException.class,
            e -> {
              assertThat(e.errorClass()).isEqualTo(ErrorClass.CONFIG);
              assertThat(e.getMessage()).doesNotContain(expired).contains("401");
            });
    assertThat(api.requests.get(0).getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + expired);
  }

  @Test
  void aKeyWithoutTheMarketingScope_403_isAConfigError() {
    connector.write(ctx(), List.of(person("a@example.com"))); // account set up and cached
    upsertsAnswer(json(403, "{\"errors\":[{\"field\":null,\"message\":\"access forbidden\"}]}"));

    assertThatThrownBy(() -> connector.write(ctx(), List.of(person("b@example.com"))))
        .isInstanceOfSatisfying(
            TributaryException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.CONFIG));
  }

  @Test
  void upsertJobs_areLookedUpOnceOldEnough_andFinishedOnesReachTheListener() {
    connector.write(ctx(), List.of(person("a@example.com"), person("b@example.com")));
    String job = api.jobStatus.keySet().iterator().next();
    assertThat(connector.pendingJobs()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(10));
    connector.write(ctx(), List.of(person("c@example.com")));
    assertThat(api.targets()).doesNotContain("GET /v3/marketing/contacts/imports/" + job);

    api.jobStatus.put(job, "errored");
    clock.advance(Duration.ofSeconds(25));
    api.requests.clear();
    connector.write(ctx(), List.of(person("d@example.com")));

    assertThat(api.targets().get(0)).isEqualTo("GET /v3/marketing/contacts/imports/" + job);
    RecordedRequest lookUp = api.requests.get(0);
    assertThat(lookUp.getHeaders().get("Authorization")).isEqualTo("Bearer " + FakeSendGrid.KEY);
    assertThat(heard).hasSize(1);
    SendGridJob done = heard.get(0);
    assertThat(done.id()).isEqualTo(job);
    assertThat(done.status()).isEqualTo(SendGridJob.Status.ERRORED);
    assertThat(done.contacts()).isEqualTo(2);
    assertThat(done.errored()).isEqualTo(1);
    assertThat(done.hasFailures()).isTrue();
    assertThat(done.errorsUrl())
        .isEqualTo(
            URI.create(
                "https://api.sendgrid.com/v3/marketing/contacts/imports/" + job + "/errors"));
    assertThat(connector.pendingJobs()).isEqualTo(2); // the two later upserts
  }

  @Test
  void pollJobs_looksUpEveryPendingJob_andKeepsThoseStillPending() {
    connector.write(ctx(), List.of(person("a@example.com")));
    connector.write(ctx(), List.of(person("b@example.com")));
    List<String> jobs = api.jobStatus.keySet().stream().sorted().toList();
    api.jobStatus.put(jobs.get(0), "completed");

    List<SendGridJob> finished = connector.pollJobs(ctx());

    assertThat(finished).extracting(SendGridJob::id).containsExactly(jobs.get(0));
    assertThat(finished.get(0).hasFailures()).isFalse();
    assertThat(heard).extracting(SendGridJob::id).containsExactly(jobs.get(0));
    assertThat(connector.pendingJobs()).isEqualTo(1);
  }

  @Test
  void aJobLookUpThatFails_neverFailsTheExport_andIsTriedAgainLater() {
    connector.write(ctx(), List.of(person("a@example.com")));
    clock.advance(Duration.ofMinutes(1));
    api.override =
        r ->
            r.getTarget().contains("/imports/")
                ? new MockResponse.Builder().code(503).build()
                : null;

    BatchResult result = connector.write(ctx(), List.of(person("b@example.com")));

    assertThat(result.allSucceeded()).isTrue();
    assertThat(connector.pendingJobs()).isEqualTo(2);
  }
}

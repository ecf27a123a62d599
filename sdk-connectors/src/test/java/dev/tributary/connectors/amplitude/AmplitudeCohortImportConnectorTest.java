package dev.tributary.connectors.amplitude;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.connectors.testutil.FailOnce;
import dev.tributary.connectors.testutil.Fixtures;
import dev.tributary.connectors.testutil.SettingsKit;
import dev.tributary.core.ConfigException;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.TributaryException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.Page;
import dev.tributary.testing.ImportPass;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Single calls of the cohort import against a fake Amplitude: the three asynchronous steps, the
 * redirect to a pre-signed URL, paging from byte offsets, leavers against the previous snapshot,
 * and what a restart finds (a pending request, a lost local file, an expired request).
 */
class AmplitudeCohortImportConnectorTest extends SettingsKit<AmplitudeCohortImportConnector> {
  static final String API_KEY = "amp-api-key";
  static final String SECRET = "amp-secret-key-value";
  static final Instant T0 = Instant.parse("2026-12-01T06:00:00Z");

  @StartStop final MockWebServer server = new MockWebServer();
  @StartStop final MockWebServer s3 = new MockWebServer();
  @TempDir Path directory;
  final FakeAmplitude api = new FakeAmplitude();

  AmplitudeCohortImportConnectorTest() {
    super(AmplitudeCohortImportConnector.create(), T0);
  }

  @BeforeEach
  void serve() {
    server.setDispatcher(api);
    api.expectedAuthorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((API_KEY + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
    settings.put("endpoint", server.url("/").toString());
    settings.put("cohort_id", FakeAmplitude.COHORT);
    settings.put("download_directory", directory.toString());
  }

  @Override
  protected Authorization authorization() {
    return Authorization.basic(API_KEY, Secret.of(SECRET));
  }

  @Override
  protected void exerciseOnce(ConnectorContext context) {
    connector.read(context, Checkpoint.initial());
  }

  @Override
  protected boolean failNextCall(int status, @Nullable Integer retryAfterSeconds) {
    api.override = new FailOnce(status, retryAfterSeconds);
    return true;
  }

  /** Reads from {@code from[0]} until a page is last, collecting the records; moves from[0] on. */
  List<CohortMember> untilLast(Checkpoint[] from) {
    ImportPass<CohortMember> pass = ImportPass.read(connector, context(), from[0]);
    from[0] = pass.next();
    return pass.records();
  }

  @Test
  void firstRead_requestsTheCohort_andCommitsTheRequestIdBeforeAnythingElse() {
    Page<CohortMember> page = connector.read(context(), Checkpoint.initial());

    RecordedRequest r = api.requests.get(0);
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getTarget()).isEqualTo("/api/5/cohorts/request/abc123?props=0");
    assertThat(r.getHeaders().get("Authorization")).isEqualTo(api.expectedAuthorization);
    assertThat(page.records()).isEmpty();
    assertThat(page.last()).isFalse();
    assertThat(page.next().cursor())
        .isEqualTo(
            "{\"phase\":\"poll\",\"request_id\":\"req-1\",\"requested_at\":\"2026-12-01T06:00:00Z\"}");
  }

  @Test
  void propertyKeys_askForThoseProperties() {
    settings.put("property_keys", "plan, city");

    connector.read(context(), Checkpoint.initial());

    assertThat(api.targets().get(0))
        .isEqualTo("/api/5/cohorts/request/abc123?props=1&propKeys=plan%2Ccity");
  }

  @Test
  void cohortStillComputing_isTransient_withThePollIntervalAsRetryAfter() {
    api.pendingPolls = 1;
    Checkpoint polling = connector.read(context(), Checkpoint.initial()).next();

    assertThatThrownBy(() -> connector.read(context(), polling))
        .isInstanceOfSatisfying(
            TributaryException.class,
            e -> {
              assertThat(e.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(15));
              assertThat(e.getMessage()).contains("JOB INPROGRESS").contains("req-1");
            });
    assertThat(api.targets()).last().isEqualTo("/api/5/cohorts/request-status/req-1");
  }

  @Test
  void completedCohort_isDownloadedAndItsFirstPageRead() {
    Checkpoint polling = connector.read(context(), Checkpoint.initial()).next();

    Page<CohortMember> page = connector.read(context(), polling);

    assertThat(api.targets())
        .containsExactly(
            "/api/5/cohorts/request/abc123?props=0",
            "/api/5/cohorts/request-status/req-1",
            "/api/5/cohorts/request/req-1/file");
    assertThat(page.records())
        .extracting(CohortMember::amplitudeId, CohortMember::userId, CohortMember::member)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("356896327775", null, true),
            org.assertj.core.groups.Tuple.tuple("356893815359", "user-2", true),
            org.assertj.core.groups.Tuple.tuple("356893815360", "user-3", true));
    assertThat(page.records()).allSatisfy(m -> assertThat(m.snapshotAt()).isEqualTo(T0));
    assertThat(page.last()).isTrue();
    assertThat(page.next().cursor()).contains("\"phase\":\"done\"");
  }

  @Test
  void largeCohort_followsTheRedirectToThePresignedUrl_withoutSendingTheCredential()
      throws Exception {
    api.redirectTo = s3.url("/cohort-exports/req.csv").toString();
    s3.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "binary/octet-stream")
            .body(Fixtures.text("amplitude/cohort.csv"))
            .build());
    Checkpoint polling = connector.read(context(), Checkpoint.initial()).next();

    Page<CohortMember> page = connector.read(context(), polling);

    assertThat(page.records()).hasSize(3);
    RecordedRequest presigned = s3.takeRequest();
    assertThat(presigned.getTarget())
        .isEqualTo("/cohort-exports/req.csv?X-Amz-Expires=60&X-Amz-Signature=abc");
    assertThat(presigned.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void expiredPresignedLink_isTransient_notACredentialProblem() {
    api.redirectTo = s3.url("/cohort-exports/req.csv").toString();
    s3.enqueue(
        new MockResponse.Builder()
            .code(403)
            .addHeader("Content-Type", "application/xml")
            .body("<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>")
            .build());
    Checkpoint polling = connector.read(context(), Checkpoint.initial()).next();

    assertThatThrownBy(() -> connector.read(context(), polling))
        .isInstanceOfSatisfying(
            TributaryException.class,
            e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.TRANSIENT));
  }

  @Test
  void pages_areReadFromByteOffsets_untilTheLast() {
    settings.put("page_size", "2");
    settings.put("include_properties", "true");
    api.csv = Fixtures.text("amplitude/cohort-props.csv");
    Checkpoint[] at = {connector.read(context(), Checkpoint.initial()).next()};

    Page<CohortMember> first = connector.read(context(), at[0]);
    at[0] = first.next();
    List<CohortMember> rest = untilLast(at);

    assertThat(first.records()).extracting(CohortMember::amplitudeId).containsExactly("101", "102");
    assertThat(first.records().get(1).properties())
        .containsExactly(Map.entry("plan", "free, trial"), Map.entry("city", "São Paulo"));
    assertThat(first.next().cursor()).contains("\"part\":\"members\"").contains("\"offset\":");
    assertThat(rest).extracting(CohortMember::amplitudeId).containsExactly("103");
    assertThat(rest.get(0).userId()).isNull();
    assertThat(rest.get(0).properties()).containsExactly(Map.entry("city", "say \"hi\"\nagain"));
    assertThat(api.targets()).filteredOn(t -> t.endsWith("/file")).hasSize(1);
  }

  @Test
  void secondSnapshot_bringsThoseWhoLeft_asNoLongerMembers_afterTheMembers() {
    Checkpoint[] at = {Checkpoint.initial()};
    assertThat(untilLast(at)).hasSize(3);
    api.csv = "\"amplitude_id\",\"user_id\"\n\"356893815360\",\"user-3\"\n\"999\",\"user-9\"\n";

    List<CohortMember> second = untilLast(at);

    assertThat(second)
        .extracting(CohortMember::amplitudeId, CohortMember::member)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("356893815360", true),
            org.assertj.core.groups.Tuple.tuple("999", true),
            org.assertj.core.groups.Tuple.tuple("356896327775", false),
            org.assertj.core.groups.Tuple.tuple("356893815359", false));
    assertThat(second.get(3).userId()).isEqualTo("user-2");
    assertThat(api.cohortRequests()).isEqualTo(2);
  }

  @Test
  void trackExitsOff_importsOnlyMembers() {
    settings.put("track_exits", "false");
    Checkpoint[] at = {Checkpoint.initial()};
    untilLast(at);
    api.csv = "\"amplitude_id\",\"user_id\"\n\"999\",\"user-9\"\n";

    assertThat(untilLast(at)).extracting(CohortMember::amplitudeId).containsExactly("999");
  }

  @Test
  void restartWhileComputing_pollsTheSavedRequest_insteadOfRequestingAgain() {
    Checkpoint polling = connector.read(context(), Checkpoint.initial()).next();
    AmplitudeCohortImportConnector afterRestart = AmplitudeCohortImportConnector.create();

    Page<CohortMember> page = afterRestart.read(context(), polling);

    assertThat(page.records()).hasSize(3);
    assertThat(api.cohortRequests()).isEqualTo(1);
  }

  @Test
  void localFileLostBetweenPages_isDownloadedAgain_andReadingGoesOnAtTheOffset() throws Exception {
    settings.put("page_size", "1");
    Checkpoint polling = connector.read(context(), Checkpoint.initial()).next();
    Page<CohortMember> first = connector.read(context(), polling);
    try (Stream<Path> files = Files.list(directory)) {
      for (Path f : files.toList()) {
        Files.delete(f); // another machine, or a cleaned temporary directory
      }
    }

    Checkpoint[] at = {first.next()};
    List<CohortMember> rest = untilLast(at);

    assertThat(first.records())
        .extracting(CohortMember::amplitudeId)
        .containsExactly("356896327775");
    assertThat(rest)
        .extracting(CohortMember::amplitudeId)
        .containsExactly("356893815359", "356893815360");
    assertThat(api.targets()).filteredOn(t -> t.endsWith("/file")).hasSize(2);
    assertThat(api.cohortRequests()).isEqualTo(1);
  }

  @Test
  void lostFileOfARequestOlderThanSevenDays_meansANewRequest() throws Exception {
    settings.put("page_size", "1");
    Checkpoint polling = connector.read(context(), Checkpoint.initial()).next();
    Page<CohortMember> first = connector.read(context(), polling);
    try (Stream<Path> files = Files.list(directory)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    clock.advance(Duration.ofDays(8));

    Page<CohortMember> page = connector.read(context(), first.next());

    assertThat(page.records()).isEmpty();
    assertThat(page.next().cursor()).contains("\"request_id\":\"req-2\"");
  }

  @Test
  void requestUnfinishedAfterMaxWait_isReplacedByANewOne() {
    api.pendingPolls = 100;
    Checkpoint polling = connector.read(context(), Checkpoint.initial()).next();
    clock.advance(Duration.ofHours(6).plusSeconds(1));

    Page<CohortMember> page = connector.read(context(), polling);

    assertThat(page.next().cursor()).contains("\"phase\":\"poll\"").contains("req-2");
    assertThat(api.targets()).doesNotContain("/api/5/cohorts/request-status/req-1");
  }

  @Test
  void requestAmplitudeNoLongerKnows_isReplacedByANewOne() {
    Checkpoint stale =
        new Checkpoint(
            "{\"phase\":\"poll\",\"request_id\":\"req-77\",\"requested_at\":\"2026-12-01T05:59:00Z\"}",
            java.util.Set.of());

    Page<CohortMember> page = connector.read(context(), stale);

    assertThat(api.targets())
        .containsExactly(
            "/api/5/cohorts/request-status/req-77", "/api/5/cohorts/request/abc123?props=0");
    assertThat(page.next().cursor()).contains("req-1");
  }

  @Test
  void rateLimitedWithoutRetryAfter_isTransientWithNoDelay() {
    Checkpoint polling = connector.read(context(), Checkpoint.initial()).next();
    api.override = r -> new MockResponse.Builder().code(429).build();

    assertThatThrownBy(() -> connector.read(context(), polling))
        .isInstanceOfSatisfying(
            TributaryException.class,
            e -> {
              assertThat(e.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
              assertThat(e.retryAfter()).isEmpty();
            });
  }

  @Test
  void fileThatIsNotACohort_isAConfigErrorSayingSo() {
    api.csv = "email,name\nann@example.com,Ann\n";
    Checkpoint polling = connector.read(context(), Checkpoint.initial()).next();

    assertThatThrownBy(() -> connector.read(context(), polling))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("no amplitude_id column");
  }

  @Test
  void check_findsTheCohortInTheProjectsList_andRefusesAnUnknownOne() {
    CheckResult ok = connector.check(context());
    settings.put("cohort_id", "nosuch");
    CheckResult missing = connector.check(context());

    assertThat(ok.isOk()).isTrue();
    assertThat(missing.problems())
        .extracting(CheckResult.Problem::setting)
        .containsExactly("cohort_id");
    assertThat(api.targets()).containsOnly("/api/3/cohorts");
  }

  @Test
  void retryOptions_pollForTheWholeMaxWait() {
    settings.put("poll_interval", "30s");
    settings.put("max_wait", "1h");

    var options =
        AmplitudeCohortImportConnector.retryOptions(
            ConnectorConfig.parse(connector.descriptor(), settings));

    assertThat(options.maxAttempts()).isEqualTo(121);
    assertThat(options.maxDelay()).isEqualTo(Duration.ofSeconds(30));
  }
}

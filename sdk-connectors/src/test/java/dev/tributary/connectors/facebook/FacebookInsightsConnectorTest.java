package dev.tributary.connectors.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.core.ConfigException;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.Page;
import dev.tributary.core.connector.RunReporter;
import dev.tributary.core.model.Metric;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** One read at a time against the Graph API's documented shapes: async runs, paging, modes. */
class FacebookInsightsConnectorTest extends FacebookFixture {
  static final ObjectMapper JSON = new ObjectMapper();

  /** 2026-11-24 starts at 23:00 UTC the day before in Berlin (CET). */
  static final Instant NOV_24 = Instant.parse("2026-11-23T23:00:00Z");

  @SuppressWarnings("unchecked")
  static Map<String, Object> cursor(Page<?> page) throws Exception {
    return JSON.readValue(page.next().cursor(), Map.class);
  }

  @Test
  void theDescriptorConstant_isTheConnectorsDescriptor_andSaysWhatIsUncertain() {
    assertThat(FacebookInsightsConnector.create().descriptor())
        .isSameAs(FacebookInsightsConnector.DESCRIPTOR);
    assertThat(FacebookInsightsConnector.DESCRIPTOR.description())
        .contains("Uncertain", "report run", "throttling");
  }

  @Test
  void asyncReport_isStarted_polled_andPagedByCursor_withTheTokenAsBearer() throws Exception {
    enqueue(
        "report-run-started.json",
        "report-run-running.json",
        "report-run-completed.json",
        "insights-page-1.json",
        "insights-page-2.json");

    Page<Metric> started = read(Checkpoint.initial());
    assertThat(started.records()).isEmpty();
    assertThat(started.last()).isFalse();
    assertThat(cursor(started))
        .containsEntry("run", RUN)
        .containsEntry("from", "2026-11-24")
        .containsEntry("to", "2026-11-30");
    RecordedRequest post = take();
    assertThat(post.getMethod()).isEqualTo("POST");
    assertThat(post.getTarget()).isEqualTo("/v23.0/" + ACCOUNT + "/insights");
    assertThat(post.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(post.getHeaders().get("Content-Type"))
        .startsWith("application/x-www-form-urlencoded");
    assertThat(form(post.getBody().utf8()))
        .containsExactly(
            Map.entry("level", "campaign"),
            Map.entry(
                "fields",
                "impressions,reach,clicks,spend,actions,account_id,campaign_id,account_currency"),
            Map.entry("time_range", "{\"since\":\"2026-11-24\",\"until\":\"2026-11-30\"}"),
            Map.entry("time_increment", "1"));

    Page<Metric> first = read(started.next());
    assertThat(take().getTarget()).isEqualTo("/v23.0/" + RUN);
    assertThat(take().getTarget()).isEqualTo("/v23.0/" + RUN);
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(2));
    RecordedRequest rows = take();
    assertThat(rows.getTarget()).isEqualTo("/v23.0/" + RUN + "/insights?limit=500");
    assertThat(rows.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(first.last()).isFalse();
    assertThat(cursor(first)).containsEntry("run", RUN).containsEntry("after", "MQZDZD");
    Map<String, String> dims =
        Map.of(
            "account_id", "1234567890", "campaign_id", "23850000000000001", "date", "2026-11-24");
    assertThat(first.records())
        .contains(
            new Metric("impressions", 1200, "count", NOV_24, dims),
            new Metric("reach", 950, "count", NOV_24, dims),
            new Metric("spend", 56.78, "EUR", NOV_24, dims),
            new Metric("actions", 2, "count", NOV_24, with(dims, "action_type", "purchase")))
        .hasSize(10);

    Page<Metric> second = read(first.next());
    assertThat(take().getTarget()).isEqualTo("/v23.0/" + RUN + "/insights?limit=500&after=MQZDZD");
    assertThat(second.records()).hasSize(5);
    assertThat(second.last()).isTrue();
    assertThat(second.next().cursor()).isEqualTo("{\"done\":\"2026-11-30\"}");
  }

  static Map<String, String> with(Map<String, String> dims, String key, String value) {
    Map<String, String> out = new java.util.LinkedHashMap<>(dims);
    out.put(key, value);
    return out;
  }

  @Test
  void syncMode_readsTheInsightsEdgeDirectly_pageByPage() throws Exception {
    settings.put("report_mode", "sync");
    settings.put("page_size", "2");
    enqueue("insights-page-1.json", "insights-page-2.json");

    Page<Metric> first = read(Checkpoint.initial());
    Page<Metric> second = read(first.next());

    RecordedRequest r1 = take();
    assertThat(r1.getMethod()).isEqualTo("GET");
    assertThat(r1.getUrl().encodedPath()).isEqualTo("/v23.0/" + ACCOUNT + "/insights");
    assertThat(query(r1))
        .containsEntry("time_range", "{\"since\":\"2026-11-24\",\"until\":\"2026-11-30\"}")
        .containsEntry("limit", "2")
        .doesNotContainKey("after");
    assertThat(query(take())).containsEntry("after", "MQZDZD");
    assertThat(first.records()).hasSize(10);
    assertThat(cursor(first)).containsEntry("after", "MQZDZD").doesNotContainKey("run");
    assertThat(second.last()).isTrue();
  }

  @Test
  void breakdownsAndTextFields_becomeDimensions_andEachActionItsOwnMetric() throws Exception {
    settings.put("report_mode", "sync");
    settings.put("level", "ad");
    settings.put("fields", "impressions, ctr, cost_per_action_type, objective, campaign_name");
    settings.put("breakdowns", "age, gender");
    settings.put("action_breakdowns", "action_device");
    enqueue("insights-breakdowns.json");

    Page<Metric> page = read(Checkpoint.initial());

    assertThat(query(take()))
        .containsEntry("level", "ad")
        .containsEntry(
            "fields",
            "impressions,ctr,cost_per_action_type,objective,campaign_name,account_id,campaign_id,"
                + "adset_id,ad_id,account_currency")
        .containsEntry("breakdowns", "age,gender")
        .containsEntry("action_breakdowns", "action_device");
    Map<String, String> dims = new java.util.LinkedHashMap<>();
    dims.put("account_id", "1234567890");
    dims.put("campaign_id", "23850000000000001");
    dims.put("adset_id", "23850000000000101");
    dims.put("ad_id", "23850000000001001");
    dims.put("objective", "OUTCOME_SALES");
    dims.put("campaign_name", "Winter sale");
    dims.put("age", "25-34");
    dims.put("gender", "female");
    dims.put("date", "2026-11-24");
    Map<String, String> action =
        with(with(dims, "action_type", "purchase"), "action_device", "iphone");
    assertThat(page.records())
        .containsExactly(
            new Metric("impressions", 300, "count", NOV_24, dims),
            new Metric("ctr", 2.5, "percent", NOV_24, dims),
            new Metric("cost_per_action_type", 12.5, "USD", NOV_24, action));
    assertThat(page.records().get(2).dimensions().keySet())
        .containsSubsequence("ad_id", "gender", "date", "action_type", "action_device");
  }

  @Test
  void theNextRun_readsTheRestatedDaysAgain_thenTheNewOnes() throws Exception {
    settings.put("report_mode", "sync");
    clock.advance(Duration.ofDays(1)); // 2026-12-02: yesterday is 2026-12-01
    String page = "{\"data\":[],\"paging\":{\"cursors\":{}}}";
    server.enqueue(json(200, page));
    server.enqueue(json(200, page));

    Page<Metric> restated = read(at("{\"done\":\"2026-11-30\"}"));
    Page<Metric> fresh = read(restated.next());

    assertThat(query(take()))
        .containsEntry("time_range", "{\"since\":\"2026-11-24\",\"until\":\"2026-11-30\"}");
    assertThat(query(take()))
        .containsEntry("time_range", "{\"since\":\"2026-12-01\",\"until\":\"2026-12-01\"}");
    assertThat(restated.last()).isFalse();
    assertThat(fresh.last()).isTrue();
    assertThat(fresh.next().cursor()).isEqualTo("{\"done\":\"2026-12-01\"}");
  }

  @Test
  void nothingNewYet_endsWithoutACall() {
    settings.put("restate_days", "0");
    Checkpoint upToDate = at("{\"done\":\"2026-11-30\"}");

    Page<Metric> page = read(upToDate);

    assertThat(page.records()).isEmpty();
    assertThat(page.last()).isTrue();
    assertThat(page.next()).isEqualTo(upToDate);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aHandSetDay_startsThePassThere() throws Exception {
    settings.put("report_mode", "sync");
    server.enqueue(json(200, "{\"data\":[]}"));

    read(at("2026-11-29"));

    assertThat(query(take()))
        .containsEntry("time_range", "{\"since\":\"2026-11-29\",\"until\":\"2026-11-30\"}");
  }

  @Test
  void includeToday_readsTodaysPartialFigures() throws Exception {
    settings.put("report_mode", "sync");
    settings.put("include_today", "true");
    settings.put("start_date", "2026-12-01");
    server.enqueue(json(200, "{\"data\":[]}"));

    Page<Metric> page = read(Checkpoint.initial());

    assertThat(query(take()))
        .containsEntry("time_range", "{\"since\":\"2026-12-01\",\"until\":\"2026-12-01\"}");
    assertThat(page.next().cursor()).isEqualTo("{\"done\":\"2026-12-01\"}");
  }

  @Test
  void aFailedReport_isAskedForAgainOverHalfTheDays() throws Exception {
    enqueue("report-run-started.json", "report-run-failed.json", "report-run-started.json");

    Page<Metric> started = read(Checkpoint.initial());
    Page<Metric> failed = read(started.next());
    read(failed.next());

    assertThat(failed.records()).isEmpty();
    assertThat(failed.last()).isFalse();
    assertThat(cursor(failed))
        .containsEntry("next", "2026-11-24")
        .containsEntry("span", 3)
        .doesNotContainKeys("run", "from");
    take();
    take();
    assertThat(form(take().getBody().utf8()))
        .containsEntry("time_range", "{\"since\":\"2026-11-24\",\"until\":\"2026-11-26\"}");
  }

  @Test
  void aReportThatOutlastsTheTimeout_countsAsFailed_afterLooksThatBackOff() throws Exception {
    settings.put("report_timeout", "10s");
    settings.put("poll_interval", "4s");
    for (int i = 0; i < 4; i++) {
      enqueue("report-run-running.json");
    }

    Page<Metric> page =
        read(
            at(
                "{\"next\":\"2026-11-24\",\"from\":\"2026-11-24\","
                    + "\"to\":\"2026-11-30\",\"run\":\""
                    + RUN
                    + "\"}"));

    assertThat(clock.sleeps())
        .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(4));
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(cursor(page)).containsEntry("span", 3).doesNotContainKey("run");
  }

  @Test
  void aOneDayReportFailingThreeTimes_isNotAskedForAgainForAnHour() throws Exception {
    settings.put("days_per_report", "1");
    settings.put("initial_days", "1");
    Checkpoint at = Checkpoint.initial();
    for (int i = 0; i < 3; i++) {
      enqueue("report-run-started.json", "report-run-failed.json");
      at = read(read(at).next()).next();
    }

    TributaryException paused = catchRead(at);
    assertThat(paused).isInstanceOf(TransientException.class);
    assertThat(paused.retryAfter()).contains(Duration.ofHours(1));
    assertThat(paused.getMessage()).contains("2026-11-30").contains("3 times");
    assertThat(server.getRequestCount()).isEqualTo(6);

    clock.advance(Duration.ofHours(1));
    enqueue("report-run-started.json");
    Page<Metric> again = read(at);
    assertThat(cursor(again)).containsEntry("run", RUN).doesNotContainKey("retry_at");
  }

  TributaryException catchRead(Checkpoint at) {
    try {
      read(at);
    } catch (TributaryException e) {
      return e;
    }
    throw new AssertionError("the read succeeded");
  }

  @Test
  void aStopRequestWhileMetaPreparesTheReport_endsTheCallTransient_andKeepsTheRun() {
    enqueue("report-run-running.json");
    AtomicBoolean stop = new AtomicBoolean(true);
    RunReporter stopping =
        new RunReporter() {
          @Override
          public void bytesTransferred(long bytes) {}

          @Override
          public boolean stopRequested() {
            return stop.get();
          }
        };
    Checkpoint waiting =
        at(
            "{\"next\":\"2026-11-24\",\"from\":\"2026-11-24\",\"to\":\"2026-11-30\",\"run\":\""
                + RUN
                + "\"}");

    assertThatThrownBy(() -> connector.read(context(stopping), waiting))
        .isInstanceOf(TransientException.class)
        .hasMessageContaining(RUN)
        .hasMessageContaining("42 %");
    assertThat(clock.sleeps()).isEmpty();
  }

  @Test
  void aReportRunThatIsGone_isAskedForAgain() throws Exception {
    server.enqueue(json(400, fixture("error-unknown-report.json")));
    Checkpoint reading =
        at(
            "{\"next\":\"2026-11-24\",\"from\":\"2026-11-24\",\"to\":\"2026-11-30\",\"run\":\""
                + RUN
                + "\",\"after\":\"MQZDZD\"}");

    Page<Metric> page = read(reading);

    assertThat(page.records()).isEmpty();
    assertThat(cursor(page)).containsEntry("next", "2026-11-24").doesNotContainKey("run");
  }

  @Test
  void tooMuchDataPerCall_splitsTheDays_andAtOneDayNamesWhatToChange() throws Exception {
    settings.put("report_mode", "sync");
    settings.put("days_per_report", "2");
    settings.put("start_date", "2026-11-29");
    server.enqueue(json(400, fixture("error-too-much-data.json")));
    server.enqueue(json(400, fixture("error-too-much-data.json")));

    Page<Metric> split = read(Checkpoint.initial());
    assertThat(cursor(split)).containsEntry("span", 1).containsEntry("next", "2026-11-29");

    assertThatThrownBy(() -> read(split.next()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ask for less")
        .satisfies(e -> assertThat(((GraphError) e).subcode()).isEqualTo(1487534));
    assertThat(query(take()).get("time_range")).contains("\"until\":\"2026-11-30\"");
    assertThat(query(take()).get("time_range")).contains("\"until\":\"2026-11-29\"");
  }

  @Test
  void aDatePreset_isReadWhole_andReadAgainByTheNextRun() throws Exception {
    settings.put("date_preset", "last_7d");
    settings.put("time_increment", "all_days");
    String row =
        "{\"data\":[{\"impressions\":\"9000\",\"account_id\":\"1234567890\","
            + "\"campaign_id\":\"7\",\"account_currency\":\"EUR\","
            + "\"date_start\":\"2026-11-24\",\"date_stop\":\"2026-11-30\"}]}";
    enqueue("report-run-started.json", "report-run-completed.json");
    server.enqueue(json(200, row));

    Page<Metric> done = read(read(Checkpoint.initial()).next());

    assertThat(form(take().getBody().utf8()))
        .containsEntry("date_preset", "last_7d")
        .containsEntry("time_increment", "all_days")
        .doesNotContainKey("time_range");
    assertThat(done.records())
        .containsExactly(
            new Metric(
                "impressions",
                9000,
                "count",
                NOV_24,
                Map.of(
                    "account_id", "1234567890",
                    "campaign_id", "7",
                    "date", "2026-11-24",
                    "date_stop", "2026-11-30")));
    assertThat(done.last()).isTrue();
    assertThat(done.next()).isEqualTo(Checkpoint.initial());
  }

  @Test
  void anAppSecret_addsTheAppsecretProof() throws Exception {
    settings.put("app_secret", "app-secret-f00d");
    enqueue("report-run-started.json");

    read(Checkpoint.initial());

    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("app-secret-f00d".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String proof = HexFormat.of().formatHex(mac.doFinal(TOKEN.getBytes(StandardCharsets.UTF_8)));
    assertThat(query(take())).containsEntry("appsecret_proof", proof);
  }

  @Test
  void anAccessTokenQueryParameter_isSentAsMetasExamplesDo() throws Exception {
    auth = Authorization.apiKeyQuery("access_token", Secret.of(TOKEN));
    enqueue("report-run-started.json");

    read(Checkpoint.initial());

    RecordedRequest r = take();
    assertThat(query(r)).containsEntry("access_token", TOKEN);
    assertThat(r.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void anApiKeyInAHeader_isAConfigurationError() {
    auth = Authorization.apiKeyHeader("X-Token", Secret.of(TOKEN));

    assertThatThrownBy(() -> read(Checkpoint.initial()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("access_token");
    assertThat(connector.check(context()).problems())
        .extracting(CheckResult.Problem::setting)
        .containsExactly("authorization");
  }

  @Test
  void check_readsTheAccount_andComparesItsTimeZone() throws Exception {
    assertThat(connector.check(context()).isOk()).isTrue();
    RecordedRequest probe = take();
    assertThat(probe.getUrl().encodedPath()).isEqualTo("/v23.0/" + ACCOUNT);
    assertThat(query(probe)).containsEntry("fields", "name,account_status,timezone_name,currency");

    settings.put("time_zone", "America/New_York");
    CheckResult wrongZone = connector.check(context());
    assertThat(wrongZone.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.setting()).isEqualTo("time_zone");
              assertThat(p.message()).contains("Europe/Berlin");
            });
  }

  @Test
  void check_withAnExpiredToken_namesTheAuthorization() {
    server.enqueue(json(400, fixture("error-expired-token.json")));

    CheckResult result = connector.check(context());

    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.setting()).isEqualTo("authorization");
              assertThat(p.message()).contains("expired").doesNotContain(TOKEN);
            });
  }

  @Test
  void badSettings_areNamedByCheck_beforeAnyCall() {
    settings.put("level", "creative");

    CheckResult result = connector.check(context());

    assertThat(result.problems()).extracting(CheckResult.Problem::setting).contains("level");
    assertThat(server.getRequestCount()).isZero();
    assertThatThrownBy(() -> read(Checkpoint.initial()))
        .isInstanceOf(ConfigException.class)
        .extracting(e -> ((TributaryException) e).errorClass())
        .isEqualTo(ErrorClass.CONFIG);
  }

  @Test
  void timeIncrementOtherThanOne_needsADatePreset() {
    settings.put("time_increment", "7");

    assertThatThrownBy(() -> read(Checkpoint.initial()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("date_preset");
  }
}

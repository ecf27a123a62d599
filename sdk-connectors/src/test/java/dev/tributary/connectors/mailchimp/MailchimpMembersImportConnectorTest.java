package dev.tributary.connectors.mailchimp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.connectors.testutil.FailOnce;
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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Single calls of the members import against a fake Mailchimp speaking the documented shapes: the
 * data-center base URL, the recorded queries and credentials, keyset paging with the cursor
 * boundary, and errors.
 */
class MailchimpMembersImportConnectorTest extends SettingsKit<MailchimpMembersImportConnector> {
  static final String KEY = "0123456789abcdef0123456789abcdef-us6";
  static final String T1 = "2026-11-01T08:00:00+00:00";
  static final String T2 = "2026-11-02T08:00:00+00:00";
  static final String T3 = "2026-11-03T08:00:00+00:00";

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeMailchimp api = new FakeMailchimp();

  MailchimpMembersImportConnectorTest() {
    super(MailchimpMembersImportConnector.create());
  }

  @BeforeEach
  void serve() {
    server.setDispatcher(api);
    api.expectedAuthorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("tributary:" + KEY).getBytes(StandardCharsets.UTF_8));
    settings.put("endpoint", server.url("/3.0").toString());
    settings.put("list_id", FakeMailchimp.LIST);
    settings.put("page_size", "2");
  }

  @Override
  protected Authorization authorization() {
    return Authorization.basic("tributary", Secret.of(KEY));
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

  /** Reads pages from {@code from} to the end of the pass; returns the member IDs read. */
  List<String> pass(Checkpoint[] from) {
    ImportPass<Map<String, @Nullable Object>> pass = ImportPass.read(connector, context(), from[0]);
    from[0] = pass.next();
    return pass.records().stream().map(m -> String.valueOf(m.get("id"))).toList();
  }

  @Test
  void read_sendsTheDocumentedQuery_withBasicAuthOfTheApiKey() throws Exception {
    api.member("m1", "ann@example.com", T1);

    Page<Map<String, @Nullable Object>> page = connector.read(context(), Checkpoint.initial());

    RecordedRequest r = api.requests.get(0);
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getTarget())
        .isEqualTo(
            "/3.0/lists/a1b2c3d4e5/members?count=2&offset=0&sort_field=last_changed&sort_dir=ASC");
    assertThat(r.getHeaders().get("Authorization")).isEqualTo(api.expectedAuthorization);
    assertThat(page.records()).hasSize(1);
    Map<String, @Nullable Object> member = page.records().get(0);
    assertThat(member).containsEntry("email_address", "ann@example.com");
    assertThat(member).doesNotContainKey("_links");
    assertThat(member.get("merge_fields"))
        .isEqualTo(Map.of("FNAME", "Ann", "LNAME", "Example", "ADDRESS", "", "PHONE", ""));
    assertThat(page.last()).isTrue();
  }

  @Test
  void baseUrl_comesFromTheApiKeysDataCenter() {
    settings.remove("endpoint");
    ConnectorConfig config = ConnectorConfig.parse(connector.descriptor(), settings);

    assertThat(MailchimpApi.baseUrl(config, authorization()))
        .isEqualTo(URI.create("https://us6.api.mailchimp.com/3.0"));
  }

  @Test
  void baseUrl_ofAnOAuthToken_comesFromTheDataCenterSetting() {
    settings.remove("endpoint");
    settings.put("data_center", "us19");
    ConnectorConfig config = ConnectorConfig.parse(connector.descriptor(), settings);

    assertThat(MailchimpApi.baseUrl(config, Authorization.bearer(Secret.of("oauth-token"))))
        .isEqualTo(URI.create("https://us19.api.mailchimp.com/3.0"));
  }

  @Test
  void baseUrl_withoutADataCenter_isAConfigErrorSayingWhereToFindIt() {
    settings.remove("endpoint");
    ConnectorConfig config = ConnectorConfig.parse(connector.descriptor(), settings);

    assertThatThrownBy(
            () -> MailchimpApi.baseUrl(config, Authorization.bearer(Secret.of("oauth-token"))))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.setting()).contains("data_center"))
        .hasMessageContaining("oauth2/metadata");
  }

  @Test
  void baseUrl_neverTakesAHostFromAKeySuffixThatIsNotADataCenter() {
    settings.remove("endpoint");
    ConnectorConfig config = ConnectorConfig.parse(connector.descriptor(), settings);
    Authorization odd = Authorization.basic("x", Secret.of("abc-evil.example.com/x"));

    assertThatThrownBy(() -> MailchimpApi.baseUrl(config, odd))
        .isInstanceOf(ConfigException.class)
        .hasMessageNotContaining("evil");
  }

  @Test
  void baseUrl_whenTheSettingAndTheKeyDisagree_isAConfigError() {
    settings.remove("endpoint");
    settings.put("data_center", "us1");
    ConnectorConfig config = ConnectorConfig.parse(connector.descriptor(), settings);

    assertThatThrownBy(() -> MailchimpApi.baseUrl(config, authorization()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("us1")
        .hasMessageContaining("us6");
  }

  @Test
  void pages_walkTheListByLastChanged_andTheNextPassAsksFromASecondBeforeTheHigh() {
    api.member("m1", "a@example.com", T1);
    api.member("m2", "b@example.com", T2);
    api.member("m3", "c@example.com", T3);
    Checkpoint[] at = {Checkpoint.initial()};

    assertThat(pass(at)).containsExactly("m1", "m2", "m3");
    api.requests.clear();
    api.member("m4", "d@example.com", T3); // the boundary's own second, after the pass
    api.member("m5", "e@example.com", "2026-11-04T08:00:00+00:00");

    assertThat(pass(at)).containsExactly("m4", "m5");
    assertThat(api.targets().get(0))
        .isEqualTo(
            "/3.0/lists/a1b2c3d4e5/members?count=2&offset=0&sort_field=last_changed&sort_dir=ASC"
                + "&since_last_changed=2026-11-03T07%3A59%3A59%2B00%3A00");
    assertThat(at[0].seenAtCursor()).containsExactly("m5");
  }

  @Test
  void manyMembersChangedInOneSecond_arePagedByOffset_withoutLossOrRepeat() {
    for (int i = 1; i <= 5; i++) {
      api.member("m" + i, i + "@example.com", T2);
    }
    api.member("m9", "9@example.com", T3);
    Checkpoint[] at = {Checkpoint.initial()};

    assertThat(pass(at)).containsExactly("m1", "m2", "m3", "m4", "m5", "m9");
    assertThat(api.targets())
        .extracting(t -> t.replaceAll(".*offset=(\\d+).*since_last_changed=([^&]*).*", "$1 $2"))
        .containsExactly(
            "/3.0/lists/a1b2c3d4e5/members?count=2&offset=0&sort_field=last_changed&sort_dir=ASC",
            "0 2026-11-02T07%3A59%3A59%2B00%3A00",
            "2 2026-11-02T07%3A59%3A59%2B00%3A00",
            "4 2026-11-02T07%3A59%3A59%2B00%3A00",
            "0 2026-11-03T07%3A59%3A59%2B00%3A00");
  }

  @Test
  void memberChangedDuringAPass_isReadAgainAtTheEnd_andNoOtherIsSkipped() {
    api.member("m1", "1@example.com", T1);
    api.member("m2", "2@example.com", T1);
    api.member("m3", "3@example.com", T2);
    api.member("m4", "4@example.com", T3);
    Checkpoint[] at = {Checkpoint.initial()};
    Page<Map<String, @Nullable Object>> first = connector.read(context(), at[0]);
    at[0] = first.next();
    api.touch("m1", "2026-11-05T08:00:00+00:00"); // moves behind the read position

    List<String> rest = pass(at);

    assertThat(first.records()).extracting(m -> m.get("id")).containsExactly("m1", "m2");
    assertThat(rest).containsExactly("m3", "m4", "m1");
  }

  @Test
  void statusAndFields_narrowTheQuery_keepingWhatPagingNeeds() {
    settings.put("status", "subscribed");
    settings.put("fields", "email_address, merge_fields");
    api.member("m1", "a@example.com", T1);

    connector.read(context(), Checkpoint.initial());

    assertThat(api.requests.get(0).getUrl().queryParameter("status")).isEqualTo("subscribed");
    assertThat(api.requests.get(0).getUrl().queryParameter("fields"))
        .isEqualTo("members.id,members.last_changed,members.email_address,members.merge_fields");
  }

  @Test
  void unknownStatus_isAConfigErrorNamingTheSetting() {
    settings.put("status", "active");

    assertThatThrownBy(() -> connector.read(context(), Checkpoint.initial()))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.setting()).contains("status"));
    assertThat(api.requests).isEmpty();
  }

  @Test
  void unknownList_isAConfigErrorNamingListId_notARejectedRecord() {
    settings.put("list_id", "nosuchlist");

    assertThatThrownBy(() -> connector.read(context(), Checkpoint.initial()))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.setting()).contains("list_id"));
  }

  @Test
  void rateLimitedWithoutRetryAfter_isTransientWithNoDelay_soTheRuntimeBacksOff() {
    api.override =
        r ->
            new MockResponse.Builder()
                .code(429)
                .addHeader("Content-Type", "application/problem+json")
                .body("{\"title\":\"Too Many Requests\",\"status\":429}")
                .build();

    assertThatThrownBy(() -> connector.read(context(), Checkpoint.initial()))
        .isInstanceOfSatisfying(
            TributaryException.class,
            e -> {
              assertThat(e.errorClass()).isEqualTo(ErrorClass.TRANSIENT);
              assertThat(e.retryAfter()).isEmpty();
            });
  }

  @Test
  void revokedKey_isAConfigError_showingMailchimpsDetailButNotTheKey() {
    api.expectedAuthorization = "Basic something-else";

    assertThatThrownBy(() -> connector.read(context(), Checkpoint.initial()))
        .isInstanceOfSatisfying(
            TributaryException.class,
            e -> {
              assertThat(e.errorClass()).isEqualTo(ErrorClass.CONFIG);
              assertThat(e.getMessage()).contains("API Key Invalid").doesNotContain(KEY);
            });
  }

  @Test
  void check_namesABadSetting_withItsMessage_andCallsNothing() {
    settings.put("endpoint", "sftp://mailchimp.example.com/3.0");

    CheckResult endpoint = connector.check(context());
    settings.remove("endpoint");
    settings.put("data_center", "nowhere");
    CheckResult dataCenter = connector.check(context());

    assertThat(endpoint.problems())
        .containsExactly(
            new CheckResult.Problem("endpoint", "\"endpoint\" must be an http or https URL"));
    assertThat(dataCenter.problems())
        .containsExactly(
            new CheckResult.Problem(
                "data_center", "\"data_center\" must look like us6, not \"nowhere\""));
    assertThat(api.targets()).isEmpty();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void check_pingsAndLooksTheAudienceUp() {
    CheckResult ok = connector.check(context());
    settings.put("list_id", "nosuchlist");
    CheckResult missing = connector.check(context());

    assertThat(ok.isOk()).isTrue();
    assertThat(api.targets()).startsWith("/3.0/ping", "/3.0/lists/a1b2c3d4e5?fields=id");
    assertThat(missing.problems())
        .extracting(CheckResult.Problem::setting)
        .containsExactly("list_id");
  }

  @Test
  void seedCheckpoint_anInstantSetByHand_startsFromThatTime() {
    api.member("m1", "a@example.com", T1);
    api.member("m2", "b@example.com", T3);

    Page<Map<String, @Nullable Object>> page =
        connector.read(context(), Checkpoint.at("2026-11-02T00:00:00Z"));

    assertThat(page.records()).extracting(m -> m.get("id")).containsExactly("m2");
    assertThat(api.requests.get(0).getUrl().queryParameter("since_last_changed"))
        .isEqualTo("2026-11-02T00:00:00+00:00");
  }
}

package dev.tributary.connectors.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.connectors.testutil.QueuedServerKit;
import dev.tributary.core.ConfigException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.Page;
import dev.tributary.testing.ImportPass;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Paging by every method, one read at a time, against MockWebServer. */
class RestImportConnectorTest extends QueuedServerKit {
  final RestImportConnector connector = RestImportConnector.create();

  @org.junit.jupiter.api.BeforeEach
  void answerEmptyPagesWhenNothingIsQueued() {
    var queue = new mockwebserver3.QueueDispatcher();
    queue.setFailFast(json("[]"));
    server.setDispatcher(queue);
  }

  @Override
  protected RestImportConnector connector() {
    return connector;
  }

  @Override
  protected Map<String, String> configuration() {
    return Map.of("endpoint", server.url("/v1/users").toString());
  }

  @Override
  protected Authorization authorization() {
    return Authorization.basic("importer", Secret.of("imp0rt-passw0rd"));
  }

  @Override
  protected MockResponse answerToOneCall() {
    return json("[{\"id\":1}]");
  }

  @Override
  protected void callOnce(ConnectorContext context) {
    assertThat(connector.read(context, Checkpoint.initial()).records()).hasSize(1);
  }

  static MockResponse json(String body) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  /** Reads every page the way the runtime does, returning the ids read per page. */
  List<List<Object>> readAll(ConnectorContext context) {
    return ImportPass.read(connector, context, Checkpoint.initial()).pages().stream()
        .map(page -> page.records().stream().map(r -> r.get("id")).toList())
        .toList();
  }

  List<String> targets(int n) throws InterruptedException {
    List<String> targets = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      targets.add(server.takeRequest().getTarget());
    }
    return targets;
  }

  @Test
  void offsetPaging_stopsAtAShortPage() throws Exception {
    server.enqueue(json("[{\"id\":1},{\"id\":2}]"));
    server.enqueue(json("[{\"id\":3},{\"id\":4}]"));
    server.enqueue(json("[{\"id\":5}]"));

    List<List<Object>> pages =
        readAll(
            context(Map.of("pagination", "offset", "page_size", "2", "page_size_param", "limit")));

    assertThat(pages).containsExactly(List.of(1L, 2L), List.of(3L, 4L), List.of(5L));
    assertThat(targets(3))
        .containsExactly(
            "/v1/users?limit=2", "/v1/users?limit=2&offset=2", "/v1/users?limit=2&offset=4");
  }

  @Test
  void pageTokenPaging_followsTheTokenUntilThereIsNone() throws Exception {
    server.enqueue(json("{\"data\":[{\"id\":\"a\"}],\"meta\":{\"next\":\"t 2\"}}"));
    server.enqueue(json("{\"data\":[{\"id\":\"b\"}],\"meta\":{\"next\":null}}"));

    List<List<Object>> pages =
        readAll(
            context(
                Map.of(
                    "pagination", "page_token",
                    "records_pointer", "/data",
                    "next_token_pointer", "/meta/next",
                    "token_param", "cursor")));

    assertThat(pages).containsExactly(List.of("a"), List.of("b"));
    assertThat(targets(2)).containsExactly("/v1/users", "/v1/users?cursor=t%202");
  }

  @Test
  void cursorPaging_passesTheLastKey_andHasMoreEndsIt() throws Exception {
    server.enqueue(json("{\"data\":[{\"id\":\"cus_1\"},{\"id\":\"cus_2\"}],\"has_more\":true}"));
    server.enqueue(json("{\"data\":[{\"id\":\"cus_3\"}],\"has_more\":false}"));

    List<List<Object>> pages =
        readAll(
            context(
                Map.of(
                    "pagination", "cursor",
                    "records_pointer", "/data",
                    "has_more_pointer", "/has_more")));

    assertThat(pages).containsExactly(List.of("cus_1", "cus_2"), List.of("cus_3"));
    assertThat(targets(2)).containsExactly("/v1/users", "/v1/users?starting_after=cus_2");
  }

  @Test
  void cursorPaging_withoutIncrementalField_nextRunContinuesAfterTheLastKey() throws Exception {
    server.enqueue(json("[{\"id\":\"a\"}]"));
    ConnectorContext context = context(Map.of("pagination", "cursor"));
    Page<?> page = connector.read(context, Checkpoint.initial());
    assertThat(page.last()).isFalse();
    server.enqueue(json("[]"));
    Page<?> end = connector.read(context, page.next());
    assertThat(end.last()).isTrue();
    server.enqueue(json("[{\"id\":\"b\"}]"));
    connector.read(context, end.next()); // the next run

    assertThat(targets(3))
        .containsExactly("/v1/users", "/v1/users?starting_after=a", "/v1/users?starting_after=a");
  }

  @Test
  void linkPaging_followsRelNext_relativeOrAbsolute() throws Exception {
    server.enqueue(
        json("[{\"id\":1}]")
            .newBuilder()
            .addHeader("Link", "</v1/users?page=2>; rel=\"next\"")
            .build());
    server.enqueue(
        json("[{\"id\":2}]")
            .newBuilder()
            .addHeader(
                "Link",
                "<"
                    + server.url("/v1/users?page=1")
                    + ">; rel=\"prev\", <"
                    + server.url("/v1/users?page=3")
                    + ">; rel=\"next\"")
            .build());
    server.enqueue(json("[{\"id\":3}]"));

    List<List<Object>> pages = readAll(context(Map.of("pagination", "link")));

    assertThat(pages).containsExactly(List.of(1L), List.of(2L), List.of(3L));
    assertThat(targets(3)).containsExactly("/v1/users", "/v1/users?page=2", "/v1/users?page=3");
  }

  @Test
  void linkToAnotherHost_isNotFollowed_soTheCredentialStaysHome() {
    server.enqueue(
        json("[{\"id\":1}]")
            .newBuilder()
            .addHeader("Link", "<https://evil.example.net/steal>; rel=next")
            .build());
    ConnectorContext context = context(Map.of("pagination", "link"));
    Page<?> first = connector.read(context, Checkpoint.initial());

    assertThatThrownBy(() -> connector.read(context, first.next()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is not followed, so the credential is not sent elsewhere");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void recordsPointerThatIsNoArray_isAConfigErrorNamingTheSetting() {
    server.enqueue(json("{\"data\":{\"id\":1}}"));
    assertThatThrownBy(
            () -> connector.read(context(Map.of("records_pointer", "/data")), Checkpoint.initial()))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.setting()).contains("records_pointer"))
        .hasMessage("\"records_pointer\" /data is not an array in the response to GET /v1/users");
  }

  @Test
  void recordsThatAreNotObjects_areKeptAsValue() {
    server.enqueue(json("[\"a@example.com\", 7, {\"id\":1, \"price\": 1.10}]"));
    Page<Map<String, @Nullable Object>> page =
        connector.read(context(Map.of()), Checkpoint.initial());
    assertThat(page.records())
        .containsExactly(
            Map.of("value", "a@example.com"),
            Map.of("value", 7L),
            Map.of("id", 1L, "price", new java.math.BigDecimal("1.10")));
  }

  @Test
  void malformedPage_isAConfigError() {
    server.enqueue(json("{\"data\": [1, "));
    assertThatThrownBy(() -> connector.read(context(Map.of()), Checkpoint.initial()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is not JSON");
  }

  @Test
  void handSetStart_readsFromThatValueInclusively() throws Exception {
    server.enqueue(json("[]"));
    connector.read(
        context(Map.of("incremental_field", "updated_at", "incremental_param", "updated_since")),
        Checkpoint.at("2026-01-01T00:00:00Z"));
    assertThat(targets(1)).containsExactly("/v1/users?updated_since=2026-01-01T00%3A00%3A00Z");
  }

  @Test
  void check_reportsBadSettingsByName_thenReadsTheFirstPage() {
    CheckResult bad =
        connector.check(context(Map.of("pagination", "pages", "incremental_field", "updated_at")));
    assertThat(bad.problems())
        .extracting(CheckResult.Problem::setting)
        .containsExactly("pagination");
    CheckResult missingParam = connector.check(context(Map.of("incremental_field", "updated_at")));
    assertThat(missingParam.problems())
        .extracting(CheckResult.Problem::setting)
        .containsExactly("incremental_param");
    assertThat(server.getRequestCount()).isZero();

    server.enqueue(new MockResponse.Builder().code(403).build());
    CheckResult refused = connector.check(context(Map.of()));
    assertThat(refused.problems())
        .extracting(CheckResult.Problem::setting)
        .containsExactly("authorization");

    server.enqueue(json("{\"items\":[]}"));
    CheckResult wrongPointer = connector.check(context(Map.of("records_pointer", "/data")));
    assertThat(wrongPointer.problems())
        .extracting(CheckResult.Problem::setting)
        .containsExactly("records_pointer");
  }
}

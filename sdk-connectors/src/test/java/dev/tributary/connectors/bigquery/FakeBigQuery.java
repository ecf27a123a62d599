package dev.tributary.connectors.bigquery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.connectors.testutil.Fixtures;
import dev.tributary.connectors.testutil.RsaTestKey;
import dev.tributary.core.auth.OAuth2JwtBearer;
import dev.tributary.core.auth.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Google's token endpoint and the BigQuery API on one MockWebServer, answering with fixtures in the
 * documented shapes, recording what was asked. The fixtures follow: "Using OAuth 2.0 for Server to
 * Server Applications" (developers.google.com/identity/protocols/oauth2/service-account: the token
 * request and answer, {@code invalid_grant}) and the service account key file it describes; the
 * BigQuery REST reference for {@code tabledata.insertAll} (request, {@code
 * bigquery#tableDataInsertAllResponse} with {@code insertErrors}) and {@code tables.get} (the Table
 * resource); and BigQuery's "Error messages" page (cloud.google.com/bigquery/docs/error-messages:
 * the error object and the reasons accessDenied, rateLimitExceeded, notFound, backendError).
 */
final class FakeBigQuery extends Dispatcher {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String INSERT_PATH =
      "/bigquery/v2/projects/acme-data/datasets/analytics/tables/events/insertAll";

  final List<RecordedRequest> tokenRequests = new CopyOnWriteArrayList<>();
  final List<RecordedRequest> inserts = new CopyOnWriteArrayList<>();
  final List<RecordedRequest> tableGets = new CopyOnWriteArrayList<>();
  final List<MockResponse> tokenScript = new CopyOnWriteArrayList<>();
  final List<MockResponse> insertScript = new CopyOnWriteArrayList<>();
  final List<MockResponse> tableScript = new CopyOnWriteArrayList<>();
  volatile Function<JsonNode, MockResponse> insertAnswer =
      body -> fixture(200, "insertall-200.json");
  private int issued;

  static MockResponse fixture(int status, String name) {
    return Fixtures.json(FakeBigQuery.class, status, name);
  }

  /** The service account key file, its private key the test key pair's. */
  static Secret keyFile() {
    String pem = RsaTestKey.privateKeyPem().replace("\n", "\\n");
    return Secret.of(
        Fixtures.text(FakeBigQuery.class, "service-account.json").replace("{{PRIVATE_KEY}}", pem));
  }

  /** The key file's credential, exchanging its assertions at this server. */
  static OAuth2JwtBearer serviceAccount(MockWebServer server) {
    return GoogleServiceAccount.fromJson(keyFile()).withTokenUrl(server.url("/token").uri());
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    if (path.equals("/token")) {
      tokenRequests.add(request);
      return tokenScript.isEmpty() ? token() : tokenScript.remove(0);
    }
    if (path.equals(INSERT_PATH)) {
      inserts.add(request);
      return insertScript.isEmpty() ? insertAnswer.apply(body(request)) : insertScript.remove(0);
    }
    if (request.getMethod().equals("GET")) {
      tableGets.add(request);
      return tableScript.isEmpty() ? fixture(200, "table-200.json") : tableScript.remove(0);
    }
    return new MockResponse.Builder().code(404).build();
  }

  private synchronized MockResponse token() {
    issued++;
    return Fixtures.jsonBody(
        200,
        Fixtures.text(FakeBigQuery.class, "token-200.json")
            .replace("{{ACCESS_TOKEN}}", "ya29.test-" + issued));
  }

  static JsonNode body(RecordedRequest request) {
    try {
      return JSON.readTree(request.getBody().utf8());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows of each insertAll request, as {@code insertId} lists. */
  List<List<String>> insertIds() {
    List<List<String>> out = new ArrayList<>();
    for (RecordedRequest r : inserts) {
      List<String> ids = new ArrayList<>();
      body(r).path("rows").forEach(row -> ids.add(row.path("insertId").asText()));
      out.add(ids);
    }
    return out;
  }

  /** The event names of each insertAll request. */
  List<List<String>> names() {
    List<List<String>> out = new ArrayList<>();
    for (RecordedRequest r : inserts) {
      List<String> names = new ArrayList<>();
      body(r).path("rows").forEach(row -> names.add(row.at("/json/event_name").asText()));
      out.add(names);
    }
    return out;
  }
}

package dev.tributary.connectors.facebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.connectors.testutil.QueuedServerKit;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.Page;
import dev.tributary.core.connector.RunReporter;
import dev.tributary.core.model.Metric;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;

/**
 * The Graph API as MockWebServer answers it, with the documented shapes in {@code
 * src/test/resources/dev/tributary/connectors/facebook} (see the README there for the doc page of
 * each), a manual clock that is also the connector's sleeper, and the compatibility kit. Unless a
 * test queues responses, the server answers with the ad account ({@code account.json}), which is
 * what {@code check} reads.
 */
abstract class FacebookFixture extends QueuedServerKit {
  static final String TOKEN = "EAAB-system-user-token-4711-secret";
  static final String ACCOUNT = "act_1234567890";
  static final String RUN = "6023920149050";

  final FacebookInsightsConnector connector =
      FacebookInsightsConnector.builder().sleeper(clock).build();
  final Map<String, String> settings = new HashMap<>();
  Authorization auth = Authorization.bearer(Secret.of(TOKEN));

  @BeforeEach
  void answerTheAccountWhenNothingIsQueued() {
    QueueDispatcher queue = new QueueDispatcher();
    queue.setFailFast(json(200, fixture("account.json")));
    server.setDispatcher(queue);
  }

  @Override
  protected FacebookInsightsConnector connector() {
    return connector;
  }

  @Override
  protected Map<String, String> configuration() {
    Map<String, String> c = new HashMap<>();
    c.put("endpoint", server.url("/").toString());
    c.put("ad_account_id", ACCOUNT);
    c.put("time_zone", "Europe/Berlin");
    c.put("initial_days", "7");
    c.putAll(settings);
    return c;
  }

  @Override
  protected Authorization authorization() {
    return auth;
  }

  @Override
  protected ConnectorContext context() {
    return context(RunReporter.none());
  }

  ConnectorContext context(RunReporter reporter) {
    return new ConnectorContext(
        ConnectorConfig.parse(connector.descriptor(), configuration()),
        authorization(),
        clock,
        reporter);
  }

  /** One read of a fresh import: it starts the first report, or reads the first sync page. */
  @Override
  protected MockResponse answerToOneCall() {
    boolean sync = "sync".equals(settings.get("report_mode"));
    return json(200, fixture(sync ? "insights-page-2.json" : "report-run-started.json"));
  }

  @Override
  protected void callOnce(ConnectorContext context) {
    connector.read(context, Checkpoint.initial());
  }

  static String fixture(String name) {
    try (InputStream in = FacebookFixture.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  protected static MockResponse json(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .addHeader("Content-Type", "application/json; charset=UTF-8")
        .body(body)
        .build();
  }

  void enqueue(String... fixtures) {
    for (String f : fixtures) {
      server.enqueue(json(200, fixture(f)));
    }
  }

  RecordedRequest take() throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r).as("a request was made").isNotNull();
    return r;
  }

  /** A form body or query string as an ordered map (values decoded). */
  static Map<String, String> form(String encoded) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  static Map<String, String> query(RecordedRequest r) {
    String q = r.getUrl().encodedQuery();
    return q == null ? Map.of() : form(q);
  }

  Page<Metric> read(Checkpoint from) {
    return connector.read(context(), from);
  }

  static Checkpoint at(String json) {
    return new Checkpoint(json, java.util.Set.of());
  }
}

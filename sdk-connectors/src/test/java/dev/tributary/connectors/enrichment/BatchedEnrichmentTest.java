package dev.tributary.connectors.enrichment;

import static dev.tributary.connectors.testutil.Answers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.connectors.testutil.QueuedServerKit;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.SystemException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.EnrichmentResult;
import dev.tributary.core.connector.EnrichmentResult.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Batched lookups: one POST per batch, one result per lookup. */
class BatchedEnrichmentTest extends QueuedServerKit {
  final HttpEnrichmentConnector connector = HttpEnrichmentConnector.batched(50);

  @Override
  protected HttpEnrichmentConnector connector() {
    return connector;
  }

  @Override
  protected Map<String, String> configuration() {
    return Map.of("endpoint", server.url("/v1/bulk").toString(), "identifiers", "email");
  }

  @Override
  protected Authorization authorization() {
    return Authorization.bearer(Secret.of("bulk-t0ken-xyz"));
  }

  @Override
  protected MockResponse answerToOneCall() {
    return json(200, "{\"results\":[{\"status\":\"found\",\"data\":{\"a\":1}}]}");
  }

  @Override
  protected void callOnce(ConnectorContext context) {
    connector.enrich(context, List.of(Map.of("email", "a@example.com")));
  }

  List<EnrichmentResult> enrich(List<Map<String, String>> users) {
    return connector.enrich(context(Map.of()), users);
  }

  @Test
  void oneRequestForTheBatch_skippingUsersWithoutIdentifier_resultsByPosition() throws Exception {
    server.enqueue(
        json(
            200,
            "{\"results\":["
                + "{\"status\":\"found\",\"data\":{\"industry\":\"retail\"}},"
                + "{\"status\":\"not_found\"},"
                + "{\"status\":\"queued\",\"retry_after\":90},"
                + "{\"status\":\"error\",\"message\":\"malformed email\"}]}"));

    List<EnrichmentResult> r =
        enrich(
            List.of(
                Map.of("email", "a@x.com"),
                Map.of("phone", "+1"),
                Map.of("email", "b@x.com"),
                Map.of("email", "c@x.com"),
                Map.of("email", "bad")));

    assertThat(r)
        .extracting(EnrichmentResult::status)
        .containsExactly(
            Status.ENRICHED, Status.FAILED, Status.NOT_FOUND, Status.QUEUED, Status.FAILED);
    assertThat(r).extracting(EnrichmentResult::index).containsExactly(0, 1, 2, 3, 4);
    assertThat(r.get(0).fields()).containsExactly(Map.entry("industry", "retail"));
    assertThat(r.get(3).retryAfter()).isEqualTo(Duration.ofSeconds(90));
    assertThat(r.get(4).error().errorClass()).isEqualTo(ErrorClass.VALIDATION);
    assertThat(r.get(4).error())
        .hasMessage("the provider could not look this user up: malformed email");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(new ObjectMapper().readTree(request.getBody().utf8()))
        .isEqualTo(
            new ObjectMapper()
                .readTree(
                    "{\"lookups\":[{\"email\":\"a@x.com\"},{\"email\":\"b@x.com\"},"
                        + "{\"email\":\"c@x.com\"},{\"email\":\"bad\"}]}"));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void indexedResults_andLookupsLeftOutAreRetryable() {
    server.enqueue(json(200, "{\"results\":[{\"index\":1,\"status\":\"found\",\"x\":true}]}"));
    List<EnrichmentResult> r =
        enrich(List.of(Map.of("email", "a@x.com"), Map.of("email", "b@x.com")));
    assertThat(r.get(0).error().errorClass()).isEqualTo(ErrorClass.TRANSIENT);
    assertThat(r.get(1).fields()).containsEntry("x", true);
  }

  @Test
  void accepted202ForTheBatch_queuesEveryLookup() {
    server.enqueue(new MockResponse.Builder().code(202).addHeader("Retry-After", "15").build());
    List<EnrichmentResult> r =
        enrich(List.of(Map.of("email", "a@x.com"), Map.of("email", "b@x.com")));
    assertThat(r).allSatisfy(x -> assertThat(x.retryAfter()).isEqualTo(Duration.ofSeconds(15)));
  }

  @Test
  void answerThatDoesNotFitTheBatch_isASystemError() {
    server.enqueue(json(200, "{\"results\":[{\"status\":\"found\"}]}"));
    assertThatThrownBy(
            () -> enrich(List.of(Map.of("email", "a@x.com"), Map.of("email", "b@x.com"))))
        .isInstanceOf(SystemException.class)
        .hasMessageContaining("answered 1 results for 2 lookups");
  }

  @Test
  void wrongSizeIsRefused() {
    assertThatThrownBy(() -> HttpEnrichmentConnector.batched(0))
        .hasMessage("maxBatchSize must be at least 1: 0");
  }
}

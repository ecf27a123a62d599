package dev.tributary.connectors.enrichment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.connectors.http.HttpRequest;
import dev.tributary.connectors.http.HttpResponse;
import dev.tributary.connectors.http.HttpSettings;
import dev.tributary.connectors.http.HttpTransport;
import dev.tributary.core.SystemException;
import dev.tributary.core.TransientException;
import dev.tributary.core.ValidationException;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.EnrichmentResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The batched request shape of {@link HttpEnrichmentConnector}. */
final class BatchLookup {
  private BatchLookup() {}

  static void run(
      HttpTransport transport,
      ConnectorContext context,
      EnrichmentSettings s,
      List<Map<String, String>> identities,
      List<Integer> sendable,
      @Nullable EnrichmentResult[] results) {
    if (sendable.isEmpty()) {
      return;
    }
    List<Map<String, String>> lookups = new ArrayList<>();
    sendable.forEach(i -> lookups.add(s.lookup(identities.get(i))));
    HttpRequest.Builder request = HttpRequest.post(s.endpoint()).json(Map.of("lookups", lookups));
    HttpSettings.withHeaders(request, context.config());
    HttpResponse response = transport.execute(context, request.build());
    if (response.status() == 202) {
      Duration wait = HttpEnrichmentConnector.retryAfter(context, s, response);
      sendable.forEach(i -> results[i] = EnrichmentResult.queued(i, wait));
      return;
    }
    apply(response, s, sendable, results);
  }

  /** Sets the result of each sent lookup from the answer's array. */
  private static void apply(
      HttpResponse response,
      EnrichmentSettings s,
      List<Integer> sendable,
      @Nullable EnrichmentResult[] results) {
    JsonNode answers = response.json().at(s.resultPointer());
    if (!answers.isArray()) {
      throw new SystemException(
          "the provider's answer to "
              + response.request()
              + " has no results array at "
              + s.resultPointer()
              + "; set result_pointer");
    }
    boolean indexed = answers.size() > 0 && answers.get(0).has("index");
    if (!indexed && answers.size() != sendable.size()) {
      throw new SystemException(
          "the provider answered "
              + answers.size()
              + " results for "
              + sendable.size()
              + " lookups in "
              + response.request());
    }
    for (int p = 0; p < answers.size(); p++) {
      JsonNode answer = answers.get(p);
      int k = indexed ? answer.path("index").asInt(-1) : p;
      if (k < 0 || k >= sendable.size()) {
        throw new SystemException(
            "the provider's result " + p + " names lookup " + k + " of " + sendable.size());
      }
      int i = sendable.get(k);
      results[i] = result(i, answer, s, response);
    }
    for (int i : sendable) {
      if (results[i] == null) {
        results[i] =
            EnrichmentResult.failed(
                i, new TransientException("the provider's answer left this lookup out"));
      }
    }
  }

  private static EnrichmentResult result(
      int i, JsonNode answer, EnrichmentSettings s, HttpResponse response) {
    String status = answer.path("status").asText("found").toLowerCase(Locale.ROOT);
    return switch (status) {
      case "found", "enriched", "ok" ->
          HttpEnrichmentConnector.found(i, s, answer.has("data") ? answer.path("data") : answer);
      case "not_found", "unknown" -> EnrichmentResult.notFound(i);
      case "queued", "pending", "accepted" -> {
        JsonNode seconds = answer.path("retry_after");
        yield EnrichmentResult.queued(
            i,
            seconds.canConvertToLong() && seconds.asLong() >= 0
                ? Duration.ofSeconds(seconds.asLong())
                : s.queuedRetryAfter());
      }
      default ->
          EnrichmentResult.failed(
              i,
              new ValidationException(
                  "the provider could not look this user up"
                      + (answer.path("message").isTextual()
                          ? ": " + response.excerpt(answer.path("message").asText())
                          : "")));
    };
  }
}

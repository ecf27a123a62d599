package dev.tributary.connectors.bigquery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.tributary.connectors.http.HttpResponse;
import dev.tributary.core.ConfigException;
import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import dev.tributary.core.retry.RetryAfter;
import java.time.Clock;
import java.util.Set;

/**
 * Classifies BigQuery's error answers ({@code {"error": {"code", "message", "errors": [{"reason",
 * ...}], "status"}}}) where the status alone misleads: a 403 whose reason is {@code
 * rateLimitExceeded} or {@code quotaExceeded} is a rate limit ({@code TRANSIENT}), any other 401 or
 * 403 a credential or permission problem, and a 404 a missing project, dataset or table — both
 * {@code CONFIG}, never a rejected row. Everything else goes by the HTTP status.
 */
final class BigQueryErrors {
  private static final Set<String> RATE_LIMITS = Set.of("rateLimitExceeded", "quotaExceeded");

  private BigQueryErrors() {}

  static TributaryException of(HttpResponse response, BigQuerySettings s, Clock clock) {
    JsonNode error = error(response);
    String reason = error.path("errors").path(0).path("reason").asText("");
    String message = error.path("message").asText("");
    String what =
        "BigQuery answered HTTP "
            + response.status()
            + (reason.isEmpty() ? "" : " " + reason)
            + " to "
            + response.request()
            + (message.isEmpty() ? "" : ": " + response.excerpt(message));
    int status = response.status();
    if (status == 403 && RATE_LIMITS.contains(reason)) {
      return new TransientException(
          what,
          RetryAfter.parse(response.header("Retry-After").orElse(null), clock).orElse(null),
          null);
    }
    if (status == 401 || status == 403) {
      return new ConfigException(
          "authorization",
          what
              + "; the service account needs roles/bigquery.dataEditor (bigquery.tables.updateData)"
              + " on "
              + s.table()
              + ", and billing enabled on the project",
          response.toException());
    }
    if (status == 404) {
      return new ConfigException(
          "table_id",
          what + "; create the table " + s.table() + " or correct project_id, dataset_id, table_id",
          response.toException());
    }
    return response.status() >= 400 ? response.toException() : new TransientException(what);
  }

  private static JsonNode error(HttpResponse response) {
    try {
      return response.json().path("error");
    } catch (ConfigException notJson) {
      return MissingNode.getInstance();
    }
  }
}

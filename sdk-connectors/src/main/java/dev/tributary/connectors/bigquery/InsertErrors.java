package dev.tributary.connectors.bigquery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.connectors.http.HttpResponse;
import dev.tributary.core.SystemException;
import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import dev.tributary.core.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code insertErrors} of a successful insertAll answer ({@code [{"index": 3, "errors":
 * [{"reason": "invalid", "location": "age", "message": "..."}]}]}) into one failure per row that
 * failed. A row fails {@code TRANSIENT} when every reason is one that trying again can fix — {@code
 * stopped} (a valid row not inserted because another row of the request was invalid), {@code
 * timeout}, {@code backendError}, {@code internalError}, {@code rateLimitExceeded}, {@code
 * quotaExceeded}, {@code tableUnavailable} — and {@code VALIDATION} otherwise ({@code invalid}: the
 * row does not fit the table), so that only rows that can succeed are sent again.
 */
final class InsertErrors {
  static final Set<String> RETRYABLE =
      Set.of(
          "stopped",
          "timeout",
          "backendError",
          "internalError",
          "rateLimitExceeded",
          "quotaExceeded",
          "tableUnavailable");

  private InsertErrors() {}

  /** The failures of the request's rows, by their index in the request. */
  static Map<Integer, TributaryException> read(HttpResponse response, int rows) {
    Map<Integer, TributaryException> failures = new LinkedHashMap<>();
    JsonNode errors = response.json().path("insertErrors");
    for (JsonNode rowErrors : errors) {
      int index = rowErrors.path("index").asInt(-1);
      if (index < 0 || index >= rows) {
        throw new SystemException(
            "BigQuery's insertErrors name row "
                + rowErrors.path("index")
                + " of a request with "
                + rows
                + " rows");
      }
      failures.put(index, failure(response, rowErrors.path("errors")));
    }
    return failures;
  }

  private static TributaryException failure(HttpResponse response, JsonNode errors) {
    List<String> reasons = new ArrayList<>();
    List<String> details = new ArrayList<>();
    boolean retryable = errors.size() > 0;
    for (JsonNode error : errors) {
      String reason = error.path("reason").asText("unknown");
      reasons.add(reason);
      retryable &= RETRYABLE.contains(reason);
      String location = error.path("location").asText("");
      String message = error.path("message").asText("");
      if (!message.isEmpty() || !location.isEmpty()) {
        details.add((location.isEmpty() ? "" : location + ": ") + message);
      }
    }
    String text =
        "BigQuery did not insert the row ("
            + String.join(", ", reasons)
            + ")"
            + (details.isEmpty() ? "" : ": " + response.excerpt(String.join("; ", details)));
    if (retryable) {
      return new TransientException(text);
    }
    String field = errors.path(0).path("location").asText("");
    return new ValidationException(text, field.isEmpty() ? null : field, -1, null);
  }
}

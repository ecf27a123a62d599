package dev.tributary.connectors.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.connectors.http.HttpResponse;
import dev.tributary.core.ConfigException;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.SystemException;
import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import dev.tributary.core.ValidationException;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ItemResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link ItemResultsReader#standard()}. */
enum StandardItemResults implements ItemResultsReader {
  INSTANCE;

  private static final Logger log = LoggerFactory.getLogger(StandardItemResults.class);

  @Override
  public Optional<BatchResult> read(ConnectorConfig config, HttpResponse response, int batchSize) {
    Optional<String> pointer = config.optionalString(RestExportConnector.RESULTS_POINTER);
    if (pointer.isEmpty()) {
      return Optional.empty();
    }
    JsonNode results = response.json().at(pointer.get());
    if (!results.isArray()) {
      log.debug("{}: no results array at {}", response.request(), pointer.get());
      return Optional.empty();
    }
    boolean indexed = false;
    for (JsonNode r : results) {
      indexed |= r.has("index");
    }
    if (!indexed && results.size() != batchSize) {
      log.debug(
          "{}: {} results for {} items and no indexes",
          response.request(),
          results.size(),
          batchSize);
      return Optional.empty();
    }
    return apply(results, indexed, response, batchSize);
  }

  /** The outcome of each item: the answer's elements applied over the default for the status. */
  private static Optional<BatchResult> apply(
      JsonNode results, boolean indexed, HttpResponse response, int batchSize) {
    List<ItemResult> items = new ArrayList<>(batchSize);
    for (int i = 0; i < batchSize; i++) {
      items.add(
          response.isSuccessful()
              ? ItemResult.ok(i)
              : ItemResult.failed(
                  i,
                  new TransientException(
                      "sent again: "
                          + response.request()
                          + " rejected the batch for other items")));
    }
    boolean anyFailure = false;
    for (int p = 0; p < results.size(); p++) {
      JsonNode r = results.get(p);
      int index = indexed ? r.path("index").asInt(-1) : p;
      if (index < 0 || index >= batchSize || (indexed && !r.path("index").canConvertToInt())) {
        log.debug("{}: result {} names no item of the batch", response.request(), p);
        return Optional.empty();
      }
      TributaryException error = error(r, index, response);
      if (error != null) {
        items.set(index, ItemResult.failed(index, error));
        anyFailure = true;
      } else if (!response.isSuccessful() && r.path("status").asInt(0) / 100 == 2) {
        items.set(index, ItemResult.ok(index)); // an error answer that says this one was written
      }
    }
    if (!response.isSuccessful() && !anyFailure) {
      return Optional.empty(); // an error answer that blames no item: the whole batch failed
    }
    return Optional.of(new BatchResult(items));
  }

  private static @Nullable TributaryException error(JsonNode r, int index, HttpResponse response) {
    JsonNode error = r.path("error");
    boolean erred =
        !(error.isMissingNode() || error.isNull() || (error.isBoolean() && !error.asBoolean()));
    int status = r.path("status").canConvertToInt() ? r.path("status").asInt() : 0;
    if (!erred && status < 400) {
      return null;
    }
    String text = text(r, error);
    String message =
        "item "
            + index
            + " rejected by "
            + response.request()
            + (status >= 400 ? ": HTTP " + status : "")
            + (text.isEmpty() ? "" : ": " + response.excerpt(text));
    ErrorClass errorClass =
        status >= 400 && status <= 599
            ? response.statusPolicy().classify(status)
            : r.path("retryable").asBoolean(false) ? ErrorClass.TRANSIENT : ErrorClass.VALIDATION;
    return switch (errorClass) {
      case TRANSIENT -> new TransientException(message, retryAfter(r), null);
      case CONFIG -> new ConfigException(message);
      case VALIDATION -> new ValidationException(message);
      case SYSTEM -> new SystemException(message);
    };
  }

  private static String text(JsonNode r, JsonNode error) {
    if (error.isTextual()) {
      return error.asText();
    }
    for (JsonNode candidate :
        List.of(error.path("message"), r.path("message"), error.path("code"))) {
      if (candidate.isTextual()) {
        return candidate.asText();
      }
    }
    return "";
  }

  private static @Nullable Duration retryAfter(JsonNode r) {
    JsonNode seconds = r.path("retry_after");
    return seconds.canConvertToLong() && seconds.asLong() >= 0
        ? Duration.ofSeconds(seconds.asLong())
        : null;
  }
}

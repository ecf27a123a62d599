package dev.tributary.connectors.rest;

import dev.tributary.connectors.http.HttpRequest;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConfigField;
import dev.tributary.core.connector.ConfigFieldType;
import dev.tributary.core.connector.ConnectorConfig;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The request body of a REST export batch: {@code {"items": [...]}}, or the body template's. */
final class Bodies {
  private Bodies() {}

  static ConfigField templateField() {
    return ConfigField.optional(
        RestExportConnector.BODY_TEMPLATE,
        ConfigFieldType.TEMPLATE,
        "A Go template for the request body, given .items (the batch), .count and .sent_at; it"
            + " must produce JSON (use toJson for values). Default: {\"items\": [...]}.",
        null);
  }

  static void write(
      ConnectorConfig config, List<Object> items, Instant now, HttpRequest.Builder request) {
    request.json(Map.of("items", items));
  }

  static Optional<CheckResult.Problem> check(ConnectorConfig config, boolean changes) {
    return Optional.empty();
  }
}

package dev.tributary.connectors.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.connectors.http.HttpRequest;
import dev.tributary.core.ConfigException;
import dev.tributary.core.ValidationException;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConfigField;
import dev.tributary.core.connector.ConfigFieldType;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.model.AudienceChange;
import dev.tributary.core.model.Profile;
import dev.tributary.templates.Template;
import dev.tributary.templates.TemplateEngine;
import dev.tributary.templates.TemplateException;
import dev.tributary.templates.TemplateParseException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The request body of a REST export batch: {@code {"items": [...]}}, or what the {@value
 * RestExportConnector#BODY_TEMPLATE} renders (sdk-templates, Go's {@code text/template} with sprig)
 * given {@code .items}, {@code .count} and {@code .sent_at}.
 *
 * <p>A rendered body must be JSON. Rendering that fails, or renders something that is not JSON, is
 * a {@code VALIDATION} error of the batch: usually one item's value broke the body (text with a
 * quote, printed without {@code toJson}), and the runtime splits the batch to isolate it. A
 * template that does not parse is a {@code CONFIG} error.
 */
final class Bodies {
  private static final String JSON = "application/json; charset=utf-8";

  private Bodies() {}

  static ConfigField templateField() {
    return ConfigField.optional(
        RestExportConnector.BODY_TEMPLATE,
        ConfigFieldType.TEMPLATE,
        "A Go template for the request body, given .items (the batch), .count and .sent_at; it"
            + " must produce JSON (print values with toJson). Default: {\"items\": [...]}.",
        null);
  }

  static void write(
      ConnectorConfig config,
      List<Object> items,
      Clock clock,
      ObjectMapper mapper,
      HttpRequest.Builder request) {
    Optional<String> text = config.optionalString(RestExportConnector.BODY_TEMPLATE);
    if (text.isEmpty()) {
      request.json(Map.of("items", items));
      return;
    }
    Template template = parse(text.get(), clock);
    String body;
    try {
      body = template.render(data(items, clock.instant()));
    } catch (TemplateException e) {
      throw new ValidationException(
          "body_template failed on this batch: " + e.getMessage(),
          RestExportConnector.BODY_TEMPLATE,
          -1,
          e);
    }
    requireJson(body, mapper);
    request.body(body.getBytes(StandardCharsets.UTF_8), JSON);
  }

  private static Template parse(String text, Clock clock) {
    try {
      return TemplateEngine.builder().clock(clock).build().parse("body_template", text);
    } catch (TemplateParseException e) {
      throw new ConfigException(
          RestExportConnector.BODY_TEMPLATE, "body_template does not parse: " + e.getMessage(), e);
    }
  }

  static Map<String, Object> data(List<Object> items, Instant now) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("items", items);
    data.put("count", items.size());
    data.put("sent_at", now.toString());
    return data;
  }

  private static void requireJson(String body, ObjectMapper mapper) {
    try {
      mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw new ValidationException(
          "body_template rendered a body that is not JSON ("
              + e.getOriginalMessage()
              + " at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + "); print values with toJson",
          RestExportConnector.BODY_TEMPLATE,
          -1,
          null);
    }
  }

  /**
   * The template's problem, if it has one: it does not parse, or, rendered for a sample batch of
   * one item (its chosen fields all 0, which prints as valid JSON quoted or not), it fails or is
   * not JSON.
   */
  static Optional<CheckResult.Problem> check(
      ConnectorConfig config, boolean changes, ObjectMapper mapper) {
    Optional<String> text = config.optionalString(RestExportConnector.BODY_TEMPLATE);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      HttpRequest.Builder ignored = HttpRequest.post(java.net.URI.create("http://check.invalid/"));
      write(config, List.of(sample(config, changes)), Clock.systemUTC(), mapper, ignored);
      return Optional.empty();
    } catch (ConfigException e) {
      return Optional.of(
          new CheckResult.Problem(RestExportConnector.BODY_TEMPLATE, e.getMessage()));
    } catch (ValidationException e) {
      return Optional.of(
          new CheckResult.Problem(
              RestExportConnector.BODY_TEMPLATE,
              "rendered for a sample profile, " + e.getMessage()));
    }
  }

  private static Object sample(ConnectorConfig config, boolean changes) {
    Profile.Builder p =
        Profile.builder("sample-1")
            .identity("email", "sample@example.com")
            .audience("sample")
            .updatedAt(Instant.EPOCH);
    List<String> fields = config.list(RestExportConnector.FIELDS);
    fields.forEach(f -> p.field(f, 0));
    Profile profile = p.build();
    return changes
        ? ItemJson.change(AudienceChange.entered("sample", profile, Instant.EPOCH), fields)
        : ItemJson.profile(profile, fields);
  }
}

package dev.tributary.connectors.push;

import dev.tributary.core.ConfigException;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConfigField;
import dev.tributary.core.connector.ConfigFieldType;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.model.Profile;
import dev.tributary.templates.Template;
import dev.tributary.templates.TemplateEngine;
import dev.tributary.templates.TemplateException;
import dev.tributary.templates.TemplateLimits;
import dev.tributary.templates.TemplateParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The personalised alert of {@link PersonalizationPushConnector}: title, subtitle and body, each a
 * Go template ({@code Hey, {{ .first_name | default "there" }}}) over the fields the page may
 * learn: the surfaced {@code fields} and those named in {@code alert_fields}, never the rest of the
 * profile, since the rendered text goes to the browser too. A field outside both is a missing key
 * ({@code <no value>}, false in {@code if}). Templates are parsed once per text and kept; rendering
 * is capped at {@code max_alert_chars} per part. Thread-safe.
 */
final class AlertTemplates {
  private static final Logger log = LoggerFactory.getLogger(AlertTemplates.class);
  static final List<String> PARTS = List.of("title", "subtitle", "body");
  static final String ALERT_FIELDS = "alert_fields";
  private static final int MAX_CACHED = 256;

  private final Map<String, Template> parsed = new ConcurrentHashMap<>();
  private final Map<Long, TemplateEngine> engines = new ConcurrentHashMap<>();

  static List<ConfigField> configFields() {
    List<ConfigField> fields = new ArrayList<>();
    for (String part : PARTS) {
      fields.add(
          ConfigField.optional(
              "alert_" + part,
              ConfigFieldType.TEMPLATE,
              "The alert's "
                  + part
                  + ": a Go template over the surfaced fields and alert_fields; none by"
                  + " default.",
              null));
    }
    fields.add(
        ConfigField.optional(
            "max_alert_chars",
            ConfigFieldType.INTEGER,
            "The longest each rendered part may be; a longer one leaves the alert out.",
            "1000"));
    fields.add(
        ConfigField.optional(
            ALERT_FIELDS,
            ConfigFieldType.LIST,
            "More profile fields the alert templates may read without surfacing them (the"
                + " alert shows what it renders); none by default.",
            ""));
    return fields;
  }

  /**
   * Problems with the alert settings: a template that does not parse, a bad length limit, {@code *}
   * in {@code alert_fields}.
   */
  CheckResult check(ConnectorConfig config) {
    if (config.integer("max_alert_chars") < 1) {
      return CheckResult.problem("max_alert_chars", "must be at least 1");
    }
    if (config.list(ALERT_FIELDS).contains("*")) {
      return CheckResult.problem(
          ALERT_FIELDS,
          "name the fields one by one: * would let an alert read, and show, every field");
    }
    for (String part : PARTS) {
      try {
        template(config, part);
      } catch (ConfigException e) {
        return CheckResult.problem("alert_" + part, e.getMessage());
      }
    }
    return CheckResult.ok();
  }

  /**
   * The rendered alert, or empty when no alert template is configured or one failed to render for
   * this profile (a function given a missing field, as {@code upper} is; a limit): the page still
   * gets the fields and audiences.
   *
   * @throws ConfigException if a template does not parse
   */
  Optional<Map<String, String>> render(ConnectorConfig config, Profile profile) {
    Map<String, Object> data = readable(config, profile);
    Map<String, String> alert = new LinkedHashMap<>();
    for (String part : PARTS) {
      Optional<Template> template = template(config, part);
      if (template.isEmpty()) {
        continue;
      }
      try {
        alert.put(part, template.get().render(data));
      } catch (TemplateException e) {
        // The message may quote profile values: log only which part and profile failed.
        log.debug("alert {} not rendered for profile {}: {}", part, profile.id(), e.getClass());
        return Optional.empty();
      }
    }
    return alert.isEmpty() ? Optional.empty() : Optional.of(alert);
  }

  /**
   * The template data: the profile's values of the surfaced fields and {@code alert_fields}, and
   * nothing else of it — the rendered alert reaches the browser as the fields do.
   */
  private static Map<String, Object> readable(ConnectorConfig config, Profile profile) {
    Map<String, Object> data = new LinkedHashMap<>();
    for (List<String> names : List.of(config.list("fields"), config.list(ALERT_FIELDS))) {
      for (String name : names) {
        profile.field(name).ifPresent(value -> data.put(name, value));
      }
    }
    return data;
  }

  private Optional<Template> template(ConnectorConfig config, String part) {
    Optional<String> text = config.optionalString("alert_" + part);
    if (text.isEmpty() || text.get().isEmpty()) {
      return Optional.empty();
    }
    long maxChars = config.integer("max_alert_chars");
    String key = maxChars + "\u0000" + part + "\u0000" + text.get();
    Template cached = parsed.get(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    try {
      Template template = engine(maxChars).parse("alert_" + part, text.get());
      if (parsed.size() >= MAX_CACHED) {
        parsed.clear();
      }
      parsed.put(key, template);
      return Optional.of(template);
    } catch (TemplateParseException e) {
      throw new ConfigException(
          "alert_" + part, "alert_" + part + " is not a valid template: " + e.getMessage(), e);
    }
  }

  private TemplateEngine engine(long maxChars) {
    return engines.computeIfAbsent(
        maxChars,
        max ->
            TemplateEngine.builder()
                .limits(TemplateLimits.builder().maxOutputChars(max).build())
                .build());
  }
}

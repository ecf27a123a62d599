package dev.tributary.connectors.push;

import dev.tributary.connectors.internal.json.JsonCodec;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConfigField;
import dev.tributary.core.connector.ConfigFieldType;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.Frequency;
import dev.tributary.core.connector.IntegrationPattern;
import dev.tributary.core.connector.IntegrationType;
import dev.tributary.core.connector.PushConnector;
import dev.tributary.core.connector.ResultingData;
import dev.tributary.core.connector.Technique;
import dev.tributary.core.model.Profile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Push, server side: the JSON document a browser-side personalization tag fetches for the current
 * visitor —
 *
 * <pre>{@code
 * {"fields": {"first_name": "Ann", "plan": "pro"},
 *  "audiences": {"vip": true, "churn_risk": false},
 *  "alert": {"title": "Hey, Ann", "body": "Your pro plan renews soon"}}
 * }</pre>
 *
 * The optional alert's parts ({@code alert_title}, {@code alert_subtitle}, {@code alert_body}) are
 * Go templates, checked by {@link #check}, over the chosen fields and those named in {@code
 * alert_fields} — never the rest of the profile: a template naming any other field gets a missing
 * key ({@code <no value>}). A field in {@code alert_fields} is not surfaced, but whatever the alert
 * renders of it reaches the page. A profile for which a part fails to render (or exceeds {@code
 * max_alert_chars}) gets no {@code alert} key, only fields and audiences.
 *
 * <p>Only the chosen fields are surfaced (a field the profile lacks is left out), and the
 * membership of each chosen audience is {@code true} or {@code false}, so the tag needs no list of
 * its own. The document goes to a browser: choose nothing a visitor must not see.
 *
 * <p>Stateless and thread-safe.
 */
public final class PersonalizationPushConnector implements PushConnector {
  /** What this connector is; listed in {@code ConnectorCatalogue}. */
  public static final ConnectorDescriptor DESCRIPTOR =
      ConnectorDescriptor.builder("personalization-push")
          .name("Personalization push")
          .description(
              "Surfaces chosen profile fields and audience memberships as the JSON document a"
                  + " browser-side personalization tag fetches for the current visitor, with an"
                  + " optional alert rendered from templates that see only the chosen fields"
                  + " (and alert_fields).")
          .type(IntegrationType.CLIENT_SIDE)
          .patterns(IntegrationPattern.PUSH)
          .techniques(Technique.REST_API)
          .frequencies(Frequency.REAL_TIME)
          .resultingData(ResultingData.USER_FIELDS)
          .config(
              ConfigField.optional(
                  "fields",
                  ConfigFieldType.LIST,
                  "Profile fields the page may see; none by default.",
                  ""))
          .config(
              ConfigField.optional(
                  "audiences",
                  ConfigFieldType.LIST,
                  "Audiences whose membership the page may see; none by default.",
                  ""))
          .configAll(AlertTemplates.configFields())
          .build();

  private final AlertTemplates alerts = new AlertTemplates();

  private PersonalizationPushConnector() {}

  public static PersonalizationPushConnector create() {
    return new PersonalizationPushConnector();
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public CheckResult check(ConnectorContext context) {
    CheckResult base = PushConnector.super.check(context);
    if (!base.isOk()) {
      return base;
    }
    if (context.config().list("fields").contains("*")) {
      return CheckResult.problem(
          "fields", "name the fields the page may see one by one: * would show every field");
    }
    return alerts.check(context.config());
  }

  /**
   * The document for {@code profile}.
   *
   * @throws dev.tributary.core.ValidationException naming a chosen field whose value JSON cannot
   *     carry
   * @throws dev.tributary.core.ConfigException if an alert template does not parse
   */
  @Override
  public Map<String, Object> surface(ConnectorContext context, Profile profile) {
    Objects.requireNonNull(profile, "profile");
    ConnectorConfig config = context.config();
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("fields", fields(profile, config.list("fields")));
    doc.put("audiences", audiences(profile, config.list("audiences")));
    alerts.render(config, profile).ifPresent(alert -> doc.put("alert", alert));
    return doc;
  }

  private static Map<String, Object> fields(Profile profile, List<String> chosen) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (String name : chosen) {
      profile
          .field(name)
          .ifPresent(
              value -> fields.put(name, Objects.requireNonNull(JsonCodec.jsonReady(value, name))));
    }
    return fields;
  }

  private static Map<String, Object> audiences(Profile profile, List<String> chosen) {
    Map<String, Object> audiences = new LinkedHashMap<>();
    for (String audience : chosen) {
      audiences.put(audience, profile.audiences().contains(audience));
    }
    return audiences;
  }

  @Override
  public String toString() {
    return "PersonalizationPushConnector";
  }
}

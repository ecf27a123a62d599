package dev.tributary.connectors.personalization;

import dev.tributary.connectors.push.PersonalizationPushConnector;
import dev.tributary.core.ConfigException;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConfigField;
import dev.tributary.core.connector.ConfigFieldType;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.Frequency;
import dev.tributary.core.connector.IntegrationPattern;
import dev.tributary.core.connector.IntegrationType;
import dev.tributary.core.connector.PushConnector;
import dev.tributary.core.connector.ResultingData;
import dev.tributary.core.connector.Technique;
import dev.tributary.core.identity.ProfileStore;
import dev.tributary.core.model.Profile;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Push for a browser-side personalization tag: the versioned JSON document the tag fetches for the
 * current visitor, built on the generic {@link PersonalizationPushConnector} (chosen fields,
 * audience memberships, an alert rendered from Go templates) and wrapped in an envelope the tag can
 * rely on:
 *
 * <pre>{@code
 * {"v": 1, "status": "known", "ttl": 60,
 *  "fields": {"first_name": "Ann", "plan": "pro"},
 *  "audiences": {"vip": true, "churn_risk": false},
 *  "alert": {"title": "Hey, Ann", "body": "Your pro plan renews soon"}}
 * }</pre>
 *
 * {@code status} is {@code known}, {@code unknown} (an identity was given, no profile has it) or
 * {@code anonymous} (no identity): the two last have empty {@code fields}, every chosen audience
 * {@code false} and no {@code alert}, so a tag needs one code path. Nothing else of the profile
 * reaches the page: the generic connector's alert templates see only the surfaced fields and those
 * named in {@code alert_fields}, never the rest of the profile. The full contract — keys, statuses,
 * errors, versioning, cache and CORS headers — is in the guide ("Personalization tag"); {@link
 * #handler} serves it.
 *
 * <p>Stateless and thread-safe.
 */
public final class PersonalizationTagConnector implements PushConnector {
  /** The envelope's version, {@code v}: additive changes keep it, breaking ones raise it. */
  public static final int VERSION = 1;

  static final String IDENTITIES = "identities";
  static final String ALLOWED_ORIGINS = "allowed_origins";
  static final String MAX_AGE = "max_age_seconds";

  /** The descriptor: the generic push connector's settings and the tag's own. */
  public static final ConnectorDescriptor DESCRIPTOR =
      describe(PersonalizationPushConnector.create().descriptor());

  private final PersonalizationPushConnector generic = PersonalizationPushConnector.create();

  private PersonalizationTagConnector() {}

  public static PersonalizationTagConnector create() {
    return new PersonalizationTagConnector();
  }

  private static ConnectorDescriptor describe(ConnectorDescriptor generic) {
    return ConnectorDescriptor.builder("personalization-tag")
        .name("Personalization tag")
        .description(
            "Answers a browser-side personalization tag with a versioned JSON document for the"
                + " current visitor — chosen profile fields, audience memberships and an alert"
                + " rendered from templates — found by an identity from the request, with cache"
                + " and CORS headers. No vendor API is involved: the document and its headers are"
                + " Tributary's own contract (v1). Uncertain: browsers increasingly drop cookies"
                + " on cross-site requests (Safari ITP, Firefox, Chrome's third-party cookie"
                + " rules), so a cookie identity is reliable only when the endpoint is served"
                + " from the site's own domain; alerts see only the surfaced fields (and"
                + " alert_fields).")
        .type(IntegrationType.CLIENT_SIDE)
        .patterns(IntegrationPattern.PUSH)
        .techniques(Technique.REST_API)
        .frequencies(Frequency.REAL_TIME)
        .resultingData(ResultingData.USER_FIELDS)
        .configAll(generic.configuration())
        .config(
            ConfigField.optional(
                IDENTITIES,
                ConfigFieldType.LIST,
                "Where the visitor's identity is, first tried first: kind=query:<parameter>,"
                    + " kind=cookie:<name> or kind=header:<name>.",
                "user_id=query:user_id"))
        .config(
            ConfigField.optional(
                ALLOWED_ORIGINS,
                ConfigFieldType.LIST,
                "Origins (scheme://host[:port]) whose pages may read the document cross-origin;"
                    + " none: same origin only.",
                ""))
        .config(
            ConfigField.optional(
                MAX_AGE,
                ConfigFieldType.INTEGER,
                "Seconds a browser may reuse the document (Cache-Control: private, max-age); 0"
                    + " sends no-store.",
                "0"))
        .build();
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
    TagSettings s;
    try {
      s = settings(context);
    } catch (ConfigException e) {
      return CheckResult.problem(e.setting().orElse(IDENTITIES), e.getMessage());
    }
    return generic.check(derived(context, s));
  }

  /**
   * The document for a visitor whose profile was found: {@code status} {@code known}.
   *
   * @throws dev.tributary.core.ValidationException naming a chosen field JSON cannot carry
   * @throws ConfigException if the settings or an alert template are not valid
   */
  @Override
  public Map<String, Object> surface(ConnectorContext context, Profile profile) {
    Objects.requireNonNull(profile, "profile");
    TagSettings s = settings(context);
    return surface(derived(context, s), s, profile);
  }

  /** The known visitor's document from settings parsed once ({@code derived}: the generic's). */
  Map<String, Object> surface(ConnectorContext derived, TagSettings s, Profile profile) {
    Map<String, Object> inner = generic.surface(derived, profile);
    Map<String, Object> doc = envelope("known", s);
    doc.putAll(inner);
    return doc;
  }

  /**
   * The document for a visitor without a profile: {@code status} {@code unknown} or {@code
   * anonymous}, no fields, every chosen audience {@code false}, no alert.
   */
  public Map<String, Object> surfaceUnknown(ConnectorContext context, boolean identified) {
    return surfaceUnknown(settings(context), identified);
  }

  static Map<String, Object> surfaceUnknown(TagSettings s, boolean identified) {
    Map<String, Object> doc = envelope(identified ? "unknown" : "anonymous", s);
    doc.put("fields", Map.of());
    Map<String, Object> audiences = new LinkedHashMap<>();
    s.audiences().forEach(a -> audiences.put(a, false));
    doc.put("audiences", audiences);
    return doc;
  }

  private static Map<String, Object> envelope(String status, TagSettings s) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("v", VERSION);
    doc.put("status", status);
    doc.put("ttl", s.maxAgeSeconds());
    return doc;
  }

  /**
   * A request handler serving this connector's document, finding visitors in {@code store}; the
   * builder takes the identity normalisers and, optionally, an identity source of the host's.
   */
  public PersonalizationTagHandler.Builder handler(ConnectorContext context, ProfileStore store) {
    return PersonalizationTagHandler.builder(this, context, store);
  }

  TagSettings settings(ConnectorContext context) {
    return TagSettings.of(context.config(), generic.descriptor());
  }

  static ConnectorContext derived(ConnectorContext context, TagSettings s) {
    return new ConnectorContext(
        s.generic(), context.authorization(), context.clock(), context.reporter());
  }

  @Override
  public String toString() {
    return "PersonalizationTagConnector";
  }
}

package dev.tributary.connectors.fullcontact;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.connectors.http.HttpRequest;
import dev.tributary.connectors.http.HttpResponse;
import dev.tributary.connectors.http.HttpSettings;
import dev.tributary.connectors.http.HttpTransport;
import dev.tributary.connectors.internal.ConfigProblems;
import dev.tributary.connectors.internal.EnrichmentLookups;
import dev.tributary.core.ConfigException;
import dev.tributary.core.ValidationException;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.EnrichmentConnector;
import dev.tributary.core.connector.EnrichmentResult;
import dev.tributary.core.connector.RateLimit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FullContact Person Enrich ({@code POST https://api.fullcontact.com/v3/person.enrich}): looks a
 * known user up by e-mail and phone (the multi-field request's {@code emails} and {@code phones})
 * and maps the person FullContact returns to user fields, {@link #DEFAULT_FIELDS} unless {@value
 * #FIELDS} says otherwise. The API key is a {@code BearerToken} ({@code Authorization: Bearer}).
 *
 * <ul>
 *   <li>200: the person, mapped; a person without any mapped value counts as not found.
 *   <li>202: FullContact is searching ("queued"): asked again after {@code Retry-After}, else after
 *       {@value #QUEUED_RETRY_AFTER}. 202s are not billed. Webhook delivery ({@code webhookUrl}) is
 *       not used: its callbacks are unsigned and would need an inbound endpoint.
 *   <li>404: searched in the past 24 hours, nothing found: not found.
 *   <li>400, 422: this user's request is malformed: a {@code VALIDATION} failure of the user.
 *   <li>401, 403: an invalid key, or a plan whose quota is used up: a {@code CONFIG} error that
 *       stops the run. 429 and 5xx: {@code TRANSIENT} for this user (FullContact already delays a
 *       429 by its maximum rate-limit latency, so the runtime's backoff is enough).
 * </ul>
 *
 * The rate limit defaults to FullContact's documented 6,000 requests a minute; the {@code
 * X-FullContact-RateDelay} header (how long FullContact held a request back to keep a plan's limit)
 * is logged at DEBUG, as a hint to lower {@code rate_limit_requests}. The legacy {@code
 * X-Rate-Limit-*} headers carry static values and are ignored. One request per user ({@link
 * #maxBatchSize()} is 1). Immutable and thread-safe.
 */
public final class FullContactEnrichmentConnector implements EnrichmentConnector {
  public static final String IDENTIFIERS = "identifiers";
  public static final String FIELDS = "fields";
  public static final String DATA_FILTER = "data_filter";
  public static final String CONFIDENCE_LEVEL = "confidence";
  public static final String QUEUED_RETRY_AFTER = "queued_retry_after";

  /**
   * The user fields a found person fills unless {@value #FIELDS} is set: target field to JSON
   * pointer into the Person Enrich answer. Insights Bundles (under {@code /details}) are mapped by
   * naming them in {@value #FIELDS}, such as {@code household=/details/household}.
   */
  public static final Map<String, String> DEFAULT_FIELDS = defaultFields();

  /**
   * What this connector is, does and needs; the user guide's catalogue is built from it. Declared
   * after {@link #DEFAULT_FIELDS}, which it lists.
   */
  public static final ConnectorDescriptor DESCRIPTOR = FullContactDescriptor.DESCRIPTOR;

  private static final Logger log = LoggerFactory.getLogger(FullContactEnrichmentConnector.class);

  private final HttpTransport transport;

  private FullContactEnrichmentConnector(HttpTransport transport) {
    this.transport = transport;
  }

  /** A connector on a transport of its own. */
  public static FullContactEnrichmentConnector create() {
    return create(HttpTransport.create());
  }

  /** A connector on {@code transport}. */
  public static FullContactEnrichmentConnector create(HttpTransport transport) {
    return new FullContactEnrichmentConnector(Objects.requireNonNull(transport, "transport"));
  }

  private static Map<String, String> defaultFields() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("full_name", "/fullName");
    f.put("first_name", "/details/name/given");
    f.put("last_name", "/details/name/family");
    f.put("age_range", "/ageRange");
    f.put("gender", "/gender");
    f.put("location", "/location");
    f.put("job_title", "/title");
    f.put("organization", "/organization");
    f.put("twitter", "/twitter");
    f.put("linkedin", "/linkedin");
    f.put("bio", "/bio");
    f.put("avatar", "/avatar");
    f.put("website", "/website");
    return java.util.Collections.unmodifiableMap(f);
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** One user per request: Person Enrich takes one person. */
  @Override
  public int maxBatchSize() {
    return 1;
  }

  @Override
  public RateLimit rateLimit(ConnectorConfig config) {
    return HttpSettings.rateLimit(config);
  }

  /**
   * Looks each user up, one request per user. Throws only for failures of the credential ({@code
   * CONFIG}); anything else is the user's {@code FAILED} result.
   */
  @Override
  public List<EnrichmentResult> enrich(
      ConnectorContext context, List<Map<String, String>> identities) {
    FullContactSettings s = FullContactSettings.of(context.config());
    List<EnrichmentResult> results = new ArrayList<>(identities.size());
    for (int i = 0; i < identities.size(); i++) {
      results.add(lookup(context, s, i, identities.get(i)));
    }
    return results;
  }

  private EnrichmentResult lookup(
      ConnectorContext context, FullContactSettings s, int index, Map<String, String> identities) {
    Map<String, Object> body = s.body(identities);
    if (body == null) {
      return EnrichmentResult.failed(
          index, EnrichmentLookups.noIdentifier(s.identifiers(), IDENTIFIERS));
    }
    HttpRequest.Builder request = HttpRequest.post(s.endpoint()).json(body);
    HttpSettings.withHeaders(request, context.config());
    HttpResponse response = transport.exchange(context, request.build());
    response.header("X-FullContact-RateDelay").ifPresent(FullContactEnrichmentConnector::delayed);
    return switch (response.status()) {
      case 200 -> EnrichmentLookups.found(index, response.json(), s.fields()::apply);
      case 202 ->
          EnrichmentResult.queued(
              index, EnrichmentLookups.retryAfter(response, context.clock(), s.queuedRetryAfter()));
      case 404, 204 -> EnrichmentResult.notFound(index);
      case 401, 403 -> throw refused(response);
      default -> failed(index, response);
    };
  }

  private static EnrichmentResult failed(int index, HttpResponse response) {
    int status = response.status();
    if (status == 400 || status == 422) {
      return EnrichmentResult.failed(
          index,
          new ValidationException(
              "FullContact refused the lookup (HTTP "
                  + status
                  + "): "
                  + message(response, "the request was malformed")));
    }
    if (status < 400) { // another 2xx or 3xx: nothing we know how to read
      return EnrichmentResult.failed(
          index, new ValidationException("FullContact answered HTTP " + status + " to the lookup"));
    }
    return EnrichmentLookups.failed(index, response);
  }

  private static ConfigException refused(HttpResponse response) {
    return new ConfigException(
        "authorization",
        "FullContact refused the API key (HTTP "
            + response.status()
            + " from "
            + response.request()
            + "): "
            + message(response, "no message")
            + "; check the key, and whether the plan's match or rate-limit quota is used up",
        response.toException());
  }

  /** FullContact's {@code message} field, made fit for an exception message. */
  private static String message(HttpResponse response, String otherwise) {
    try {
      JsonNode message = response.json().path("message");
      return message.isTextual() ? response.excerpt(message.asText()) : otherwise;
    } catch (ConfigException notJson) {
      return otherwise;
    }
  }

  private static void delayed(String header) {
    try {
      long millis = Long.parseLong(header.strip());
      if (millis > 0) {
        log.debug("FullContact delayed a request by {} ms to keep the plan's rate limit", millis);
      }
    } catch (NumberFormatException ignored) {
      // not the documented number of milliseconds: nothing to say
    }
  }

  /** Checks the settings and the kind of credential; looks nobody up (lookups are billed). */
  @Override
  public CheckResult check(ConnectorContext context) {
    List<CheckResult.Problem> problems = new ArrayList<>();
    ConfigProblems.collect(problems, IDENTIFIERS, () -> FullContactSettings.of(context.config()));
    return HttpSettings.check(this, transport, context, problems);
  }

  @Override
  public String toString() {
    return "FullContactEnrichmentConnector[" + transport + "]";
  }
}

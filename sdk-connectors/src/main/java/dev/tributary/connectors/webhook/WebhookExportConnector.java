package dev.tributary.connectors.webhook;

import dev.tributary.connectors.internal.json.JsonCodec;
import dev.tributary.core.ConfigException;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import dev.tributary.core.ValidationException;
import dev.tributary.core.auth.HmacSigningSecret;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConfigField;
import dev.tributary.core.connector.ConfigFieldType;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.ExportConnector;
import dev.tributary.core.connector.Frequency;
import dev.tributary.core.connector.IntegrationPattern;
import dev.tributary.core.connector.IntegrationType;
import dev.tributary.core.connector.ItemResult;
import dev.tributary.core.connector.ResultingData;
import dev.tributary.core.connector.Technique;
import dev.tributary.core.model.AudienceChange;
import dev.tributary.core.retry.HttpStatusPolicy;
import dev.tributary.core.trigger.Trigger;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Webhooks out: each audience change (a user entered or exited an audience, or a chosen field of a
 * member changed) is POSTed as one JSON document ({@link WebhookPayload}) to a URL, signed with
 * HMAC-SHA256 over the timestamp and the body ({@link WebhookSignature}). Driven by a {@link
 * Trigger} through the runtime's {@code TriggeredJob}, which micro-batches, retries and
 * rate-limits; {@link #trigger(ConnectorConfig)} builds that trigger from the configuration, so the
 * choice of audiences and of the field changes that also trigger lives in one place.
 *
 * <p>One attempt per change per call, in batch order. The first failure that is not about the item
 * itself (429, 5xx, a timeout, 401) stops the batch: the items after it are reported "not sent",
 * retryable with the same {@code Retry-After}, so the runtime waits once and then resends them in
 * order; a receiver that is rate-limiting is not hammered by the rest of the batch. A {@code
 * VALIDATION} answer (400, 404, 413, 422, …) rejects only its item. A retry is signed afresh, and
 * carries the same {@value WebhookSignature#EVENT_ID_HEADER}.
 *
 * <p>Thread-safe; share one instance (it holds one HTTP client and its connection pool, which need
 * no closing: idle connections time out).
 */
public final class WebhookExportConnector implements ExportConnector<AudienceChange> {
  static final int MIN_SECRET_LENGTH = 16;

  /** What this connector is; listed in {@code ConnectorCatalogue}. */
  public static final ConnectorDescriptor DESCRIPTOR =
      ConnectorDescriptor.builder("webhook-export")
          .name("Webhooks out")
          .description(
              "Sends audience entries, exits and changes of chosen fields, with the user's chosen"
                  + " fields, as signed JSON webhooks (HMAC-SHA256 over timestamp and body) to a"
                  + " URL, in real time, with retries.")
          .type(IntegrationType.SERVER_TO_SERVER)
          .patterns(IntegrationPattern.EXPORT)
          .techniques(Technique.WEBHOOK, Technique.AUDIENCE_TRIGGER)
          .frequencies(Frequency.REAL_TIME, Frequency.NEAR_REAL_TIME, Frequency.BACKFILL)
          .resultingData(ResultingData.USER_FIELDS)
          .config(ConfigField.required("url", ConfigFieldType.URL, "The https URL to POST to."))
          .config(
              ConfigField.required(
                  "audiences", ConfigFieldType.LIST, "The audiences whose changes are sent."))
          .config(
              ConfigField.optional(
                  "fields",
                  ConfigFieldType.LIST,
                  "User fields to send with each change; * for all of them.",
                  ""))
          .config(
              ConfigField.optional(
                  "identities",
                  ConfigFieldType.LIST,
                  "Identities to send (email, user_id, ...); * for all of them.",
                  "*"))
          .config(
              ConfigField.optional(
                  "trigger_fields",
                  ConfigFieldType.LIST,
                  "Fields whose changes also send a webhook for a member; none by default.",
                  ""))
          .config(
              ConfigField.optional(
                  "backfill",
                  ConfigFieldType.BOOLEAN,
                  "Send every current member as entered before the live changes.",
                  "false"))
          .config(
              ConfigField.optional(
                  "max_delay",
                  ConfigFieldType.DURATION,
                  "How long a change may wait to be batched with others.",
                  "5s"))
          .config(
              ConfigField.optional(
                  "timeout",
                  ConfigFieldType.DURATION,
                  "How long one request may take, connecting included.",
                  "30s"))
          .config(
              ConfigField.optional(
                  "allow_http",
                  ConfigFieldType.BOOLEAN,
                  "Allow a plain http URL to another machine (personal data then travels"
                      + " unencrypted).",
                  "false"))
          .accepts(HmacSigningSecret.class)
          .build();

  private final WebhookPoster poster;

  private WebhookExportConnector(HttpStatusPolicy statuses) {
    this.poster = new WebhookPoster(statuses);
  }

  /** A connector with the default HTTP status classification. */
  public static WebhookExportConnector create() {
    return new WebhookExportConnector(HttpStatusPolicy.defaults());
  }

  /** A connector for a receiver whose statuses mean something else, e.g. 404 while warming up. */
  public static WebhookExportConnector create(HttpStatusPolicy statuses) {
    return new WebhookExportConnector(Objects.requireNonNull(statuses, "statuses"));
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /**
   * The trigger this configuration asks for: entries and exits of {@code audiences}, changes of
   * {@code trigger_fields}, {@code backfill}, flushing after {@code max_delay}.
   */
  public Trigger trigger(ConnectorConfig config) {
    List<String> audiences = config.list("audiences");
    Trigger.Builder b =
        Trigger.onAudiences(audiences.toArray(String[]::new))
            .backfill(config.bool("backfill"))
            .maxDelay(config.duration("max_delay"));
    List<String> watched = config.list("trigger_fields");
    if (!watched.isEmpty()) {
      b.watchFields(watched.toArray(String[]::new));
    }
    return b.build();
  }

  @Override
  public CheckResult check(ConnectorContext context) {
    CheckResult base = ExportConnector.super.check(context);
    if (!base.isOk()) {
      return base;
    }
    List<CheckResult.Problem> problems = new ArrayList<>();
    int length = ((HmacSigningSecret) context.authorization()).secret().reveal().length();
    if (length < MIN_SECRET_LENGTH) {
      problems.add(
          new CheckResult.Problem(
              "authorization",
              "the signing secret has "
                  + length
                  + " characters; use at least "
                  + MIN_SECRET_LENGTH
                  + " random ones (32 or more is better)"));
    }
    String urlProblem = urlProblem(context.config());
    if (urlProblem != null) {
      problems.add(new CheckResult.Problem("url", urlProblem));
    }
    if (context.config().list("audiences").isEmpty()) {
      problems.add(new CheckResult.Problem("audiences", "name at least one audience"));
    }
    return new CheckResult(problems);
  }

  private static @Nullable String urlProblem(ConnectorConfig config) {
    URI url = config.url("url");
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return "webhooks go to an http or https URL, not " + scheme;
    }
    if (url.getHost() == null) {
      return "the URL has no host: " + url;
    }
    if (scheme.equals("http") && !config.bool("allow_http") && !isLoopback(url.getHost())) {
      return "use https: webhooks carry personal data (or set allow_http to true)";
    }
    return null;
  }

  private static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!host.matches("[0-9.]+|\\[[0-9a-fA-F:]+\\]")) {
      return false; // a name: do not resolve it here
    }
    try {
      return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  @Override
  public BatchResult write(ConnectorContext context, List<AudienceChange> batch) {
    if (!(context.authorization() instanceof HmacSigningSecret hmac)) {
      throw new ConfigException(
          "authorization",
          "webhooks out are signed: give an HMAC signing secret, not a "
              + context.authorization().kind(),
          null);
    }
    ConnectorConfig config = context.config();
    URI url = config.url("url");
    WebhookPayload.Selection identities = WebhookPayload.Selection.of(config.list("identities"));
    WebhookPayload.Selection fields = WebhookPayload.Selection.of(config.list("fields"));
    List<ItemResult> results = new ArrayList<>(batch.size());
    TributaryException blocking = null;
    for (int i = 0; i < batch.size(); i++) {
      if (blocking == null && context.reporter().stopRequested()) {
        blocking = new TransientException("the run is stopping");
      }
      if (blocking != null) {
        results.add(ItemResult.failed(i, notSent(blocking)));
        continue;
      }
      TributaryException error =
          send(context, url, hmac.secret(), batch.get(i), identities, fields);
      results.add(error == null ? ItemResult.ok(i) : ItemResult.failed(i, error));
      if (error != null && error.errorClass() != ErrorClass.VALIDATION) {
        blocking = error;
      }
    }
    return new BatchResult(results);
  }

  private @Nullable TributaryException send(
      ConnectorContext context,
      URI url,
      Secret secret,
      AudienceChange change,
      WebhookPayload.Selection identities,
      WebhookPayload.Selection fields) {
    byte[] body;
    try {
      body = JsonCodec.write(WebhookPayload.of(change, identities, fields));
    } catch (ValidationException e) {
      return e;
    }
    String id = WebhookPayload.eventId(change);
    return poster.post(context, url, context.config().duration("timeout"), secret, id, body);
  }

  private static TransientException notSent(TributaryException cause) {
    return new TransientException(
        "not sent: an earlier webhook of this batch failed (" + cause.getMessage() + ")",
        cause.retryAfter().orElse(null),
        null);
  }

  @Override
  public String toString() {
    return "WebhookExportConnector";
  }
}

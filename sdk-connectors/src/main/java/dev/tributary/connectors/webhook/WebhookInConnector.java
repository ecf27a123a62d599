package dev.tributary.connectors.webhook;

import dev.tributary.connectors.internal.ConfigProblems;
import dev.tributary.core.ConfigException;
import dev.tributary.core.auth.HmacSigningSecret;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.ConfigField;
import dev.tributary.core.connector.ConfigFieldType;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.Frequency;
import dev.tributary.core.connector.ImportConnector;
import dev.tributary.core.connector.IntegrationPattern;
import dev.tributary.core.connector.IntegrationType;
import dev.tributary.core.connector.Page;
import dev.tributary.core.connector.ResultingData;
import dev.tributary.core.connector.Technique;
import dev.tributary.core.model.Event;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Webhooks in, as a connector: {@link #receiver(ConnectorContext)} builds the {@link
 * WebhookReceiver} a host mounts on its HTTP server, configured from this connector's settings and
 * verifying with its HMAC secret; verified events go to a {@link WebhookInbox}, and an import job
 * ({@code Job.importing}) {@linkplain #read reads} them from there, in order and checkpointed, into
 * the host's sink (field mapping, identity resolution). Hosts that want the events directly build a
 * {@link WebhookReceiver} with their own {@link WebhookSink} instead.
 *
 * <p>Thread-safe; one instance per inbox.
 */
public final class WebhookInConnector implements ImportConnector<Event> {
  /** What this connector is; listed in {@code ConnectorCatalogue}. */
  public static final ConnectorDescriptor DESCRIPTOR =
      ConnectorDescriptor.builder("webhook-import")
          .name("Webhooks in")
          .description(
              "A collection endpoint for third-party webhooks: verifies the HMAC-SHA256 signature"
                  + " and timestamp, refuses replays, keeps each JSON payload as a raw event and"
                  + " imports the events in order.")
          .type(IntegrationType.SERVER_TO_SERVER)
          .patterns(IntegrationPattern.IMPORT)
          .techniques(Technique.WEBHOOK)
          .frequencies(Frequency.REAL_TIME)
          .resultingData(ResultingData.RAW_EVENTS)
          .config(
              opt(
                  "tolerance",
                  ConfigFieldType.DURATION,
                  "How far the signed time may be from now.",
                  "5m"))
          .config(
              opt(
                  "max_body_bytes",
                  ConfigFieldType.INTEGER,
                  "The largest body accepted.",
                  "1048576"))
          .config(
              opt(
                  "max_events",
                  ConfigFieldType.INTEGER,
                  "The most events in one JSON array.",
                  "1000"))
          .config(
              opt(
                  "replay_memory",
                  ConfigFieldType.INTEGER,
                  "Recent signatures and event IDs remembered to drop re-sent webhooks; 0 for none.",
                  "10000"))
          .config(
              opt(
                  "signature_header",
                  ConfigFieldType.STRING,
                  "The header with t=...,v1=...; Stripe-Signature for Stripe.",
                  WebhookSignature.SIGNATURE_HEADER))
          .config(
              opt(
                  "event_id_header",
                  ConfigFieldType.STRING,
                  "The header with the event's ID, for dropping re-sent webhooks.",
                  WebhookSignature.EVENT_ID_HEADER))
          .config(
              opt("event_name_path", ConfigFieldType.STRING, "Where each event's name is.", "type"))
          .config(
              opt(
                  "default_event_name",
                  ConfigFieldType.STRING,
                  "The name of events that carry none.",
                  "webhook"))
          .config(
              opt(
                  "timestamp_path",
                  ConfigFieldType.STRING,
                  "Where each event's time is (ISO-8601 or epoch seconds).",
                  "occurred_at"))
          .config(
              opt(
                  "identities_path",
                  ConfigFieldType.STRING,
                  "An object holding the user's identities by kind.",
                  "user.identities"))
          .config(
              opt(
                  "identity_paths",
                  ConfigFieldType.LIST,
                  "More identities as kind=path, such as email=data.object.email.",
                  ""))
          .config(opt("page_size", ConfigFieldType.INTEGER, "Events per imported page.", "500"))
          .accepts(HmacSigningSecret.class)
          .build();

  private final WebhookInbox inbox;

  private WebhookInConnector(WebhookInbox inbox) {
    this.inbox = inbox;
  }

  /** A connector whose receiver appends to, and whose import reads from, {@code inbox}. */
  public static WebhookInConnector create(WebhookInbox inbox) {
    return new WebhookInConnector(Objects.requireNonNull(inbox, "inbox"));
  }

  private static ConfigField opt(String name, ConfigFieldType type, String text, String value) {
    return ConfigField.optional(name, type, text, value);
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public CheckResult check(ConnectorContext context) {
    CheckResult base = ImportConnector.super.check(context);
    if (!base.isOk()) {
      return base;
    }
    List<CheckResult.Problem> problems = new ArrayList<>();
    int length = ((HmacSigningSecret) context.authorization()).secret().reveal().length();
    if (length < WebhookExportConnector.MIN_SECRET_LENGTH) {
      problems.add(
          new CheckResult.Problem(
              "authorization",
              "the signing secret has "
                  + length
                  + " characters; senders should use at least "
                  + WebhookExportConnector.MIN_SECRET_LENGTH));
    }
    ConfigProblems.collect(problems, "configuration", () -> receiver(context));
    return new CheckResult(problems);
  }

  /**
   * The handler to mount, configured from {@code context} and appending to the inbox.
   *
   * @throws ConfigException naming the setting when a value is out of range
   */
  public WebhookReceiver receiver(ConnectorContext context) {
    if (!(context.authorization() instanceof HmacSigningSecret secret)) {
      throw new ConfigException(
          "authorization", "webhooks in are verified with an HMAC signing secret", null);
    }
    ConnectorConfig c = context.config();
    WebhookReceiver.Builder b = WebhookReceiver.builder(secret, inbox).clock(context.clock());
    try {
      b.tolerance(c.duration("tolerance"))
          .maxBodyBytes(Math.toIntExact(positive(c, "max_body_bytes")))
          .maxEvents(Math.toIntExact(positive(c, "max_events")))
          .replayMemory(Math.toIntExact(c.integer("replay_memory")))
          .headers(c.string("signature_header"), c.string("event_id_header"))
          .eventName(c.string("event_name_path"), c.string("default_event_name"))
          .timestamp(c.string("timestamp_path"))
          .identitiesFrom(c.optionalString("identities_path").orElse(""));
      identityPaths(c).forEach(b::identity);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new ConfigException("configuration", "webhooks in: " + e.getMessage(), e);
    }
    return b.build();
  }

  private static long positive(ConnectorConfig c, String name) {
    long value = c.integer(name);
    if (value < 1) {
      throw new ConfigException(name, "\"" + name + "\" must be at least 1, not " + value, null);
    }
    return value;
  }

  private static Map<String, String> identityPaths(ConnectorConfig c) {
    Map<String, String> paths = new LinkedHashMap<>();
    for (String entry : c.list("identity_paths")) {
      int eq = entry.indexOf('=');
      if (eq < 1 || eq == entry.length() - 1) {
        throw new ConfigException(
            "identity_paths", "identity_paths entries are kind=path, not \"" + entry + "\"", null);
      }
      paths.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
    }
    return paths;
  }

  /** The verified events from {@code from} on, at most {@code page_size}. */
  @Override
  public Page<Event> read(ConnectorContext context, Checkpoint from) {
    return inbox.read(from, Math.toIntExact(positive(context.config(), "page_size")));
  }

  @Override
  public String toString() {
    return "WebhookInConnector[" + inbox + "]";
  }
}

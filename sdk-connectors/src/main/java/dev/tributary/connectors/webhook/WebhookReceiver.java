package dev.tributary.connectors.webhook;

import dev.tributary.core.TributaryException;
import dev.tributary.core.ValidationException;
import dev.tributary.core.auth.HmacSigningSecret;
import dev.tributary.core.auth.Secret;
import dev.tributary.core.model.Event;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhooks in: a handler a host mounts on any HTTP server. It takes the method, headers and raw
 * body of a request and says what to answer; it never touches a socket. In order it checks:
 *
 * <table>
 *   <caption>Answers</caption>
 *   <tr><th>status</th><th>{@code error}</th><th>when</th></tr>
 *   <tr><td>405</td><td>{@code method_not_allowed}</td><td>not a POST</td></tr>
 *   <tr><td>413</td><td>{@code payload_too_large}</td><td>body over {@link
 *       Builder#maxBodyBytes}, or more than {@link Builder#maxEvents} events</td></tr>
 *   <tr><td>415</td><td>{@code unsupported_media_type}</td><td>not {@code application/json}
 *       (or {@code +json}) in UTF-8</td></tr>
 *   <tr><td>401</td><td>{@code missing_signature}, {@code malformed_signature}, {@code
 *       bad_signature}</td><td>the signature header is absent, unreadable, or matches no
 *       secret</td></tr>
 *   <tr><td>401</td><td>{@code timestamp_out_of_tolerance}</td><td>signed more than the
 *       tolerance away from now: a replay, or a sender whose clock is wrong (not 408: re-sending
 *       the same stale request cannot succeed)</td></tr>
 *   <tr><td>200</td><td>(none: {@code {"accepted":0,"duplicate":true}})</td><td>the same
 *       signature or event ID was accepted within the replay window: nothing is stored again</td></tr>
 *   <tr><td>400</td><td>{@code malformed_json}, {@code invalid_event}</td><td>not JSON, not an
 *       object or array of objects, or a name or time of the wrong form; nothing is stored</td></tr>
 *   <tr><td>400</td><td>{@code rejected}</td><td>the sink refused the events for good</td></tr>
 *   <tr><td>503</td><td>{@code unavailable}</td><td>the sink failed: the sender should retry
 *       (with {@code Retry-After} when the sink said)</td></tr>
 *   <tr><td>200</td><td>(none: {@code {"accepted":n}})</td><td>the sink took all n events</td></tr>
 * </table>
 *
 * The signature is checked over the raw bytes before any parsing. Nothing valid is lost: 2xx is
 * answered only after the {@link WebhookSink} returned, and a batch is taken whole or not at all.
 *
 * <p>Immutable apart from its bounded replay memory, and thread-safe: mount one instance and call
 * it from every server thread.
 */
public final class WebhookReceiver {
  private static final Logger log = LoggerFactory.getLogger(WebhookReceiver.class);

  private final List<Secret> secrets;
  private final WebhookSink sink;
  private final Clock clock;
  private final Duration tolerance;
  private final int maxBodyBytes;
  private final String signatureHeader;
  private final String eventIdHeader;
  private final InboundEvents events;
  private final ReplayGuard replays;

  private WebhookReceiver(Builder b) {
    this.secrets = List.copyOf(b.secrets);
    this.sink = b.sink;
    this.clock = b.clock;
    this.tolerance = b.tolerance;
    this.maxBodyBytes = b.maxBodyBytes;
    this.signatureHeader = b.signatureHeader;
    this.eventIdHeader = b.eventIdHeader;
    this.events =
        new InboundEvents(
            b.namePath,
            b.defaultName,
            b.timestampPath,
            b.identitiesPath,
            b.identityPaths,
            b.maxEvents);
    // A replayed signature is refused by the tolerance check after 2 x tolerance at most.
    this.replays = new ReplayGuard(b.replayMemory, tolerance.multipliedBy(2));
  }

  /** A builder for a receiver verifying with {@code secret} and handing events to {@code sink}. */
  public static Builder builder(HmacSigningSecret secret, WebhookSink sink) {
    return new Builder(Objects.requireNonNull(secret, "secret").secret(), sink);
  }

  /** The largest body accepted, for hosts that want to stop reading early. */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * Handles a request whose body is still a stream: reads at most {@link #maxBodyBytes()} + 1
   * bytes, so an oversized body is refused without being buffered. Does not close {@code body}.
   *
   * @throws UncheckedIOException if reading the body failed (the connection is broken: there is no
   *     one to answer)
   */
  public WebhookResponse handle(
      String method, Map<String, List<String>> headers, InputStream body) {
    byte[] bytes;
    try {
      bytes = body.readNBytes(maxBodyBytes + 1);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the webhook body", e);
    }
    return handle(new WebhookRequest(method, headers, bytes));
  }

  /** Handles one request and says what to answer. Never throws for bad input. */
  public WebhookResponse handle(WebhookRequest request) {
    Objects.requireNonNull(request, "request");
    WebhookResponse refusal = refusal(request);
    if (refusal != null) {
      log.debug("refused {}: {}", request, refusal);
      return refusal;
    }
    Instant now = clock.instant();
    List<String> replayKeys = replayKeys(request);
    if (replays.seenAny(replayKeys, now)) {
      log.debug("duplicate {}", request);
      return WebhookResponse.accepted(0, true);
    }
    List<Event> parsed;
    try {
      parsed = events.parse(request.body(), now);
    } catch (InboundEvents.TooManyEvents e) {
      return WebhookResponse.error(413, "payload_too_large", e.getMessage());
    } catch (ValidationException e) {
      String code =
          e.getMessage().startsWith("the body is not valid JSON")
              ? "malformed_json"
              : "invalid_event";
      return WebhookResponse.error(400, code, e.getMessage());
    }
    WebhookResponse failure = deliver(parsed);
    if (failure != null) {
      return failure;
    }
    replays.remember(replayKeys, now);
    return WebhookResponse.accepted(parsed.size(), false);
  }

  private @Nullable WebhookResponse refusal(WebhookRequest request) {
    if (!request.method().equalsIgnoreCase("POST")) {
      return WebhookResponse.error(
          405,
          "method_not_allowed",
          "webhooks are POSTed, not " + request.method(),
          Map.of("Allow", "POST"));
    }
    if (request.body().length > maxBodyBytes) {
      return WebhookResponse.error(
          413, "payload_too_large", "the body is larger than " + maxBodyBytes + " bytes");
    }
    String type = request.mediaType();
    String charset = request.charset();
    if (!(type.equals("application/json")
            || type.startsWith("application/") && type.endsWith("+json"))
        || charset != null && !charset.equals("utf-8")) {
      return WebhookResponse.error(
          415,
          "unsupported_media_type",
          "send Content-Type: application/json in UTF-8, not " + (type.isEmpty() ? "none" : type));
    }
    return signatureRefusal(request);
  }

  private @Nullable WebhookResponse signatureRefusal(WebhookRequest request) {
    List<String> headers = request.headerValues(signatureHeader);
    if (headers.size() > 1) {
      return WebhookResponse.error(
          401, "malformed_signature", "send one " + signatureHeader + " header");
    }
    String header = headers.isEmpty() ? null : headers.get(0);
    Instant now = clock.instant();
    return switch (WebhookSignature.verify(header, request.body(), secrets, now, tolerance)) {
      case VALID -> null;
      case MISSING ->
          WebhookResponse.error(401, "missing_signature", "no " + signatureHeader + " header");
      case MALFORMED ->
          WebhookResponse.error(
              401,
              "malformed_signature",
              signatureHeader + " must be t=<unix seconds>,v1=<hex HMAC-SHA256>");
      case MISMATCH ->
          WebhookResponse.error(
              401,
              "bad_signature",
              "the signature does not match the body: check the signing secret");
      case OUTSIDE_TOLERANCE ->
          WebhookResponse.error(
              401,
              "timestamp_out_of_tolerance",
              "signed "
                  + Math.abs(now.getEpochSecond() - signedAt(header))
                  + " s away from the receiver's time; at most "
                  + tolerance.toSeconds()
                  + " s is accepted: sign when sending, and check the sender's clock");
    };
  }

  private static long signedAt(@Nullable String header) {
    Long t = header == null ? null : WebhookSignature.timestamp(header);
    return t == null ? 0 : t;
  }

  private List<String> replayKeys(WebhookRequest request) {
    List<String> keys = new ArrayList<>(2);
    keys.add("signature:" + request.header(signatureHeader));
    String id = request.header(eventIdHeader);
    if (id != null && !id.isBlank()) {
      keys.add("id:" + id.trim());
    }
    return keys;
  }

  private @Nullable WebhookResponse deliver(List<Event> parsed) {
    try {
      sink.accept(parsed);
      return null;
    } catch (ValidationException e) {
      log.debug("the sink refused {} events", parsed.size(), e);
      return WebhookResponse.error(400, "rejected", "the receiver refused these events");
    } catch (Exception e) {
      log.debug("the sink failed to take {} events", parsed.size(), e);
      Map<String, String> headers = new LinkedHashMap<>();
      if (e instanceof TributaryException t && t.retryAfter().isPresent()) {
        headers.put("Retry-After", Long.toString(Math.max(1, t.retryAfter().get().toSeconds())));
      }
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return WebhookResponse.error(
          503, "unavailable", "the events could not be stored now; send them again later", headers);
    }
  }

  @Override
  public String toString() {
    return "WebhookReceiver["
        + signatureHeader
        + ", tolerance="
        + tolerance
        + ", maxBodyBytes="
        + maxBodyBytes
        + "]";
  }

  /** Builds a {@link WebhookReceiver}. Not thread-safe. */
  public static final class Builder {
    private final List<Secret> secrets = new ArrayList<>();
    private final WebhookSink sink;
    private Clock clock = Clock.systemUTC();
    private Duration tolerance = Duration.ofMinutes(5);
    private int maxBodyBytes = 1 << 20;
    private int maxEvents = 1000;
    private int replayMemory = 10_000;
    private String signatureHeader = WebhookSignature.SIGNATURE_HEADER;
    private String eventIdHeader = WebhookSignature.EVENT_ID_HEADER;
    private String namePath = "type";
    private String defaultName = "webhook";
    private String timestampPath = "occurred_at";
    private String identitiesPath = "user.identities";
    private final Map<String, String> identityPaths = new LinkedHashMap<>();

    private Builder(Secret secret, WebhookSink sink) {
      this.secrets.add(secret);
      this.sink = Objects.requireNonNull(sink, "sink");
    }

    /**
     * Also accepts signatures made with {@code secret}: while rotating, accept the old and the new
     * secret until every sender uses the new one.
     */
    public Builder alsoAccept(HmacSigningSecret secret) {
      secrets.add(Objects.requireNonNull(secret, "secret").secret());
      return this;
    }

    /** The receiver's time. Default: the system UTC clock; tests pass a fixed one. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How far the signed time may be from now, either way. Default: 5 minutes, as Stripe; shorter
     * narrows the replay window, longer forgives worse clocks.
     */
    public Builder tolerance(Duration tolerance) {
      Objects.requireNonNull(tolerance, "tolerance");
      if (tolerance.isNegative() || tolerance.isZero()) {
        throw new IllegalArgumentException("tolerance must be positive: " + tolerance);
      }
      this.tolerance = tolerance;
      return this;
    }

    /** The largest body taken. Default: 1 MiB. */
    public Builder maxBodyBytes(int maxBodyBytes) {
      if (maxBodyBytes < 1 || maxBodyBytes == Integer.MAX_VALUE) {
        throw new IllegalArgumentException("maxBodyBytes must be 1 to 2^31-2: " + maxBodyBytes);
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /** The most events one request may carry as a JSON array. Default: 1,000. */
    public Builder maxEvents(int maxEvents) {
      if (maxEvents < 1) {
        throw new IllegalArgumentException("maxEvents must be at least 1: " + maxEvents);
      }
      this.maxEvents = maxEvents;
      return this;
    }

    /**
     * How many recently accepted signatures and event IDs to remember, to answer a re-sent webhook
     * without storing it again; 0 turns this off. Entries are kept for twice the tolerance.
     * Default: 10,000 (about 1 MB). Receivers that need exactly-once dedupe on the event ID in
     * their store, which this cannot replace across restarts.
     */
    public Builder replayMemory(int entries) {
      if (entries < 0) {
        throw new IllegalArgumentException("replayMemory must not be negative: " + entries);
      }
      this.replayMemory = entries;
      return this;
    }

    /**
     * The header names of the signature and of the event ID. Default: {@value
     * WebhookSignature#SIGNATURE_HEADER} and {@value WebhookSignature#EVENT_ID_HEADER}; {@code
     * Stripe-Signature} verifies Stripe's webhooks, which use the same scheme.
     */
    public Builder headers(String signatureHeader, String eventIdHeader) {
      this.signatureHeader = nonBlank(signatureHeader, "signatureHeader");
      this.eventIdHeader = nonBlank(eventIdHeader, "eventIdHeader");
      return this;
    }

    /**
     * Where each event's name is ({@code type} by default) and the name used when it is absent
     * ({@code webhook} by default).
     */
    public Builder eventName(String path, String defaultName) {
      this.namePath = nonBlank(path, "path");
      this.defaultName = nonBlank(defaultName, "defaultName");
      return this;
    }

    /**
     * Where each event's time is: ISO-8601 text or epoch seconds (milliseconds when larger than
     * 10^11). Default: {@code occurred_at}; absent means the time of receipt.
     */
    public Builder timestamp(String path) {
      this.timestampPath = nonBlank(path, "path");
      return this;
    }

    /**
     * An object whose text entries are the user's identities by kind. Default: {@code
     * user.identities}, as webhooks out send them; empty text for none.
     */
    public Builder identitiesFrom(String path) {
      this.identitiesPath = Objects.requireNonNull(path, "path");
      return this;
    }

    /** Reads identity {@code kind} from {@code path}, such as {@code data.object.email}. */
    public Builder identity(String kind, String path) {
      identityPaths.put(nonBlank(kind, "kind"), nonBlank(path, "path"));
      return this;
    }

    public WebhookReceiver build() {
      return new WebhookReceiver(this);
    }

    private static String nonBlank(String value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return value;
    }
  }
}

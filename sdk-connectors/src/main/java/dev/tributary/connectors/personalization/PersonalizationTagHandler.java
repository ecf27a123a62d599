package dev.tributary.connectors.personalization;

import dev.tributary.connectors.internal.json.JsonCodec;
import dev.tributary.core.ConfigException;
import dev.tributary.core.TributaryException;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.identity.IdentityKey;
import dev.tributary.core.identity.Normalizer;
import dev.tributary.core.identity.ProfileStore;
import dev.tributary.core.identity.StoredProfile;
import dev.tributary.core.model.Profile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The personalization tag's endpoint, for any HTTP server: it takes the method, headers and query
 * of a request ({@link TagRequest}) and says what to answer ({@link TagResponse}); it never touches
 * a socket. It finds the visitor's profile in the host's {@link ProfileStore} by the identities the
 * request carries (normalised as identity resolution stored them: e-mail trimmed and lower-cased,
 * and so on), and answers {@link PersonalizationTagConnector}'s document.
 *
 * <table>
 *   <caption>Answers</caption>
 *   <tr><th>status</th><th>{@code error}</th><th>when</th></tr>
 *   <tr><td>200</td><td>(the document)</td><td>{@code GET}: {@code status} known, unknown or
 *       anonymous; {@code HEAD}: the same headers, no body</td></tr>
 *   <tr><td>304</td><td>(none)</td><td>{@code If-None-Match} names the document's ETag</td></tr>
 *   <tr><td>204</td><td>(none)</td><td>{@code OPTIONS} from an allowed origin (CORS
 *       preflight)</td></tr>
 *   <tr><td>403</td><td>{@code origin_not_allowed}</td><td>an {@code Origin} not in {@code
 *       allowed_origins}, when that is set</td></tr>
 *   <tr><td>405</td><td>{@code method_not_allowed}</td><td>not GET, HEAD or OPTIONS</td></tr>
 *   <tr><td>400</td><td>{@code unsupported_version}</td><td>{@code v} is not 1</td></tr>
 *   <tr><td>400</td><td>{@code invalid_identity}</td><td>an identity longer than {@value
 *       #MAX_IDENTITY_LENGTH} characters</td></tr>
 *   <tr><td>503</td><td>{@code unavailable}</td><td>the profile store failed (with {@code
 *       Retry-After} when it said)</td></tr>
 *   <tr><td>500</td><td>{@code internal_error}</td><td>the document could not be built (a field
 *       JSON cannot carry, a broken template, a failing identity source)</td></tr>
 * </table>
 *
 * Errors are {@code {"v": 1, "error": "<code>", "message": "<what to fix>"}}; messages never show
 * identity values or profile data, and neither do log lines (DEBUG only).
 *
 * <p>Immutable and thread-safe: mount one instance and call it from every server thread.
 */
public final class PersonalizationTagHandler {
  /** The longest identity value looked up; longer ones are refused unread. */
  public static final int MAX_IDENTITY_LENGTH = 512;

  private static final Logger log = LoggerFactory.getLogger(PersonalizationTagHandler.class);

  private final PersonalizationTagConnector connector;
  private final TagSettings settings;
  private final ConnectorContext derived;
  private final ProfileStore store;
  private final TagIdentitySource source;
  private final Map<String, Normalizer> normalizers;
  private final TagHeaders headers;

  private PersonalizationTagHandler(Builder b, TagSettings settings) {
    this.connector = b.connector;
    this.settings = settings;
    this.derived = PersonalizationTagConnector.derived(b.context, settings);
    this.store = b.store;
    this.source = b.source != null ? b.source : settings.identities();
    this.normalizers = Map.copyOf(b.normalizers);
    this.headers = new TagHeaders(settings, b.source == null);
  }

  static Builder builder(
      PersonalizationTagConnector connector, ConnectorContext context, ProfileStore store) {
    return new Builder(connector, context, store);
  }

  /** Handles one request and says what to answer. Never throws for bad input. */
  public TagResponse handle(TagRequest request) {
    Objects.requireNonNull(request, "request");
    String method = request.method().toUpperCase(Locale.ROOT);
    String origin = request.header("Origin").orElse(null);
    if (origin != null && !headers.allows(origin)) {
      return headers.error(
          403, "origin_not_allowed", "this origin may not read the document", null);
    }
    if (method.equals("OPTIONS")) {
      return headers.preflight(origin);
    }
    if (!method.equals("GET") && !method.equals("HEAD")) {
      TagResponse refused =
          headers.error(405, "method_not_allowed", "fetch the document with GET", origin);
      Map<String, String> h = new LinkedHashMap<>(refused.headers());
      h.put("Allow", "GET, HEAD, OPTIONS");
      return new TagResponse(405, h, refused.body());
    }
    String version = request.queryParameter("v").orElse("1");
    if (!version.equals(Integer.toString(PersonalizationTagConnector.VERSION))) {
      return headers.error(
          400,
          "unsupported_version",
          "this endpoint serves version " + PersonalizationTagConnector.VERSION + " (v=1)",
          origin);
    }
    return document(request, method.equals("HEAD"), origin);
  }

  private TagResponse document(TagRequest request, boolean head, @Nullable String origin) {
    Map<String, String> claimed;
    try {
      claimed = normalised(source.identities(request));
    } catch (InvalidIdentity e) {
      return headers.error(400, "invalid_identity", e.getMessage(), origin);
    } catch (RuntimeException e) {
      log.debug("the identity source failed for {}", request, e);
      return headers.error(500, "internal_error", "the visitor could not be identified", origin);
    }
    Optional<Profile> profile;
    try {
      profile = find(claimed);
    } catch (RuntimeException e) {
      log.debug("the profile store failed for {}", request, e);
      return headers.unavailable(
          e instanceof TributaryException t ? t.retryAfter().orElse(null) : null, origin);
    }
    Map<String, Object> doc;
    try {
      doc =
          profile.isPresent()
              ? connector.surface(derived, settings, profile.get())
              : PersonalizationTagConnector.surfaceUnknown(settings, !claimed.isEmpty());
    } catch (RuntimeException e) {
      // the message may name a profile field; it stays in the DEBUG log, not in the answer
      log.debug("the document could not be built for {}", request, e);
      return headers.error(500, "internal_error", "the document could not be built", origin);
    }
    return headers.document(JsonCodec.write(doc), head, origin, request);
  }

  private Map<String, String> normalised(Map<String, String> raw) {
    Map<String, String> out = new LinkedHashMap<>();
    raw.forEach(
        (kind, value) -> {
          if (value.length() > MAX_IDENTITY_LENGTH) {
            throw new InvalidIdentity(
                "identity \"" + kind + "\" is longer than " + MAX_IDENTITY_LENGTH + " characters");
          }
          String normal = normalizers.getOrDefault(kind, defaultNormalizer(kind)).normalize(value);
          if (normal != null) {
            out.put(kind, normal);
          }
        });
    return out;
  }

  private static Normalizer defaultNormalizer(String kind) {
    return switch (kind) {
      case "email" -> Normalizer.email();
      case "phone" -> Normalizer.phone();
      default -> Normalizer.trim();
    };
  }

  private Optional<Profile> find(Map<String, String> identities) {
    for (Map.Entry<String, String> e : identities.entrySet()) {
      Optional<String> id = store.find(e.getKey(), e.getValue());
      if (id.isPresent()) {
        Optional<StoredProfile> stored = store.get(id.get());
        if (stored.isPresent()) {
          return Optional.of(stored.get().profile());
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "PersonalizationTagHandler[" + headers + "]";
  }

  /** An identity the handler will not look up. */
  private static final class InvalidIdentity extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidIdentity(String message) {
      super(message, null, false, false);
    }
  }

  /** Builds a {@link PersonalizationTagHandler}. Not thread-safe. */
  public static final class Builder {
    private final PersonalizationTagConnector connector;
    private final ConnectorContext context;
    private final ProfileStore store;
    private @Nullable TagIdentitySource source;
    private final Map<String, Normalizer> normalizers = new LinkedHashMap<>();

    private Builder(
        PersonalizationTagConnector connector, ConnectorContext context, ProfileStore store) {
      this.connector = Objects.requireNonNull(connector, "connector");
      this.context = Objects.requireNonNull(context, "context");
      this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * How identity values are normalised before they are looked up: pass the identity resolver's
     * {@code keys()}, so the handler compares what resolution stored. Default: e-mail trimmed and
     * lower-cased for kind {@code email}, digits for {@code phone}, trimmed for the rest.
     */
    public Builder identityKeys(List<IdentityKey> keys) {
      keys.forEach(k -> normalizers.put(k.name(), k.normalizer()));
      return this;
    }

    /**
     * Where identities come from. Default: the connector's {@code identities} setting. A host's own
     * source (its session) makes the document private to the visitor; see {@link
     * TagIdentitySource}.
     */
    public Builder identitySource(TagIdentitySource source) {
      this.source = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * Builds the handler, checking the connector's settings once (alert templates included), so a
     * mistake fails the host's start-up rather than every request.
     *
     * @throws ConfigException naming the first setting that is not valid
     */
    public PersonalizationTagHandler build() {
      CheckResult check = connector.check(context);
      if (!check.isOk()) {
        CheckResult.Problem first = check.problems().get(0);
        throw new ConfigException(
            first.setting(),
            "the personalization tag's " + first.setting() + " is not valid: " + first.message(),
            null);
      }
      return new PersonalizationTagHandler(this, connector.settings(context));
    }
  }
}

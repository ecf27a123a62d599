package dev.tributary.connectors.personalization;

import dev.tributary.connectors.internal.json.JsonCodec;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The headers of the tag's answers. The document is about one person: {@code Cache-Control:
 * private} (a browser may keep it for {@code max_age_seconds}, no shared cache may) or {@code
 * no-store}; {@code Vary} names what selects the visitor; a strong {@code ETag} (SHA-256 of the
 * body) answers {@code If-None-Match} with 304. Cross-origin reads are allowed only to {@code
 * allowed_origins}, each echoed in {@code Access-Control-Allow-Origin} with credentials allowed
 * when identities come from cookies (never {@code *}).
 */
final class TagHeaders {
  private static final byte[] EMPTY = new byte[0];

  private final TagSettings settings;
  private final boolean credentials;
  private final String vary;
  private final String allowHeaders;

  TagHeaders(TagSettings settings, boolean configuredSource) {
    this.settings = settings;
    this.credentials = settings.cookies() || !configuredSource;
    List<String> varies = new ArrayList<>();
    if (!settings.origins().isEmpty()) {
      varies.add("Origin");
    }
    if (credentials) {
      varies.add("Cookie");
    }
    varies.addAll(settings.identities().headerNames());
    this.vary = String.join(", ", varies);
    List<String> allowed = new ArrayList<>(List.of("If-None-Match"));
    allowed.addAll(settings.identities().headerNames());
    this.allowHeaders = String.join(", ", allowed);
  }

  boolean allows(String origin) {
    return settings.origins().isEmpty()
        || settings.origins().contains(origin.strip().toLowerCase(Locale.ROOT));
  }

  TagResponse document(byte[] body, boolean head, @Nullable String origin, TagRequest request) {
    String etag = etag(body);
    Map<String, String> h = base(origin);
    h.put("Content-Type", "application/json; charset=utf-8");
    h.put("Cache-Control", cacheControl());
    h.put("ETag", etag);
    if (matches(request.header("If-None-Match").orElse(null), etag)) {
      return new TagResponse(304, h, EMPTY);
    }
    return new TagResponse(200, h, head ? EMPTY : body);
  }

  TagResponse preflight(@Nullable String origin) {
    Map<String, String> h = base(origin);
    h.put("Allow", "GET, HEAD, OPTIONS");
    if (origin != null && !settings.origins().isEmpty()) {
      h.put("Access-Control-Allow-Methods", "GET, HEAD");
      h.put("Access-Control-Allow-Headers", allowHeaders);
      h.put("Access-Control-Max-Age", "600");
    }
    return new TagResponse(204, h, EMPTY);
  }

  TagResponse error(int status, String code, String message, @Nullable String origin) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("v", PersonalizationTagConnector.VERSION);
    doc.put("error", code);
    doc.put("message", message);
    Map<String, String> h = base(origin);
    h.put("Content-Type", "application/json; charset=utf-8");
    h.put("Cache-Control", "no-store");
    return new TagResponse(status, h, JsonCodec.write(doc));
  }

  TagResponse unavailable(@Nullable Duration retryAfter, @Nullable String origin) {
    TagResponse r =
        error(503, "unavailable", "the profile could not be read now; try again later", origin);
    if (retryAfter == null) {
      return r;
    }
    Map<String, String> h = new LinkedHashMap<>(r.headers());
    h.put("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
    return new TagResponse(503, h, r.body());
  }

  /** CORS headers for an allowed origin, {@code Vary} and {@code nosniff}. */
  private Map<String, String> base(@Nullable String origin) {
    Map<String, String> h = new LinkedHashMap<>();
    if (origin != null && !settings.origins().isEmpty() && allows(origin)) {
      h.put("Access-Control-Allow-Origin", origin.strip());
      if (credentials) {
        h.put("Access-Control-Allow-Credentials", "true");
      }
      h.put("Access-Control-Expose-Headers", "ETag");
    }
    if (!vary.isEmpty()) {
      h.put("Vary", vary);
    }
    h.put("X-Content-Type-Options", "nosniff");
    return h;
  }

  private String cacheControl() {
    return settings.maxAgeSeconds() == 0
        ? "private, no-store"
        : "private, max-age=" + settings.maxAgeSeconds();
  }

  static String etag(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return "\""
          + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16))
          + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  private static boolean matches(@Nullable String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String c = candidate.strip();
      if (c.startsWith("W/")) {
        c = c.substring(2);
      }
      if (c.equals("*") || c.equals(etag)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "origins=" + settings.origins() + ", max-age=" + settings.maxAgeSeconds();
  }
}

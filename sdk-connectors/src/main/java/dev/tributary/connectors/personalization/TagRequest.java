package dev.tributary.connectors.personalization;

import dev.tributary.connectors.internal.HeaderMaps;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request for the tag's document as any server framework can hand it over: the method, the
 * headers (names compared without regard to case) and the raw query string ({@code
 * v=1&user_id=u-1}, without {@code ?}; empty when there is none).
 *
 * @param method the HTTP method, such as {@code GET}
 * @param headers every header with its values in order; names in any case
 * @param query the raw, still percent-encoded query string
 */
public record TagRequest(String method, Map<String, List<String>> headers, String query) {
  public TagRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(query, "query");
    headers = HeaderMaps.copyOf(headers);
    query = query.startsWith("?") ? query.substring(1) : query;
  }

  /** A request with single-valued headers, for tests and simple hosts. */
  public static TagRequest of(String method, Map<String, String> headers, String query) {
    return new TagRequest(method, HeaderMaps.single(headers), query);
  }

  /** The first value of header {@code name}, any case. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The first value of query parameter {@code name}, decoded. */
  public Optional<String> queryParameter(String name) {
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      if (key.equals(name)) {
        return Optional.of(eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return Optional.empty();
  }

  /** The value of cookie {@code name} from the {@code Cookie} headers (RFC 6265 pairs). */
  public Optional<String> cookie(String name) {
    for (String header : headers.getOrDefault("Cookie", List.of())) {
      for (String pair : header.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
          String value = pair.substring(eq + 1).strip();
          if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
          }
          return Optional.of(value);
        }
      }
    }
    return Optional.empty();
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s; // a malformed escape is taken as written
    }
  }

  /** Names the headers and the query's parameters, never their values: they identify visitors. */
  @Override
  public String toString() {
    List<String> params = new ArrayList<>();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (!pair.isEmpty()) {
        params.add(decode(eq < 0 ? pair : pair.substring(0, eq)));
      }
    }
    return "TagRequest[" + method + ", headers=" + headers.keySet() + ", query=" + params + "]";
  }
}

package dev.tributary.connectors.personalization;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What to answer the tag: a status, the headers to set (content type, cache, CORS, ETag) and the
 * body, empty for {@code HEAD}, {@code OPTIONS} and {@code 304}.
 *
 * @param status the HTTP status
 * @param headers the headers to set, in order
 * @param body the body, UTF-8 JSON or empty
 */
public record TagResponse(int status, Map<String, String> headers, byte[] body) {
  public TagResponse {
    headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
    Objects.requireNonNull(body, "body");
  }

  /** The body as text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body's bytes (a copy). */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** Shows the status and the header names, not the body: it is about one person. */
  @Override
  public String toString() {
    return "TagResponse["
        + status
        + ", headers="
        + headers.keySet()
        + ", "
        + body.length
        + " bytes]";
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof TagResponse r
        && status == r.status
        && headers.equals(r.headers)
        && Arrays.equals(body, r.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, headers, Arrays.hashCode(body));
  }
}

package dev.tributary.connectors.webhook;

import dev.tributary.connectors.internal.HeaderMaps;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An inbound HTTP request as any server framework can hand it over: the method, the headers (names
 * compared without regard to case) and the raw body bytes, exactly as received. The signature is
 * computed over these bytes, so a host must not decode or re-encode the body first.
 *
 * @param method the HTTP method, such as {@code POST}
 * @param headers every header, each with its values in order; names in any case
 * @param body the raw body
 */
public record WebhookRequest(String method, Map<String, List<String>> headers, byte[] body) {
  public WebhookRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(body, "body");
    headers = HeaderMaps.copyOf(headers);
  }

  /** A request with single-valued headers, for tests and simple hosts. */
  public static WebhookRequest of(String method, Map<String, String> headers, byte[] body) {
    return new WebhookRequest(method, HeaderMaps.single(headers), body);
  }

  /** All values of header {@code name}, any case; empty when absent. */
  public List<String> headerValues(String name) {
    List<String> values = headers.get(name);
    return values == null ? List.of() : List.copyOf(values);
  }

  /** The single value of header {@code name}; {@code null} when absent. */
  @Nullable String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The media type of the body, lower case, without parameters; empty text when absent. */
  String mediaType() {
    String type = header("Content-Type");
    if (type == null) {
      return "";
    }
    int semi = type.indexOf(';');
    return (semi < 0 ? type : type.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }

  /** The {@code charset} parameter of the content type, lower case; {@code null} when absent. */
  @Nullable String charset() {
    String type = header("Content-Type");
    if (type == null) {
      return null;
    }
    for (String param : type.split(";")) {
      String p = param.trim();
      if (p.regionMatches(true, 0, "charset=", 0, 8)) {
        return p.substring(8).replace("\"", "").trim().toLowerCase(Locale.ROOT);
      }
    }
    return null;
  }

  /** Names the headers but never their values, which may hold signatures or tokens. */
  @Override
  public String toString() {
    return "WebhookRequest["
        + method
        + ", headers="
        + headers.keySet()
        + ", "
        + body.length
        + " bytes]";
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof WebhookRequest r
        && method.equals(r.method)
        && headers.equals(r.headers)
        && java.util.Arrays.equals(body, r.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, headers, java.util.Arrays.hashCode(body));
  }
}

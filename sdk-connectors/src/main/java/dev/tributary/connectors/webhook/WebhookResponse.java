package dev.tributary.connectors.webhook;

import dev.tributary.connectors.internal.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What to answer an inbound webhook: a status, headers to set (always {@code Content-Type:
 * application/json}, sometimes {@code Allow} or {@code Retry-After}) and a small JSON body. Success
 * is {@code {"accepted": n}}; an error is {@code {"error": "<code>", "message": "<what to fix>"}}.
 *
 * @param status the HTTP status
 * @param headers headers to set on the response
 * @param body the JSON body, UTF-8
 */
public record WebhookResponse(int status, Map<String, String> headers, byte[] body) {
  public WebhookResponse {
    headers = Map.copyOf(headers);
    Objects.requireNonNull(body, "body");
  }

  static WebhookResponse accepted(int count, boolean duplicate) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("accepted", count);
    if (duplicate) {
      doc.put("duplicate", true);
    }
    return json(200, doc, Map.of());
  }

  static WebhookResponse error(int status, String code, String message) {
    return error(status, code, message, Map.of());
  }

  static WebhookResponse error(
      int status, String code, String message, Map<String, String> extraHeaders) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("error", code);
    doc.put("message", message);
    return json(status, doc, extraHeaders);
  }

  private static WebhookResponse json(
      int status, Map<String, Object> doc, Map<String, String> extraHeaders) {
    Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
    headers.put("Content-Type", "application/json; charset=utf-8");
    return new WebhookResponse(status, headers, JsonCodec.write(doc));
  }

  /** The body as text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Whether the webhook was taken (2xx): the sender must not send it again. */
  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  @Override
  public String toString() {
    return "WebhookResponse[" + status + " " + bodyText() + "]";
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof WebhookResponse r
        && status == r.status
        && headers.equals(r.headers)
        && java.util.Arrays.equals(body, r.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, headers, java.util.Arrays.hashCode(body));
  }
}

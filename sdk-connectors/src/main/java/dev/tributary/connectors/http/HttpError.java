package dev.tributary.connectors.http;

import java.util.Optional;

/**
 * What an HTTP error response said, on the classified exception {@link HttpTransport} throws for
 * it. The exception is a {@link dev.tributary.core.ConfigException}, {@link
 * dev.tributary.core.TransientException}, {@link dev.tributary.core.ValidationException} or {@link
 * dev.tributary.core.SystemException} as the transport's {@link
 * dev.tributary.core.retry.HttpStatusPolicy} decides, and also implements this interface:
 *
 * <pre>{@code
 * } catch (TributaryException e) {
 *   if (e instanceof HttpError http && http.status() == 409) { ... }
 * }</pre>
 */
public interface HttpError {
  /** The response status, 400–599. */
  int status();

  /** The request, as {@link HttpRequest#describe()}: {@code "POST /v1/contacts"}. */
  String request();

  /**
   * The start of the response body, whitespace collapsed and control characters escaped, with every
   * secret of the request's authorization replaced by {@code ****}; empty when the body was empty,
   * not text, or excerpts are turned off. It may hold personal data the vendor echoed back.
   */
  Optional<String> responseExcerpt();
}

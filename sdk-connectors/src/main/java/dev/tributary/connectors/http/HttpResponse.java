package dev.tributary.connectors.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import dev.tributary.core.ConfigException;
import dev.tributary.core.TributaryException;
import dev.tributary.core.retry.HttpStatusPolicy;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A response {@link HttpTransport} received, read completely: status, headers and body, with
 * helpers for JSON ({@link #json()}) and RFC 8288 links ({@link #link}). Immutable and thread-safe.
 *
 * <p>{@link HttpTransport#execute} returns only successful responses and throws the classified
 * error for the others; {@link HttpTransport#exchange} returns every response, and {@link
 * #toException()} classifies an error response when the caller has looked at it (a batch API that
 * lists per-item errors in a 400 answer, say).
 */
public final class HttpResponse {
  private final int status;
  private final String request;
  private final URI url;
  private final okhttp3.Headers headers;
  private final byte[] body;
  private final @Nullable String contentType;
  private final ObjectMapper mapper;
  private final Supplier<TributaryException> error;
  private final UnaryOperator<String> excerpt;
  private final HttpStatusPolicy policy;
  private volatile @Nullable JsonNode json;

  HttpResponse(
      Wire.Reply reply,
      String request,
      ObjectMapper mapper,
      Supplier<TributaryException> error,
      UnaryOperator<String> excerpt,
      HttpStatusPolicy policy) {
    this.status = reply.status();
    this.request = request;
    this.url = reply.url().uri();
    this.headers = reply.headers();
    this.body = reply.body();
    this.contentType = reply.contentType();
    this.mapper = mapper;
    this.error = error;
    this.excerpt = excerpt;
    this.policy = policy;
  }

  public int status() {
    return status;
  }

  /** Whether the status is 2xx. */
  public boolean isSuccessful() {
    return status >= 200 && status < 300;
  }

  /** The request, as {@link HttpRequest#describe()}. */
  public String request() {
    return request;
  }

  /** The URL that answered (after redirects). */
  public URI url() {
    return url;
  }

  /** The first value of header {@code name} (case-insensitive). */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(Objects.requireNonNull(name, "name")));
  }

  /** Every value of header {@code name} (case-insensitive), in order. */
  public List<String> headers(String name) {
    return headers.values(Objects.requireNonNull(name, "name"));
  }

  /** The media type, lower case, such as {@code application/json; charset=utf-8}. */
  public Optional<String> contentType() {
    return Optional.ofNullable(contentType);
  }

  /** The body's bytes (a copy). */
  public byte[] body() {
    return body.clone();
  }

  public int bodyLength() {
    return body.length;
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * The body as a JSON tree (decimals read exactly, as {@code BigDecimal}s); an empty body is a
   * {@code MissingNode}.
   *
   * @throws ConfigException if the body is not JSON: the endpoint is most likely not the API
   */
  public JsonNode json() {
    JsonNode tree = json;
    if (tree == null) {
      try {
        tree =
            body.length == 0
                ? mapper.missingNode()
                : mapper
                    .reader()
                    .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                    .readTree(body);
      } catch (IOException e) {
        throw notJson(e);
      }
      json = tree;
    }
    return tree;
  }

  /**
   * The body bound to {@code type} by the transport's {@code ObjectMapper}.
   *
   * @throws ConfigException if the body is not JSON of that shape
   */
  public <T> T json(Class<T> type) {
    try {
      return mapper.treeToValue(json(), type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new ConfigException(
          "the response to " + request + " is not the JSON expected (" + type.getSimpleName() + ")",
          null);
    }
  }

  private ConfigException notJson(Exception e) {
    return new ConfigException(
        "the response to "
            + request
            + " is not JSON ("
            + (contentType == null ? "no content type" : contentType)
            + "); check the endpoint: it may not be the API",
        null);
  }

  /**
   * The target of the RFC 8288 link with relation {@code rel} ({@code "next"}, say) from the {@code
   * Link} headers, resolved against {@link #url()}.
   */
  public Optional<URI> link(String rel) {
    return LinkHeader.find(headers("Link"), rel, url);
  }

  /** The policy this response's status (and per-item statuses within it) are classified by. */
  public HttpStatusPolicy statusPolicy() {
    return policy;
  }

  /**
   * {@code text} from this response (a vendor's per-item error message, say) made fit for an
   * exception message the way error excerpts are: the request's secrets redacted, whitespace
   * collapsed, control characters escaped, cut at the transport's excerpt length (empty when
   * excerpts are turned off).
   */
  public String excerpt(String text) {
    return excerpt.apply(Objects.requireNonNull(text, "text"));
  }

  /**
   * The classified exception for this response, as {@link HttpTransport#execute} would throw it.
   *
   * @throws IllegalStateException if the response is not an error (status below 400)
   */
  public TributaryException toException() {
    if (status < 400) {
      throw new IllegalStateException("not an error response: HTTP " + status);
    }
    return error.get();
  }

  @Override
  public String toString() {
    return "HttpResponse[" + status + " for " + request + ", " + body.length + " bytes]";
  }
}

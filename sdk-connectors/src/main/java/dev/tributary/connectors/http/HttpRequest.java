package dev.tributary.connectors.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request a connector asks {@link HttpTransport} to send: method, URL, extra query
 * parameters and headers, and a body. The transport adds the credential, serialises a {@link
 * Builder#json JSON body} with its {@code ObjectMapper} and compresses the body when asked.
 *
 * <p>Immutable and thread-safe; {@link #newBuilder()} copies and changes it. {@link #toString()}
 * and {@link #describe()} show the method and path only: header values, query strings and bodies
 * may hold secrets or personal data.
 */
public final class HttpRequest {
  /** Headers the transport owns; setting them by hand would fight it. */
  static final Set<String> RESERVED_HEADERS =
      Set.of("content-length", "content-encoding", "host", "transfer-encoding", "connection");

  private final String method;
  private final URI url;
  private final Map<String, List<String>> query;
  private final Map<String, List<String>> headers;
  private final @Nullable Object json;
  private final byte @Nullable [] body;
  private final @Nullable String contentType;
  private final boolean gzip;

  private HttpRequest(Builder b) {
    this.method = b.method;
    this.url = b.url;
    this.query = copy(b.query);
    this.headers = copy(b.headers);
    this.json = b.json;
    this.body = b.body;
    this.contentType = b.contentType;
    this.gzip = b.gzip;
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> map) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return java.util.Collections.unmodifiableMap(copy);
  }

  /** A GET of {@code url}. */
  public static Builder get(URI url) {
    return new Builder("GET", url);
  }

  /** A POST to {@code url}; give it a body with {@link Builder#json} or {@link Builder#body}. */
  public static Builder post(URI url) {
    return new Builder("POST", url);
  }

  /**
   * A request with any method.
   *
   * @throws IllegalArgumentException if {@code method} is not an HTTP token such as {@code PATCH}
   */
  public static Builder builder(String method, URI url) {
    return new Builder(method, url);
  }

  public Builder newBuilder() {
    Builder b = new Builder(method, url);
    query.forEach((k, v) -> b.query.put(k, new ArrayList<>(v)));
    headers.forEach((k, v) -> b.headers.put(k, new ArrayList<>(v)));
    b.json = json;
    b.body = body;
    b.contentType = contentType;
    b.gzip = gzip;
    return b;
  }

  public String method() {
    return method;
  }

  public URI url() {
    return url;
  }

  /** Query parameters added to {@link #url()}'s own, in order. */
  public Map<String, List<String>> query() {
    return query;
  }

  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The value to send as JSON, if the body is JSON. */
  @Nullable Object json() {
    return json;
  }

  byte @Nullable [] body() {
    return body;
  }

  @Nullable String contentType() {
    return contentType;
  }

  public boolean gzip() {
    return gzip;
  }

  /** What the request is, for messages: {@code "POST /v1/contacts"}. No query, no host. */
  public String describe() {
    String path = url.getRawPath();
    return method + " " + (path == null || path.isEmpty() ? "/" : path);
  }

  @Override
  public String toString() {
    return "HttpRequest[" + describe() + "]";
  }

  /** Builds an {@link HttpRequest}. Not thread-safe. */
  public static final class Builder {
    private final String method;
    private final URI url;
    private final Map<String, List<String>> query = new LinkedHashMap<>();
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private @Nullable Object json;
    private byte @Nullable [] body;
    private @Nullable String contentType;
    private boolean gzip;

    private Builder(String method, URI url) {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(url, "url");
      if (!method.matches("[A-Z]+")) {
        throw new IllegalArgumentException("method must be upper-case letters: " + method);
      }
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
        throw new IllegalArgumentException("url must be an absolute http or https URL: " + url);
      }
      this.method = method;
      this.url = url;
    }

    /** Adds a query parameter (values are encoded by the transport). */
    public Builder query(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      return this;
    }

    /**
     * Adds a header. Its value never appears in a message or log line.
     *
     * @throws IllegalArgumentException for headers the transport sets itself ({@code
     *     Content-Length}, {@code Content-Encoding}, {@code Host}, {@code Transfer-Encoding},
     *     {@code Connection})
     */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("the transport sets this header itself: " + name);
      }
      headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      return this;
    }

    /**
     * Sends {@code value} as {@code application/json}, serialised by the transport's {@code
     * ObjectMapper}: maps, lists, strings, numbers, booleans, or any type the mapper knows.
     */
    public Builder json(Object value) {
      this.json = Objects.requireNonNull(value, "value");
      this.body = null;
      this.contentType = "application/json; charset=utf-8";
      return this;
    }

    /** Sends {@code content} as it is, with {@code Content-Type: contentType}. */
    public Builder body(byte[] content, String contentType) {
      this.body = Objects.requireNonNull(content, "content").clone();
      this.contentType = Objects.requireNonNull(contentType, "contentType");
      this.json = null;
      return this;
    }

    /** Sends {@code text} as UTF-8 with {@code Content-Type: contentType}. */
    public Builder body(String text, String contentType) {
      return body(
          Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8), contentType);
    }

    /**
     * Whether to compress the body with gzip ({@code Content-Encoding: gzip}). Default: false;
     * worth it for large JSON batches when the endpoint accepts it.
     */
    public Builder gzip(boolean gzip) {
      this.gzip = gzip;
      return this;
    }

    public HttpRequest build() {
      return new HttpRequest(this);
    }
  }
}

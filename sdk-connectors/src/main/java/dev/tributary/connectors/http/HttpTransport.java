package dev.tributary.connectors.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.core.ConfigException;
import dev.tributary.core.TributaryException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.retry.HttpStatusPolicy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP layer every HTTP connector uses: sends an {@link HttpRequest} with the credential of the
 * call's {@link ConnectorContext}, and turns the answer into an {@link HttpResponse} or a
 * classified exception.
 *
 * <ul>
 *   <li><b>Authorization</b>: API keys (header or query), basic, bearer, OAuth 2 client
 *       credentials, refresh tokens and the JWT bearer grant of service accounts (RFC 7523, an
 *       RS256 assertion signed with the JDK). OAuth access tokens are cached per credential and
 *       fetched again shortly before they expire; a 401 with a cached token fetches a new one and
 *       sends the request once more. Rotated refresh tokens go to the credential's listener before
 *       they are relied on.
 *   <li><b>Errors</b>: statuses from 400 up become the {@link HttpStatusPolicy}'s classified
 *       exceptions (401/403 {@code CONFIG}; 408, 429, 5xx {@code TRANSIENT} with {@code
 *       Retry-After}; other 4xx {@code VALIDATION}), implementing {@link HttpError} (status,
 *       request, a redacted excerpt of the body). I/O failures are {@code TRANSIENT}. Messages
 *       never hold a header value or a secret.
 *   <li><b>Accounting</b>: request and response body bytes go to {@code context.reporter()}.
 *   <li><b>One attempt per call</b>: retries, backoff and rate limits belong to the runtime.
 * </ul>
 *
 * <p>Thread-safe; share one transport (and its token cache) between connectors. Built on OkHttp:
 * {@link Builder#client} takes an {@code OkHttpClient} of the host's own (proxies, TLS, pools),
 * which the host keeps and shuts down; otherwise one default client, shared by every transport in
 * the process, is used — it needs no closing. No other OkHttp type appears in the SDK's API.
 */
public final class HttpTransport {
  private final Wire wire;
  private final ObjectMapper mapper;
  private final HttpStatusPolicy policy;
  private final Authorizer authorizer;
  private final OAuthTokens tokens;
  private final int excerptLength;
  private final String userAgent;

  private HttpTransport(Builder b) {
    this.wire = new Wire(b.client != null ? b.client : DefaultClient.INSTANCE, b.maxResponseBytes);
    this.mapper = b.mapper != null ? b.mapper : new ObjectMapper();
    this.policy = b.policy;
    this.excerptLength = b.excerptLength;
    this.userAgent = b.userAgent;
    TokenEndpoint endpoint =
        new TokenEndpoint(wire, mapper, policy, b.clientAuthentication, excerptLength);
    this.tokens = new OAuthTokens(endpoint, b.tokenRefreshMargin);
    this.authorizer = new Authorizer(tokens);
  }

  private HttpTransport(HttpTransport base, HttpStatusPolicy policy) {
    this.wire = base.wire;
    this.mapper = base.mapper;
    this.policy = policy;
    this.excerptLength = base.excerptLength;
    this.userAgent = base.userAgent;
    this.tokens = base.tokens;
    this.authorizer = base.authorizer;
  }

  /** A transport with every default: the shared default client, a plain {@code ObjectMapper}. */
  public static HttpTransport create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A transport that classifies statuses by {@code policy} and shares everything else with this one
   * (client, mapper, token cache): for a vendor whose statuses mean something unusual.
   */
  public HttpTransport withStatusPolicy(HttpStatusPolicy policy) {
    return new HttpTransport(this, Objects.requireNonNull(policy, "policy"));
  }

  Authorizer authorizer() {
    return authorizer;
  }

  public ObjectMapper objectMapper() {
    return mapper;
  }

  public HttpStatusPolicy statusPolicy() {
    return policy;
  }

  /**
   * Sends {@code request} once and returns the response if its status is below 400.
   *
   * @throws TributaryException classified, implementing {@link HttpError} for error statuses
   */
  public HttpResponse execute(ConnectorContext context, HttpRequest request) {
    HttpResponse response = exchange(context, request);
    if (response.status() >= 400) {
      throw response.toException();
    }
    return response;
  }

  /**
   * Sends {@code request} once and returns the response whatever its status; only a failure to get
   * one (I/O, credentials that cannot be used) throws.
   */
  public HttpResponse exchange(ConnectorContext context, HttpRequest request) {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(request, "request");
    byte[] body = OkRequests.encode(request, mapper);
    for (int attempt = 1; ; attempt++) {
      HttpUrl.Builder url = OkRequests.url(request);
      Request.Builder ok = OkRequests.builder(request, body, userAgent);
      Authorizer.Applied applied = authorizer.apply(context, url, ok); // the credential wins
      ok.url(url.build());
      Wire.Reply reply =
          wire.send(
              ok.build(),
              body.length,
              request.describe(),
              context.reporter(),
              redactor(context, applied));
      OAuthTokens.AccessToken token = applied.token();
      if (reply.status() != 401 || token == null || token.fresh() || attempt == 2) {
        return response(context, request, reply, applied);
      }
      // a cached token the API no longer takes (revoked early): fetch one and send once more
      authorizer.invalidate(context.authorization(), token.value());
    }
  }

  /**
   * Sends {@code request} once and hands a 2xx body to {@code reader} as a stream, for bodies too
   * large to hold in memory (no {@code maxResponseBytes} limit applies to them). Redirects are
   * followed as the OkHttp client does (the default client does, and OkHttp drops the {@code
   * Authorization} header when a redirect leaves the host: a pre-signed download URL gets no
   * credential). Bytes read are reported to the run.
   *
   * @return what {@code reader} returned
   * @throws TributaryException classified, implementing {@link HttpError}, for an error status; a
   *     {@code CONFIG} error for a redirect the client did not follow; {@code TRANSIENT} for I/O
   *     failures, also while {@code reader} reads
   */
  public <T> T download(ConnectorContext context, HttpRequest request, BodyReader<T> reader) {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(reader, "reader");
    byte[] body = OkRequests.encode(request, mapper);
    HttpUrl.Builder url = OkRequests.url(request);
    Request.Builder ok = OkRequests.builder(request, body, userAgent);
    Authorizer.Applied applied = authorizer.apply(context, url, ok);
    ok.url(url.build());
    context.reporter().bytesTransferred(body.length);
    Wire.Streamed<T> streamed =
        wire.stream(
            ok.build(), request.describe(), context.reporter(), redactor(context, applied), reader);
    Wire.Reply error = streamed.error();
    if (error == null) {
      return streamed.value();
    }
    if (error.status() < 400) {
      throw new ConfigException(
          HttpSettings.ENDPOINT,
          "HTTP "
              + error.status()
              + " from "
              + request.describe()
              + ": a redirect the HTTP client did not follow; use a client that follows"
              + " redirects",
          null);
    }
    throw response(context, request, error, applied).toException();
  }

  private HttpResponse response(
      ConnectorContext context, HttpRequest request, Wire.Reply reply, Authorizer.Applied applied) {
    Redactor redactor = redactor(context, applied);
    return new HttpResponse(
        reply,
        request.describe(),
        mapper,
        () ->
            HttpErrors.toException(
                policy,
                reply.status(),
                reply.header("Retry-After"),
                request.describe(),
                Excerpts.of(reply.body(), reply.contentType(), excerptLength, redactor),
                context.clock()),
        text -> Excerpts.of(text.getBytes(StandardCharsets.UTF_8), null, excerptLength, redactor),
        policy);
  }

  private static Redactor redactor(ConnectorContext context, Authorizer.Applied applied) {
    OAuthTokens.AccessToken token = applied.token();
    Authorization auth = context.authorization();
    return token == null ? Redactor.of(auth) : Redactor.of(auth, token.value());
  }

  /**
   * Checks that the context's credential can authorize HTTP requests and, for OAuth 2, that the
   * token endpoint grants a token; then, if {@code probe} is given, that a GET of it is answered
   * and not refused. Moves no data. The connectors' {@code check} methods use it.
   */
  public CheckResult check(ConnectorContext context, @Nullable URI probe) {
    return HttpCheck.run(this, context, probe);
  }

  @Override
  public String toString() {
    return "HttpTransport[" + policy + ", excerpts " + excerptLength + " characters]";
  }

  /** Where the client ID and secret go in a token request (RFC 6749 §2.3.1). */
  public enum ClientAuthentication {
    /** HTTP basic authentication: the RFC's default, which every server must accept. */
    BASIC,
    /** {@code client_id} and {@code client_secret} in the form body, for servers that want it. */
    BODY
  }

  /** Builds an {@link HttpTransport}. Not thread-safe. */
  public static final class Builder {
    private @Nullable OkHttpClient client;
    private @Nullable ObjectMapper mapper;
    private HttpStatusPolicy policy = HttpStatusPolicy.defaults();
    private long maxResponseBytes = 32L * 1024 * 1024;
    private int excerptLength = 200;
    private Duration tokenRefreshMargin = Duration.ofSeconds(60);
    private ClientAuthentication clientAuthentication = ClientAuthentication.BASIC;
    private String userAgent = "tributary";

    private Builder() {}

    /**
     * The host's own OkHttp client (its proxy, TLS settings, timeouts, connection pool); the host
     * keeps it and shuts it down. Default: a client shared by every transport in the process, with
     * a 10 s connect timeout, 60 s read and write timeouts and a 5 min limit per call.
     */
    public Builder client(OkHttpClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Writes JSON bodies and reads responses. Default: a plain {@code new ObjectMapper()}; pass one
     * with the modules your bodies need (the SDK's own connectors hand it maps and lists only).
     */
    public Builder objectMapper(ObjectMapper mapper) {
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      return this;
    }

    /** How statuses are classified. Default: {@link HttpStatusPolicy#defaults()}. */
    public Builder statusPolicy(HttpStatusPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * The largest response body read; a larger one is a {@code CONFIG} error (ask for smaller
     * pages). Default: 32 MiB, which keeps a runaway response from filling the heap.
     */
    public Builder maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes < 1) {
        throw new IllegalArgumentException(
            "maxResponseBytes must be positive: " + maxResponseBytes);
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /**
     * How many characters of an error response's body go into the exception message (redacted;
     * whitespace collapsed). Default: 200. Vendors sometimes echo the personal data they rejected:
     * set 0 to leave bodies out of messages altogether.
     */
    public Builder errorExcerptLength(int characters) {
      if (characters < 0) {
        throw new IllegalArgumentException("characters must not be negative: " + characters);
      }
      this.excerptLength = characters;
      return this;
    }

    /**
     * How long before its expiry an OAuth access token is replaced (at most half its lifetime).
     * Default: 60 s, so that a token never expires in flight.
     */
    public Builder tokenRefreshMargin(Duration margin) {
      Objects.requireNonNull(margin, "margin");
      if (margin.isNegative()) {
        throw new IllegalArgumentException("margin must not be negative: " + margin);
      }
      this.tokenRefreshMargin = margin;
      return this;
    }

    /**
     * How OAuth 2 clients authenticate at the token endpoint. Default: {@link
     * ClientAuthentication#BASIC}.
     */
    public Builder clientAuthentication(ClientAuthentication how) {
      this.clientAuthentication = Objects.requireNonNull(how, "how");
      return this;
    }

    /** The {@code User-Agent} header. Default: {@code tributary}. */
    public Builder userAgent(String userAgent) {
      Objects.requireNonNull(userAgent, "userAgent");
      if (userAgent.isBlank()) {
        throw new IllegalArgumentException("userAgent must not be blank");
      }
      this.userAgent = userAgent;
      return this;
    }

    public HttpTransport build() {
      return new HttpTransport(this);
    }
  }

  /** The default client, created on first use and shared. */
  private static final class DefaultClient {
    static final OkHttpClient INSTANCE =
        new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(60))
            .writeTimeout(Duration.ofSeconds(60))
            .callTimeout(Duration.ofMinutes(5))
            .build();
  }
}

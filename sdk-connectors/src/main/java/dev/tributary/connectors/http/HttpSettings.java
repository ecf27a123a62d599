package dev.tributary.connectors.http;

import dev.tributary.connectors.internal.ConfigProblems;
import dev.tributary.core.ConfigException;
import dev.tributary.core.auth.ApiKey;
import dev.tributary.core.auth.BasicAuth;
import dev.tributary.core.auth.BearerToken;
import dev.tributary.core.auth.NoAuthorization;
import dev.tributary.core.auth.OAuth2ClientCredentials;
import dev.tributary.core.auth.OAuth2JwtBearer;
import dev.tributary.core.auth.OAuth2RefreshToken;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConfigField;
import dev.tributary.core.connector.ConfigFieldType;
import dev.tributary.core.connector.Connector;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.RateLimit;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The settings every HTTP connector shares, so that they read the same everywhere: {@value
 * #ENDPOINT}, {@value #HEADERS}, the rate limit ({@value #RATE_LIMIT_REQUESTS} per {@value
 * #RATE_LIMIT_INTERVAL}, {@value #MAX_CONCURRENCY} at once) and {@value #CHECK_URL}, with their
 * {@link ConfigField}s for a descriptor, their parsing, and a {@link #check} that connectors call
 * from {@link Connector#check}. A connector using a helper must declare the fields it reads.
 */
public final class HttpSettings {
  public static final String ENDPOINT = "endpoint";
  public static final String HEADERS = "headers";
  public static final String RATE_LIMIT_REQUESTS = "rate_limit_requests";
  public static final String RATE_LIMIT_INTERVAL = "rate_limit_interval";
  public static final String MAX_CONCURRENCY = "max_concurrency";
  public static final String CHECK_URL = "check_url";

  private HttpSettings() {}

  /** The required {@value #ENDPOINT} URL. */
  public static ConfigField endpoint(String description) {
    return ConfigField.required(ENDPOINT, ConfigFieldType.URL, description);
  }

  /** Optional extra headers, one {@code Name: value} per line. */
  public static ConfigField headers() {
    return ConfigField.optional(
        HEADERS,
        ConfigFieldType.STRING,
        "Extra request headers, one \"Name: value\" per line. Credentials belong in the"
            + " authorization, where they stay secret, not here.",
        null);
  }

  /** The three rate-limit fields; all default to "no limit". */
  public static List<ConfigField> rateLimit() {
    return rateLimit(0, "1s");
  }

  /**
   * The three rate-limit fields, defaulting to a vendor's documented limit: {@code requests} per
   * {@code interval} (a duration such as {@code 1m}), any number at once.
   */
  public static List<ConfigField> rateLimit(long requests, String interval) {
    if (requests < 0) {
      throw new IllegalArgumentException("requests must not be negative: " + requests);
    }
    return List.of(
        ConfigField.optional(
            RATE_LIMIT_REQUESTS,
            ConfigFieldType.INTEGER,
            "Requests allowed per rate_limit_interval for this credential; 0 for no limit.",
            Long.toString(requests)),
        ConfigField.optional(
            RATE_LIMIT_INTERVAL,
            ConfigFieldType.DURATION,
            "The interval rate_limit_requests is counted over.",
            Objects.requireNonNull(interval, "interval")),
        ConfigField.optional(
            MAX_CONCURRENCY,
            ConfigFieldType.INTEGER,
            "Requests allowed at the same time for this credential; 0 for no limit.",
            "0"));
  }

  /** An optional URL whose GET {@link #check} uses to prove the credential works. */
  public static ConfigField checkUrl() {
    return ConfigField.optional(
        CHECK_URL,
        ConfigFieldType.URL,
        "A URL of the API that a GET may read without side effects (a \"who am I\" or a small"
            + " list), used by check to prove the credential works.",
        null);
  }

  /** Accepts every credential that authorizes HTTP, and none. */
  public static ConnectorDescriptor.Builder acceptHttpAuthorizations(
      ConnectorDescriptor.Builder builder) {
    return builder
        .accepts(ApiKey.class)
        .accepts(BasicAuth.class)
        .accepts(BearerToken.class)
        .accepts(OAuth2ClientCredentials.class)
        .accepts(OAuth2RefreshToken.class)
        .accepts(OAuth2JwtBearer.class)
        .accepts(NoAuthorization.class);
  }

  /**
   * The {@value #ENDPOINT} URL.
   *
   * @throws ConfigException if it is not {@code http} or {@code https}
   */
  public static URI endpoint(ConnectorConfig config) {
    return httpUrl(config, ENDPOINT);
  }

  static URI httpUrl(ConnectorConfig config, String name) {
    URI url = config.url(name);
    String scheme = url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new ConfigException(
          name, "\"" + name + "\" must be an http or https URL: " + url, null);
    }
    return url;
  }

  /** The rate limit the three rate-limit fields describe. */
  public static RateLimit rateLimit(ConnectorConfig config) {
    long requests = config.integer(RATE_LIMIT_REQUESTS);
    long concurrency = config.integer(MAX_CONCURRENCY);
    if (requests < 0) {
      throw new ConfigException(
          RATE_LIMIT_REQUESTS, "\"" + RATE_LIMIT_REQUESTS + "\" must not be negative", null);
    }
    if (concurrency < 0 || concurrency > Integer.MAX_VALUE) {
      throw new ConfigException(
          MAX_CONCURRENCY, "\"" + MAX_CONCURRENCY + "\" must be 0 or more", null);
    }
    return new RateLimit(requests, config.duration(RATE_LIMIT_INTERVAL), (int) concurrency);
  }

  /**
   * The {@value #HEADERS}, by name in order.
   *
   * @throws ConfigException naming the line that is not {@code Name: value}, or a header that the
   *     transport or the authorization sets
   */
  public static Map<String, List<String>> headers(ConnectorConfig config) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    String text = config.optionalString(HEADERS).orElse("");
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      int colon = line.indexOf(':');
      String name = colon < 0 ? "" : line.substring(0, colon).strip();
      if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
        throw new ConfigException(
            HEADERS, "\"headers\" line " + (i + 1) + " is not \"Name: value\"", null);
      }
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("authorization")) {
        throw new ConfigException(
            HEADERS,
            "\"headers\" must not set Authorization: give the credential as the authorization (an"
                + " API key in the Authorization header, if the API wants an unusual scheme)",
            null);
      }
      if (HttpRequest.RESERVED_HEADERS.contains(lower)) {
        throw new ConfigException(HEADERS, "\"headers\" must not set " + name, null);
      }
      headers.computeIfAbsent(name, k -> new ArrayList<>()).add(line.substring(colon + 1).strip());
    }
    return headers;
  }

  /** Adds the {@value #HEADERS} to {@code request}. */
  public static HttpRequest.Builder withHeaders(
      HttpRequest.Builder request, ConnectorConfig config) {
    headers(config).forEach((name, values) -> values.forEach(v -> request.header(name, v)));
    return request;
  }

  /**
   * The whole check of an HTTP connector, for its {@link Connector#check} to return: the
   * authorization's kind (as the descriptor accepts it), each shared setting the descriptor
   * declares, the connector's own {@code problems}, then — only if all that is in order — an OAuth
   * token and a GET of {@value #CHECK_URL} when it is set.
   */
  public static CheckResult check(
      Connector connector,
      HttpTransport transport,
      ConnectorContext context,
      List<CheckResult.Problem> problems) {
    List<CheckResult.Problem> all = new ArrayList<>();
    ConnectorDescriptor d = connector.descriptor();
    if (!d.accepts(context.authorization())) {
      all.add(
          new CheckResult.Problem(
              "authorization", d.name() + " does not accept a " + context.authorization().kind()));
    }
    ConnectorConfig config = context.config();
    if (d.configField(ENDPOINT).isPresent()) {
      ConfigProblems.collect(all, "configuration", () -> endpoint(config));
    }
    if (d.configField(HEADERS).isPresent()) {
      ConfigProblems.collect(all, "configuration", () -> headers(config));
    }
    if (d.configField(RATE_LIMIT_REQUESTS).isPresent()) {
      ConfigProblems.collect(all, "configuration", () -> rateLimit(config));
    }
    URI probe = null;
    if (d.configField(CHECK_URL).isPresent() && config.optionalUrl(CHECK_URL).isPresent()) {
      probe = ConfigProblems.collect(all, "configuration", () -> httpUrl(config, CHECK_URL));
    }
    all.addAll(problems);
    if (!all.isEmpty()) {
      return new CheckResult(all);
    }
    return transport.check(context, probe);
  }
}

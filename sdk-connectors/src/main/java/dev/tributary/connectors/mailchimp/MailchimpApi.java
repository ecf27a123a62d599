package dev.tributary.connectors.mailchimp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.connectors.http.HttpError;
import dev.tributary.connectors.http.HttpRequest;
import dev.tributary.connectors.http.HttpResponse;
import dev.tributary.connectors.http.HttpSettings;
import dev.tributary.connectors.http.HttpTransport;
import dev.tributary.connectors.internal.ApiUrls;
import dev.tributary.connectors.internal.ConfigProblems;
import dev.tributary.core.ConfigException;
import dev.tributary.core.TributaryException;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.BasicAuth;
import dev.tributary.core.auth.BearerToken;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConfigField;
import dev.tributary.core.connector.ConfigFieldType;
import dev.tributary.core.connector.Connector;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What both Mailchimp connectors share: the settings, the base URL of the account's data center
 * (from the API key's suffix, {@value #DATA_CENTER} or {@value #ENDPOINT}), the accepted
 * credentials, GETs whose 404 names the setting to fix, and the check.
 */
final class MailchimpApi {
  static final String DATA_CENTER = "data_center";
  static final String ENDPOINT = "endpoint";
  static final String PAGE_SIZE = "page_size";
  static final int MAX_PAGE_SIZE = 1000;

  /** us6, us21: the only shape accepted, since it becomes part of a host name. */
  private static final Pattern DC = Pattern.compile("[a-z]{2,10}[0-9]{1,4}");

  private MailchimpApi() {}

  /** The credentials Mailchimp documents: basic with the API key as password, or OAuth bearer. */
  static ConnectorDescriptor.Builder accepts(ConnectorDescriptor.Builder b) {
    return b.accepts(BasicAuth.class).accepts(BearerToken.class);
  }

  static List<ConfigField> fields(String pageSizeDefault) {
    return List.of(
        ConfigField.optional(
            DATA_CENTER,
            ConfigFieldType.STRING,
            "The account's data center, such as us6. Default: the suffix of the API key (the"
                + " basic authorization's password); required with an OAuth access token.",
            null),
        ConfigField.optional(
            ENDPOINT,
            ConfigFieldType.URL,
            "The API's base URL, overriding the data center's https://<dc>.api.mailchimp.com/3.0"
                + " (a proxy, a test server).",
            null),
        ConfigField.optional(
            PAGE_SIZE,
            ConfigFieldType.INTEGER,
            "Records per request (Mailchimp's count), 1 to 1000.",
            pageSizeDefault),
        ConfigField.optional(
            HttpSettings.RATE_LIMIT_REQUESTS,
            ConfigFieldType.INTEGER,
            "Requests allowed per rate_limit_interval for this credential; 0 for no limit"
                + " (Mailchimp limits concurrency, not the rate).",
            "0"),
        ConfigField.optional(
            HttpSettings.RATE_LIMIT_INTERVAL,
            ConfigFieldType.DURATION,
            "The interval rate_limit_requests is counted over.",
            "1s"),
        ConfigField.optional(
            HttpSettings.MAX_CONCURRENCY,
            ConfigFieldType.INTEGER,
            "Requests at the same time for this credential; Mailchimp allows 10 per user and"
                + " answers more with 429.",
            "10"));
  }

  /**
   * The base URL: the {@code endpoint} setting as given (paths go under it with {@link
   * ApiUrls#under}, which drops one trailing slash), or the data center's.
   *
   * @throws ConfigException if no data center can be told, or the key's and the setting's differ
   */
  static URI baseUrl(ConnectorConfig config, Authorization auth) {
    Optional<URI> endpoint = config.optionalUrl(ENDPOINT);
    if (endpoint.isPresent()) {
      String scheme = endpoint.get().getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new ConfigException(ENDPOINT, "\"endpoint\" must be an http or https URL", null);
      }
      return endpoint.get();
    }
    Optional<String> fromKey = keyDataCenter(auth);
    Optional<String> setting = config.optionalString(DATA_CENTER).map(String::strip);
    if (setting.isPresent() && !DC.matcher(setting.get()).matches()) {
      throw new ConfigException(
          DATA_CENTER, "\"data_center\" must look like us6, not \"" + setting.get() + "\"", null);
    }
    if (setting.isPresent() && fromKey.isPresent() && !setting.equals(fromKey)) {
      throw new ConfigException(
          DATA_CENTER,
          "\"data_center\" is "
              + setting.get()
              + " but the API key belongs to "
              + fromKey.get()
              + "; remove the setting or use the key of that account",
          null);
    }
    String dc =
        setting
            .or(() -> fromKey)
            .orElseThrow(
                () ->
                    new ConfigException(
                        DATA_CENTER,
                        "the data center is unknown: give the API key (it ends in -us6, say) as"
                            + " the basic authorization's password, or set \"data_center\" (an"
                            + " OAuth token's is at https://login.mailchimp.com/oauth2/metadata)",
                        null));
    return URI.create("https://" + dc + ".api.mailchimp.com/3.0");
  }

  /** The data center an API key ends with ({@code …-us6}), if the credential is one. */
  static Optional<String> keyDataCenter(Authorization auth) {
    if (!(auth instanceof BasicAuth basic)) {
      return Optional.empty();
    }
    String key = basic.password().reveal();
    int dash = key.lastIndexOf('-');
    if (dash < 0) {
      return Optional.empty();
    }
    String dc = key.substring(dash + 1);
    return DC.matcher(dc).matches() ? Optional.of(dc) : Optional.empty();
  }

  static int pageSize(ConnectorConfig config) {
    long size = config.integer(PAGE_SIZE);
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new ConfigException(
          PAGE_SIZE, "\"page_size\" must be 1 to " + MAX_PAGE_SIZE + ", not " + size, null);
    }
    return (int) size;
  }

  /** A path segment from a setting, checked so that it cannot change the path. */
  static String segment(ConnectorConfig config, String setting) {
    String value = config.string(setting).strip();
    if (!value.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new ConfigException(
          setting, "\"" + setting + "\" must be letters and digits, such as a1b2c3d4e5", null);
    }
    return value;
  }

  /**
   * GETs {@code path} under {@code base}. A 404 means the ID in {@code notFoundSetting} names
   * nothing in this account: a {@code CONFIG} error naming that setting, not a rejected record.
   */
  static HttpResponse get(
      HttpTransport transport,
      ConnectorContext context,
      URI base,
      String path,
      Map<String, String> query,
      String notFoundSetting) {
    HttpRequest.Builder request = HttpRequest.get(ApiUrls.under(base, path));
    query.forEach(request::query);
    try {
      return transport.execute(context, request.build());
    } catch (TributaryException e) {
      if (e instanceof HttpError http && http.status() == 404) {
        throw new ConfigException(
            notFoundSetting,
            "Mailchimp knows no such "
                + notFoundSetting.replace('_', ' ')
                + " in this account ("
                + e.getMessage()
                + "); check \""
                + notFoundSetting
                + "\"",
            e);
      }
      throw e;
    }
  }

  /**
   * The {@code name} array of a page Mailchimp answered ({@code "members"}, {@code "campaigns"}).
   *
   * @throws ConfigException naming {@value #ENDPOINT} if there is none: not Mailchimp's answer
   */
  static JsonNode array(HttpResponse response, String name) {
    JsonNode array = response.json().path(name);
    if (!array.isArray()) {
      throw new ConfigException(
          ENDPOINT,
          "the answer to "
              + response.request()
              + " has no \""
              + name
              + "\" array; check the endpoint",
          null);
    }
    return array;
  }

  /**
   * The check both connectors make: the credential's kind, the settings, then {@code GET /ping}
   * (Mailchimp's health check, which proves the key) and {@code probePath}, which proves the ID.
   */
  static CheckResult check(
      Connector connector,
      HttpTransport transport,
      ConnectorContext context,
      String probePath,
      String probeSetting) {
    List<CheckResult.Problem> problems = new ArrayList<>();
    if (!connector.descriptor().accepts(context.authorization())) {
      problems.add(
          new CheckResult.Problem(
              "authorization",
              "Mailchimp takes basic authentication (any user name, the API key as password) or an"
                  + " OAuth bearer token, not a "
                  + context.authorization().kind()));
      return new CheckResult(problems);
    }
    URI base =
        ConfigProblems.collect(
            problems,
            ENDPOINT,
            () -> {
              URI url = baseUrl(context.config(), context.authorization());
              pageSize(context.config());
              HttpSettings.rateLimit(context.config());
              return url;
            });
    if (!problems.isEmpty() || base == null) {
      return new CheckResult(problems);
    }
    try {
      transport.execute(context, HttpRequest.get(ApiUrls.under(base, "/ping")).build());
      get(transport, context, base, probePath, Map.of("fields", "id"), probeSetting);
      return CheckResult.ok();
    } catch (TributaryException e) {
      String setting =
          e instanceof ConfigException c ? c.setting().orElse("authorization") : ENDPOINT;
      return CheckResult.problem(setting, e.getMessage());
    }
  }
}

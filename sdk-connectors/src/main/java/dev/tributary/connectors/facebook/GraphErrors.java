package dev.tributary.connectors.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.connectors.http.HttpResponse;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.TributaryException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Classifies the Graph API's error responses, {@code {"error": {"message", "type", "code",
 * "error_subcode", "is_transient", "fbtrace_id"}}} (Graph API "Handling Errors"), by Meta's code
 * rather than the HTTP status, which is 400 for most of them:
 *
 * <table>
 *   <caption>Graph API codes</caption>
 *   <tr><th>code</th><th>class</th><th>meaning</th></tr>
 *   <tr><td>190, 102</td><td>CONFIG</td><td>the access token is invalid, expired (subcode 463)
 *       or revoked</td></tr>
 *   <tr><td>3, 10, 200–299</td><td>CONFIG</td><td>a permission or capability is missing</td></tr>
 *   <tr><td>4, 17, 32, 341, 613, 80000–80014</td><td>TRANSIENT</td><td>throttling: app, user,
 *       page, ad account, business use case; waits what the usage headers say, else 60 s</td></tr>
 *   <tr><td>100/1487534; 1 "reduce the amount of data"</td><td>CONFIG</td><td>too much data per
 *       call: the import splits the report first</td></tr>
 *   <tr><td>100</td><td>CONFIG</td><td>a parameter Meta rejects (a field name, say)</td></tr>
 *   <tr><td>1, 2, or {@code is_transient}</td><td>TRANSIENT</td><td>Meta's temporary
 *       errors</td></tr>
 *   <tr><td>other</td><td colspan="2">by the HTTP status, as the transport classifies it</td></tr>
 * </table>
 */
final class GraphErrors {
  /** How long to wait on a throttling error when no header says: Meta's standard-tier block. */
  static final Duration DEFAULT_THROTTLE_WAIT = Duration.ofSeconds(60);

  static final int DATA_PER_CALL_SUBCODE = 1487534;
  static final int UNKNOWN_OBJECT_SUBCODE = 33;

  private GraphErrors() {}

  /** The classified exception for an error response (status 400 or more). */
  static TributaryException toException(HttpResponse response, Clock clock) {
    JsonNode error = body(response).path("error");
    int code = error.path("code").asInt(0);
    if (code == 0) {
      return withoutCode(response, clock);
    }
    int subcode = error.path("error_subcode").asInt(0);
    String metaMessage = error.path("message").asText("");
    GraphDetails d =
        new GraphDetails(
            response.status(),
            response.request(),
            response.excerpt(response.bodyText()),
            code,
            subcode,
            text(error, "fbtrace_id").orElse(null),
            tooMuchData(code, subcode, metaMessage));
    String what =
        "Meta refused "
            + response.request()
            + " (HTTP "
            + response.status()
            + ", code "
            + code
            + (subcode == 0 ? "" : "/" + subcode)
            + d.traceId().map(t -> ", fbtrace_id " + t).orElse("")
            + ")"
            + (metaMessage.isBlank() ? "" : ": " + response.excerpt(metaMessage));
    return classify(response, clock, error, d, what);
  }

  private static TributaryException classify(
      HttpResponse response, Clock clock, JsonNode error, GraphDetails d, String what) {
    int code = d.code();
    if (code == 190 || code == 102) {
      return GraphExceptions.config("authorization", what + "; " + tokenAdvice(d.subcode()), d);
    }
    if (code == 3 || code == 10 || (code >= 200 && code <= 299)) {
      return GraphExceptions.config(
          "authorization",
          what
              + "; the token lacks a permission this needs (ads_read for insights) or access to"
              + " the ad account: grant it to the user or system user",
          d);
    }
    if (isThrottling(code)) {
      Duration wait = ThrottleHeaders.suggestedWait(response, clock).orElse(DEFAULT_THROTTLE_WAIT);
      return GraphExceptions.transientError(
          what + "; " + throttleScope(code) + ", waiting " + wait.toSeconds() + " s", wait, d);
    }
    if (d.tooMuchData()) {
      return GraphExceptions.config(
          InsightsDescriptor.DAYS_PER_REPORT,
          what
              + "; ask for less: fewer days per report, fewer fields or breakdowns, a higher"
              + " level, or report_mode async",
          d);
    }
    if (code == 1 || code == 2 || error.path("is_transient").asBoolean(false)) {
      Duration wait = ThrottleHeaders.suggestedWait(response, clock).orElse(null);
      return GraphExceptions.transientError(what + "; a temporary error at Meta", wait, d);
    }
    if (code == 100) {
      return GraphExceptions.config(
          null, what + "; check fields, breakdowns, action_breakdowns, level and date_preset", d);
    }
    ErrorClass byStatus = response.statusPolicy().classify(response.status());
    return GraphExceptions.of(byStatus, what, ThrottleHeaders.suggestedWait(response, clock), d);
  }

  /** An error without a Graph body (a proxy's 502, a bare 429): the transport's, plus headers. */
  private static TributaryException withoutCode(HttpResponse response, Clock clock) {
    TributaryException base = response.toException();
    Optional<Duration> wait = ThrottleHeaders.suggestedWait(response, clock);
    boolean throttled = ThrottleHeaders.saturated(response);
    if ((base.errorClass() == ErrorClass.TRANSIENT || throttled)
        && base.retryAfter().isEmpty()
        && (wait.isPresent() || throttled)) {
      GraphDetails d =
          new GraphDetails(
              response.status(),
              response.request(),
              response.excerpt(response.bodyText()),
              0,
              0,
              null,
              false);
      Duration delay = wait.orElse(DEFAULT_THROTTLE_WAIT);
      return GraphExceptions.transientError(
          base.getMessage() + "; Meta's usage headers ask to wait " + delay.toSeconds() + " s",
          delay,
          d);
    }
    return base;
  }

  static boolean isThrottling(int code) {
    return code == 4
        || code == 17
        || code == 32
        || code == 341
        || code == 613
        || (code >= 80000 && code <= 80014);
  }

  static boolean tooMuchData(int code, int subcode, String message) {
    return (code == 100 && subcode == DATA_PER_CALL_SUBCODE)
        || (code == 1 && message.toLowerCase(Locale.ROOT).contains("reduce the amount of data"));
  }

  /** Whether {@code e} says the request asked for more data than Meta serves per call. */
  static boolean isTooMuchData(Throwable e) {
    return e instanceof GraphExceptions.Detailed d && d.details().tooMuchData();
  }

  /** Whether {@code e} says an object (a report run) does not exist (any more). */
  static boolean isUnknownObject(Throwable e) {
    return e instanceof GraphError g
        && ((g.code() == 100 && g.subcode() == UNKNOWN_OBJECT_SUBCODE) || g.status() == 404);
  }

  private static String tokenAdvice(int subcode) {
    return switch (subcode) {
      case 463 ->
          "the access token has expired: create a new one (a system user's token does not"
              + " expire)";
      case 460 -> "the token was invalidated by a password change: create a new one";
      case 458 -> "the app was removed by the token's user: authorize it again";
      case 467 -> "the token is no longer valid (its user logged out): create a new one";
      default -> "the access token is invalid, expired or revoked: create a new one";
    };
  }

  private static String throttleScope(int code) {
    return switch (code) {
      case 4 -> "the app's call quota is used up";
      case 17 -> "the user's call quota is used up";
      case 32 -> "the page's call quota is used up";
      case 341 -> "the application limit is reached";
      case 613 -> "the ad account's call quota is used up";
      default -> "the business use case's quota (code " + code + ") is used up";
    };
  }

  private static JsonNode body(HttpResponse response) {
    try {
      return response.json();
    } catch (TributaryException e) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isBlank()
        ? Optional.of(value.asText())
        : Optional.empty();
  }

  /** What every Graph error carries; serializable, as the exceptions that carry it are. */
  record GraphDetails(
      int status,
      String request,
      String excerpt,
      int code,
      int subcode,
      @Nullable String trace,
      boolean tooMuchData)
      implements Serializable {
    Optional<String> responseExcerpt() {
      return excerpt.isEmpty() ? Optional.empty() : Optional.of(excerpt);
    }

    Optional<String> traceId() {
      return Optional.ofNullable(trace);
    }
  }
}

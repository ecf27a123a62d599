package dev.tributary.connectors.facebook;

import dev.tributary.connectors.http.HttpResponse;
import dev.tributary.connectors.internal.json.JsonCodec;
import dev.tributary.core.ValidationException;
import dev.tributary.core.retry.RetryAfter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What Meta's usage headers say about throttling (Graph API "Rate Limits" and Marketing API "Rate
 * Limiting" pages):
 *
 * <ul>
 *   <li>{@code X-Business-Use-Case-Usage}: {@code {"<business id>": [{"type": "ads_insights",
 *       "call_count": 100, "total_cputime": 12, "total_time": 30,
 *       "estimated_time_to_regain_access": 5}]}}: percentages, and minutes until calls are taken
 *       again;
 *   <li>{@code X-Ad-Account-Usage}: {@code {"acc_id_util_pct": 100, "reset_time_duration": 120}}:
 *       seconds until the account's score resets;
 *   <li>{@code X-FB-Ads-Insights-Throttle}: {@code {"app_id_util_pct": 100, "acc_id_util_pct":
 *       42}}: the insights load of the app and of the account, in percent, with no time;
 *   <li>{@code Retry-After}, which Meta sends on some 429 answers.
 * </ul>
 *
 * Unreadable headers are ignored: they advise, they never fail a call.
 */
final class ThrottleHeaders {
  static final String BUSINESS_USE_CASE = "X-Business-Use-Case-Usage";
  static final String AD_ACCOUNT = "X-Ad-Account-Usage";
  static final String INSIGHTS = "X-FB-Ads-Insights-Throttle";

  /** A day: no header value is taken to ask for longer. */
  private static final long MAX_MINUTES = 24 * 60;

  private ThrottleHeaders() {}

  /** The longest wait any header asks for; empty when none names a time. */
  static Optional<Duration> suggestedWait(HttpResponse response, Clock clock) {
    Duration wait =
        RetryAfter.parse(response.header("Retry-After").orElse(null), clock).orElse(Duration.ZERO);
    for (Map<?, ?> usage : businessUseCases(response)) {
      long minutes = number(usage.get("estimated_time_to_regain_access"));
      wait = max(wait, Duration.ofMinutes(Math.min(minutes, MAX_MINUTES)));
    }
    Map<?, ?> account = object(response, AD_ACCOUNT);
    if (account != null && number(account.get("acc_id_util_pct")) >= 100) {
      long seconds = number(account.get("reset_time_duration"));
      wait = max(wait, Duration.ofSeconds(Math.min(seconds, MAX_MINUTES * 60)));
    }
    return wait.isZero() ? Optional.empty() : Optional.of(wait);
  }

  /** Whether a header reports a quota used up (100 % or more of anything it counts). */
  static boolean saturated(HttpResponse response) {
    Map<?, ?> insights = object(response, INSIGHTS);
    if (insights != null
        && (number(insights.get("app_id_util_pct")) >= 100
            || number(insights.get("acc_id_util_pct")) >= 100)) {
      return true;
    }
    for (Map<?, ?> usage : businessUseCases(response)) {
      for (String key : List.of("call_count", "total_cputime", "total_time")) {
        if (number(usage.get(key)) >= 100) {
          return true;
        }
      }
    }
    Map<?, ?> account = object(response, AD_ACCOUNT);
    return account != null && number(account.get("acc_id_util_pct")) >= 100;
  }

  private static List<Map<?, ?>> businessUseCases(HttpResponse response) {
    Map<?, ?> byBusiness = object(response, BUSINESS_USE_CASE);
    if (byBusiness == null) {
      return List.of();
    }
    return byBusiness.values().stream()
        .filter(List.class::isInstance)
        .flatMap(v -> ((List<?>) v).stream())
        .filter(Map.class::isInstance)
        .<Map<?, ?>>map(Map.class::cast)
        .toList();
  }

  private static @Nullable Map<?, ?> object(HttpResponse response, String header) {
    Optional<String> value = response.header(header);
    if (value.isEmpty() || value.get().isBlank()) {
      return null;
    }
    try {
      return JsonCodec.parse(value.get().getBytes(StandardCharsets.UTF_8)) instanceof Map<?, ?> m
          ? m
          : null;
    } catch (ValidationException e) {
      return null;
    }
  }

  private static long number(@Nullable Object value) {
    if (value instanceof Number n) {
      return (long) Math.ceil(n.doubleValue());
    }
    if (value instanceof String s) {
      try {
        return (long) Math.ceil(Double.parseDouble(s.strip()));
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}

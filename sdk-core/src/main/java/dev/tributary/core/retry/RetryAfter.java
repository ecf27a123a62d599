package dev.tributary.core.retry;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads an HTTP {@code Retry-After} header (RFC 9110, section 10.2.3): either a number of seconds
 * ({@code 120}) or an HTTP date ({@code Wed, 21 Oct 2026 07:28:00 GMT}, and the obsolete RFC 850
 * and asctime forms that recipients must also accept). A date in the past means "now".
 */
public final class RetryAfter {
  private static final DateTimeFormatter RFC_850 =
      new DateTimeFormatterBuilder()
          .appendPattern("EEEE, dd-MMM-")
          .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
          .appendPattern(" HH:mm:ss 'GMT'")
          .toFormatter(Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ASCTIME =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);

  private RetryAfter() {}

  /**
   * How long {@code headerValue} asks to wait, measured from {@code clock}'s now; empty when the
   * header is absent or unreadable (the caller then backs off as usual).
   */
  public static Optional<Duration> parse(@Nullable String headerValue, Clock clock) {
    Objects.requireNonNull(clock, "clock");
    if (headerValue == null || headerValue.isBlank()) {
      return Optional.empty();
    }
    String v = headerValue.trim();
    if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
      } catch (NumberFormatException e) {
        return Optional.of(Duration.ofSeconds(Long.MAX_VALUE));
      }
    }
    return date(v).map(at -> nonNegative(Duration.between(clock.instant(), at)));
  }

  private static Optional<Instant> date(String v) {
    try {
      return Optional.of(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      // try the obsolete forms
    }
    try {
      return Optional.of(ZonedDateTime.parse(v, RFC_850).toInstant());
    } catch (DateTimeException e) {
      // next
    }
    try {
      return Optional.of(LocalDateTime.parse(v, ASCTIME).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }
}

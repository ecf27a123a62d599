package dev.tributary.connectors.mailchimp;

import dev.tributary.connectors.internal.json.JsonCodec;
import dev.tributary.core.ConfigException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where a Mailchimp import is, kept in {@code Checkpoint.cursor} as a small JSON object: the time
 * the current query asks from ({@code since}, sent as {@code since_last_changed} or {@code
 * since_send_time}), how many records of that query were already read ({@code offset}), and the
 * highest time stamp committed ({@code high}; the checkpoint's {@code seenAtCursor} holds the keys
 * committed at exactly that time). A plain ISO-8601 instant set by hand seeds the first run.
 *
 * @param since the query's lower bound, or {@code null} to read from the beginning
 * @param offset records of this query already read
 * @param high the highest time stamp committed, or {@code null} before the first
 */
record KeysetPosition(@Nullable Instant since, long offset, @Nullable Instant high) {
  static final KeysetPosition START = new KeysetPosition(null, 0, null);

  private static final DateTimeFormatter QUERY =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

  static KeysetPosition decode(@Nullable String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return START;
    }
    if (!cursor.strip().startsWith("{")) {
      Instant seed = parseTime(cursor.strip());
      if (seed == null) {
        throw new ConfigException(
            "checkpoint",
            "the checkpoint of this Mailchimp import is neither its own nor an ISO-8601 instant"
                + " to start from; reset it",
            null);
      }
      return new KeysetPosition(seed, 0, null);
    }
    try {
      Map<?, ?> map = (Map<?, ?>) JsonCodec.parse(cursor.getBytes(StandardCharsets.UTF_8));
      Object offset = map.get("offset");
      return new KeysetPosition(
          instant(map.get("since")),
          offset instanceof Number n ? n.longValue() : 0,
          instant(map.get("high")));
    } catch (RuntimeException e) {
      throw new ConfigException(
          "checkpoint", "the checkpoint of this Mailchimp import is damaged; reset it", e);
    }
  }

  private static @Nullable Instant instant(@Nullable Object value) {
    return value == null ? null : Instant.parse(value.toString());
  }

  String encode() {
    Map<String, Object> map = new LinkedHashMap<>();
    if (since != null) {
      map.put("since", since.toString());
    }
    map.put("offset", offset);
    if (high != null) {
      map.put("high", high.toString());
    }
    return new String(JsonCodec.write(map), StandardCharsets.UTF_8);
  }

  /** {@code since} as Mailchimp's documents write times: {@code 2015-10-21T15:41:36+00:00}. */
  static String queryValue(Instant since) {
    return OffsetDateTime.ofInstant(since, ZoneOffset.UTC).format(QUERY);
  }

  /**
   * Where the next query starts once {@code high} is committed: a second earlier, because Mailchimp
   * documents its filters as "after the set time" without saying whether a record of exactly that
   * second is included. Records before {@code high} are skipped, and those at {@code high} by their
   * keys.
   */
  static Instant sinceFor(Instant high) {
    return high.truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
  }

  /** A Mailchimp time stamp ({@code 2015-10-21T15:41:36+00:00}), or null if empty or not one. */
  static @Nullable Instant parseTime(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(text.strip());
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }
}

package dev.tributary.connectors.facebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.core.ConfigException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Where an insights import stands, kept as the checkpoint's cursor (a small JSON object):
 *
 * <ul>
 *   <li>between passes: {@code done}, the last day a pass read;
 *   <li>in a pass: also {@code next}, the first day not read yet, and {@code span}, the days per
 *       report when a failed report made it smaller than configured;
 *   <li>in a chunk of days {@code from}..{@code to}: the report run ({@code run}, async) and the
 *       cursor of the next page of its rows ({@code after});
 *   <li>after reports that kept failing: {@code failures} and {@code retry_at}, before which no new
 *       report is started.
 * </ul>
 *
 * A date preset import uses only {@code run}, {@code after}, {@code failures} and {@code retry_at}.
 * A cursor that is a bare date ({@code 2026-01-01}) is a hand-set start: a pass from that day.
 */
record InsightsPosition(
    @Nullable LocalDate done,
    @Nullable LocalDate next,
    @Nullable LocalDate from,
    @Nullable LocalDate to,
    @Nullable String run,
    @Nullable String after,
    int span,
    int failures,
    @Nullable Instant retryAt) {
  static final InsightsPosition START =
      new InsightsPosition(null, null, null, null, null, null, 0, 0, null);

  /** Whether a chunk (or the preset) is being read: a report started, or pages under way. */
  boolean inChunk() {
    return run != null || after != null;
  }

  static InsightsPosition decode(@Nullable String cursor, ObjectMapper mapper) {
    if (cursor == null || cursor.isBlank()) {
      return START;
    }
    try {
      if (!cursor.startsWith("{")) {
        LocalDate start = LocalDate.parse(cursor.strip());
        return new InsightsPosition(null, start, null, null, null, null, 0, 0, null);
      }
      JsonNode json = mapper.readTree(cursor);
      return new InsightsPosition(
          date(json, "done"),
          date(json, "next"),
          date(json, "from"),
          date(json, "to"),
          text(json, "run"),
          text(json, "after"),
          json.path("span").asInt(0),
          json.path("failures").asInt(0),
          json.hasNonNull("retry_at") ? Instant.parse(json.get("retry_at").asText()) : null);
    } catch (JsonProcessingException | DateTimeException e) {
      throw new ConfigException(
          "the saved checkpoint of this Facebook insights import is not readable: delete it to"
              + " start over, or set it to a day (YYYY-MM-DD) to read from",
          e);
    }
  }

  private static @Nullable LocalDate date(JsonNode json, String name) {
    String text = text(json, name);
    return text == null ? null : LocalDate.parse(text);
  }

  private static @Nullable String text(JsonNode json, String name) {
    JsonNode node = json.path(name);
    return node.isTextual() ? node.asText() : null;
  }

  String encode(ObjectMapper mapper) {
    ObjectNode json = mapper.createObjectNode();
    put(json, "done", done);
    put(json, "next", next);
    put(json, "from", from);
    put(json, "to", to);
    put(json, "run", run);
    put(json, "after", after);
    if (span > 0) {
      json.put("span", span);
    }
    if (failures > 0) {
      json.put("failures", failures);
    }
    put(json, "retry_at", retryAt);
    return json.toString();
  }

  private static void put(ObjectNode json, String name, @Nullable Object value) {
    if (value != null) {
      json.put(name, value.toString());
    }
  }

  /** A pass starting at {@code first}, with what this position knows of done days and failures. */
  InsightsPosition pass(LocalDate first) {
    return new InsightsPosition(done, first, null, null, null, null, span, failures, retryAt);
  }

  /** The report for {@code from}..{@code to} was started as {@code run} (null: sync pages). */
  InsightsPosition chunk(
      @Nullable LocalDate from, @Nullable LocalDate to, @Nullable String run, int span) {
    return new InsightsPosition(done, next, from, to, run, null, span, failures, null);
  }

  /** More pages of the chunk follow, from {@code cursor}. */
  InsightsPosition reading(String cursor) {
    return new InsightsPosition(done, next, from, to, run, cursor, span, failures, retryAt);
  }

  /** The chunk is read: the pass goes on after it, the failures of its report forgotten. */
  InsightsPosition chunkDone() {
    LocalDate last = to == null ? done : (done == null || to.isAfter(done) ? to : done);
    LocalDate after = to == null ? null : to.plusDays(1);
    return new InsightsPosition(last, after, null, null, null, null, span, 0, null);
  }

  /** Between passes: only the last day read is kept. */
  InsightsPosition idle() {
    return new InsightsPosition(done, null, null, null, null, null, 0, 0, null);
  }

  /** The chunk's report failed: read it again, over at most {@code newSpan} days. */
  InsightsPosition retryChunk(int newSpan, int newFailures, @Nullable Instant notBefore) {
    LocalDate first = from != null ? from : next;
    return new InsightsPosition(
        done, first, null, null, null, null, newSpan, newFailures, notBefore);
  }
}

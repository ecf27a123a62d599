package dev.tributary.connectors.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tributary.core.ConfigException;
import org.jspecify.annotations.Nullable;

/**
 * Where a REST import stands, kept as the checkpoint's cursor (a small JSON object) so the runtime
 * can store it: the incremental value this pass asked from ({@code since}), the continuation of the
 * pass (a page token, an offset, the last key, or a {@code Link} URL; null between passes), and the
 * highest incremental value committed ({@code high}). The checkpoint's {@code seenAtCursor} holds
 * the keys committed at exactly {@code high}.
 *
 * <p>A cursor that is not a JSON object is taken as a hand-set start: the incremental value to read
 * from.
 */
record ImportPosition(
    @Nullable String since, @Nullable String next, @Nullable String high, boolean restarted) {
  static final ImportPosition START = new ImportPosition(null, null, null, false);

  ImportPosition(@Nullable String since, @Nullable String next, @Nullable String high) {
    this(since, next, high, false);
  }

  static ImportPosition decode(@Nullable String cursor, ObjectMapper mapper) {
    if (cursor == null || cursor.isBlank()) {
      return START;
    }
    if (!cursor.startsWith("{")) {
      return new ImportPosition(cursor, null, cursor);
    }
    try {
      JsonNode json = mapper.readTree(cursor);
      return new ImportPosition(
          text(json, "since"),
          text(json, "next"),
          text(json, "high"),
          json.path("restarted").asBoolean(false));
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          "the saved checkpoint of this REST import is not readable: delete it to start over", e);
    }
  }

  private static @Nullable String text(JsonNode json, String name) {
    JsonNode node = json.path(name);
    return node.isTextual() ? node.asText() : null;
  }

  String encode(ObjectMapper mapper) {
    ObjectNode json = mapper.createObjectNode();
    if (since != null) {
      json.put("since", since);
    }
    if (next != null) {
      json.put("next", next);
    }
    if (high != null) {
      json.put("high", high);
    }
    if (restarted) {
      json.put("restarted", true);
    }
    return json.toString();
  }

  ImportPosition withNext(@Nullable String next, @Nullable String high) {
    return new ImportPosition(since, next, high, restarted);
  }

  /** This pass from its beginning, marked so that it is started again at most once. */
  ImportPosition restart() {
    return new ImportPosition(since, null, high, true);
  }
}

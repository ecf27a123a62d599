package dev.tributary.connectors.bigquery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tributary.connectors.internal.json.JsonCodec;
import dev.tributary.core.ValidationException;
import dev.tributary.core.model.Event;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns an {@link Event} into an insertAll row ({@code {"insertId": ..., "json": {...}}}) in the
 * chosen {@link RowLayout}. The insert ID is the event's {@code insert_id_field} value when it has
 * one, else a SHA-256 of the whole event, so that a row sent again after a lost answer carries the
 * same ID and BigQuery can drop the copy (best effort, for about a minute). IDs longer than
 * BigQuery's 128 characters are hashed.
 *
 * <p>Field values are made JSON-ready by {@link JsonCodec#jsonReadyWithNonFiniteAsText}: like every
 * export's, except that NaN and the infinities go as the strings BigQuery's streaming insert takes
 * for {@code FLOAT64} rather than being refused.
 */
final class BigQueryRows {
  static final int MAX_INSERT_ID_LENGTH = 128;

  /** Sorted keys, so that equal events hash alike whatever the order of their maps. */
  private static final ObjectMapper CANONICAL =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private BigQueryRows() {}

  static Map<String, Object> row(Event event, BigQuerySettings s) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("insertId", insertId(event, s.insertIdField()));
    json.put("json", columns(event, s.layout()));
    return json;
  }

  private static Map<String, @Nullable Object> columns(Event event, RowLayout layout) {
    Map<String, @Nullable Object> row = new LinkedHashMap<>();
    row.put("event_name", event.name());
    // BigQuery TIMESTAMPs hold microseconds
    row.put("occurred_at", event.occurredAt().truncatedTo(ChronoUnit.MICROS).toString());
    if (layout == RowLayout.JSON) {
      row.put("identities", text(event.identities()));
      row.put("fields", text(fields(event)));
      return row;
    }
    event.identities().forEach((kind, value) -> row.put("user_" + kind, value));
    for (Map.Entry<String, @Nullable Object> field : event.fields().entrySet()) {
      if (row.containsKey(field.getKey())) {
        throw new ValidationException(
            "the event's field \""
                + field.getKey()
                + "\" would overwrite the column of the same name; rename it or use layout json",
            field.getKey(),
            -1,
            null);
      }
      row.put(field.getKey(), ready(field.getValue(), field.getKey()));
    }
    return row;
  }

  static String insertId(Event event, @Nullable String field) {
    Object own = field == null ? null : event.fields().get(field);
    if (own != null) {
      String id = own.toString();
      return id.length() <= MAX_INSERT_ID_LENGTH ? id : sha256(id);
    }
    List<@Nullable Object> whole = new ArrayList<>();
    whole.add(event.name());
    whole.add(event.occurredAt().toString());
    whole.add(event.identities());
    whole.add(fields(event));
    return sha256(text(whole));
  }

  private static Map<String, @Nullable Object> fields(Event event) {
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    event.fields().forEach((name, value) -> fields.put(name, ready(value, name)));
    return fields;
  }

  private static @Nullable Object ready(@Nullable Object value, String field) {
    return JsonCodec.jsonReadyWithNonFiniteAsText(value, field);
  }

  private static String text(@Nullable Object value) {
    try {
      return CANONICAL.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new ValidationException(
          "the event cannot be written as JSON: " + e.getOriginalMessage());
    }
  }

  private static String sha256(String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}

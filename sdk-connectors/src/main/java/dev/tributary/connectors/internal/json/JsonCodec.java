package dev.tributary.connectors.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.core.SystemException;
import dev.tributary.core.ValidationException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads JSON into plain values ({@code LinkedHashMap}, {@code ArrayList}, {@code String}, {@code
 * Integer}/{@code Long}/{@code BigInteger}, {@code BigDecimal} for every fraction so that no digit
 * is lost, {@code Boolean}, {@code null}) and writes such values back. Parsing is strict: duplicate
 * keys, trailing content and nesting deeper than {@value #MAX_DEPTH} levels are errors.
 *
 * <p>Thread-safe; the mapper is configured once and never changed.
 */
public final class JsonCodec {
  /** The deepest nesting accepted: real payloads stay far below; deeper ones are attacks. */
  public static final int MAX_DEPTH = 64;

  private static final ObjectMapper MAPPER =
      new ObjectMapper(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                  .build())
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonCodec() {}

  /**
   * Parses one JSON document.
   *
   * @throws ValidationException saying what is wrong and where (line and column; {@link
   *     ValidationException#line()} is the line)
   */
  public static @Nullable Object parse(byte[] json) {
    try {
      return MAPPER.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new ValidationException(
          "the body is not valid JSON" + where + ": " + e.getOriginalMessage(),
          null,
          at == null ? -1 : at.getLineNr(),
          e);
    } catch (IOException e) {
      throw new ValidationException("the body could not be read as JSON: " + e.getMessage());
    }
  }

  /** Writes a JSON-ready value (see {@link #jsonReady}) as UTF-8 bytes. */
  public static byte[] write(@Nullable Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new SystemException("could not write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * The value as JSON can carry it: strings, booleans and finite numbers as they are; instants and
   * other {@code java.time} values as their ISO-8601 text; enums by name; collections as lists;
   * maps as objects with text keys.
   *
   * @param field the field the value belongs to, for the error
   * @throws ValidationException naming {@code field} for a non-finite number or a value of another
   *     type
   */
  public static @Nullable Object jsonReady(@Nullable Object value, String field) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Double d && !Double.isFinite(d)
        || value instanceof Float f && !Float.isFinite(f)) {
      throw new ValidationException(
          "field \"" + field + "\" is " + value + ", which JSON cannot carry", field, -1, null);
    }
    if (value instanceof Number || value instanceof BigDecimal) {
      return value;
    }
    if (value instanceof TemporalAccessor || value instanceof java.time.Duration) {
      return value.toString();
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof Collection<?> c) {
      List<@Nullable Object> list = new ArrayList<>(c.size());
      for (Object item : c) {
        list.add(jsonReady(item, field));
      }
      return list;
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, @Nullable Object> map = new LinkedHashMap<>();
      m.forEach((k, v) -> map.put(String.valueOf(k), jsonReady(v, field + "." + k)));
      return map;
    }
    throw new ValidationException(
        "field \""
            + field
            + "\" holds a "
            + value.getClass().getName()
            + "; profile values must be text, numbers, booleans, instants, lists or maps",
        field,
        -1,
        null);
  }
}

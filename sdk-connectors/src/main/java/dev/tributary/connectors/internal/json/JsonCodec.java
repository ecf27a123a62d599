package dev.tributary.connectors.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.core.SystemException;
import dev.tributary.core.ValidationException;
import java.io.IOException;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
   * Writes {@code value} with {@code mapper} (a transport's, which the host may have configured) as
   * UTF-8 bytes, for an item or body that its sender then reports on alone.
   *
   * @param what what is written, for the error: {@code "the row"}, {@code "the body of POST /x"}
   * @throws ValidationException {@code "<what> cannot be written as JSON: <Jackson's reason>"}
   */
  public static byte[] writeWith(ObjectMapper mapper, Object value, String what) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new ValidationException(what + " cannot be written as JSON: " + e.getOriginalMessage());
    }
  }

  /**
   * The value as JSON can carry it: strings, booleans and finite numbers as they are (no digit of a
   * {@code BigDecimal} or {@code BigInteger} lost); instants and other {@code java.time} values and
   * durations as their ISO-8601 text; enums by {@link Enum#name() name}; collections (sets too) as
   * lists; maps as objects with text keys ({@code String.valueOf} of each key). This is what every
   * export sends and what a body template walks: a plain {@code ObjectMapper} writes it without
   * extra modules.
   *
   * <p>Anything else is refused rather than written as its {@code toString()}: NaN and infinities
   * (JSON has no such numbers), records and other objects, {@code Optional}, arrays, characters,
   * {@code Period}s. Profile values are text, numbers, booleans, instants, lists or maps. So are a
   * list or map that contains itself and nesting deeper than {@value #MAX_DEPTH} levels, which
   * {@link #parse} (like many JSON readers) would refuse at the other end.
   *
   * @param field the field the value belongs to, for the error ({@code field.key} inside maps)
   * @throws ValidationException naming {@code field} for a non-finite number, a value of another
   *     type, a value that contains itself, or nesting too deep
   */
  public static @Nullable Object jsonReady(@Nullable Object value, String field) {
    return ready(value, field, false, null);
  }

  /**
   * As {@link #jsonReady}, except that NaN and the infinities become the text {@code "NaN"}, {@code
   * "Infinity"} and {@code "-Infinity"}, as Jackson writes such numbers by default. For BigQuery
   * only: its streaming insert takes exactly these strings for a {@code FLOAT64} column, so a
   * non-finite measurement is data there, not an error.
   */
  public static @Nullable Object jsonReadyWithNonFiniteAsText(
      @Nullable Object value, String field) {
    return ready(value, field, true, null);
  }

  /**
   * @param enclosing the lists and maps {@code value} sits in, outermost first; null at the top
   */
  private static @Nullable Object ready(
      @Nullable Object value,
      String field,
      boolean nonFiniteAsText,
      @Nullable Set<Object> enclosing) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Double d && !Double.isFinite(d)
        || value instanceof Float f && !Float.isFinite(f)) {
      if (nonFiniteAsText) {
        return value.toString();
      }
      throw new ValidationException(
          "field \"" + field + "\" is " + value + ", which JSON cannot carry", field, -1, null);
    }
    if (value instanceof Number) {
      return value;
    }
    if (value instanceof TemporalAccessor || value instanceof java.time.Duration) {
      return value.toString();
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
      Set<Object> path =
          enclosing != null ? enclosing : Collections.newSetFromMap(new IdentityHashMap<>());
      if (!path.add(value)) {
        throw new ValidationException(
            "field \""
                + field
                + "\" holds itself (a map or list that contains itself), which JSON cannot carry",
            field,
            -1,
            null);
      }
      if (path.size() > MAX_DEPTH) {
        throw new ValidationException(
            "field \""
                + field
                + "\" nests lists and maps deeper than "
                + MAX_DEPTH
                + " levels, which JSON readers refuse",
            field,
            -1,
            null);
      }
      Object ready;
      if (value instanceof Collection<?> c) {
        List<@Nullable Object> list = new ArrayList<>(c.size());
        for (Object item : c) {
          list.add(ready(item, field, nonFiniteAsText, path));
        }
        ready = list;
      } else {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        ((Map<?, ?>) value)
            .forEach(
                (k, v) ->
                    map.put(String.valueOf(k), ready(v, field + "." + k, nonFiniteAsText, path)));
        ready = map;
      }
      path.remove(value);
      return ready;
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

  /**
   * A JSON tree (an API's answer, as {@code HttpResponse.json()} reads it) as the same plain values
   * {@link #parse} gives: objects as ordered maps, arrays as lists, fractions as exact {@code
   * BigDecimal}s (exact as far as the tree was read so), text, booleans; JSON null and a missing
   * node as {@code null}.
   *
   * <p>One deliberate difference from {@link #parse}: whole numbers are always {@code Long} (or
   * {@code BigInteger} beyond 64 bits), never {@code Integer}. Imported records and enrichment
   * fields have always carried {@code Long}s (their tests pin them), inbound events Jackson's
   * smallest fitting type; unifying either way would change the Java type of values that hosts
   * already store and compare ({@code Integer.valueOf(7)} does not equal {@code 7L}).
   *
   * <p>The tree's strictness (duplicate keys, depth) is that of whoever read it; {@code parse} is
   * the strict reader for bodies from untrusted senders.
   */
  public static @Nullable Object fromTree(JsonNode node) {
    if (node.isObject()) {
      Map<String, @Nullable Object> out = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        out.put(e.getKey(), fromTree(e.getValue()));
      }
      return out;
    }
    if (node.isArray()) {
      List<@Nullable Object> out = new ArrayList<>(node.size());
      node.forEach(n -> out.add(fromTree(n)));
      return out;
    }
    if (node.isIntegralNumber()) {
      BigInteger big = node.bigIntegerValue();
      return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBinary() || node.isPojo()) {
      return node.asText();
    }
    return null; // null and missing
  }

  /**
   * A JSON object as an ordered map (see {@link #fromTree}); anything else as {@code {"value":
   * ...}}.
   */
  public static Map<String, @Nullable Object> objectOrWrapped(JsonNode node) {
    Object value = fromTree(node);
    if (value instanceof Map<?, ?>) {
      @SuppressWarnings("unchecked")
      Map<String, @Nullable Object> map = (Map<String, @Nullable Object>) value;
      return map;
    }
    Map<String, @Nullable Object> wrapped = new LinkedHashMap<>();
    wrapped.put("value", value);
    return wrapped;
  }
}

package dev.tributary.connectors.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Converts between model values and plain JSON-ready values (maps with string keys, lists, strings,
 * numbers, booleans, null): what a plain {@code ObjectMapper} writes without extra modules and what
 * a Go template walks. Instants and other dates become ISO-8601 text; sets become lists.
 */
public final class JsonValues {
  private JsonValues() {}

  /** {@code value} as plain JSON-ready data. */
  public static @Nullable Object plain(@Nullable Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Number) {
      return value;
    }
    if (value instanceof TemporalAccessor
        || value instanceof Enum<?>
        || value instanceof Character) {
      return value.toString();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, @Nullable Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
      return out;
    }
    if (value instanceof Collection<?> c) {
      List<@Nullable Object> out = new ArrayList<>(c.size());
      c.forEach(v -> out.add(plain(v)));
      return out;
    }
    if (value instanceof Object[] array) {
      return plain(List.of(array));
    }
    return value.toString();
  }

  /**
   * A JSON tree as Java values: objects as ordered maps, arrays as lists, whole numbers as {@code
   * Long} (or {@code BigInteger}), other numbers as exact {@code BigDecimal}s.
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

  /** A JSON object as an ordered map; anything else as {@code {"value": ...}}. */
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

  /** Whether {@code pointer} is a JSON pointer: empty, or starting with {@code /}. */
  public static boolean isPointer(String pointer) {
    return pointer.isEmpty() || pointer.startsWith("/");
  }
}

package dev.tributary.templates.internal.value;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Jackson {@code JsonNode} the way Go's {@code encoding/json} decodes JSON into {@code
 * interface{}}: objects become maps, arrays lists, every number a {@code float64}, {@code null} a
 * nil. Views are lazy, so a template that reads one field of a large document converts only that
 * field. Only {@link HostValues} calls this class, and only after it has seen a {@code JsonNode},
 * so Jackson stays an optional dependency.
 */
final class JsonNodes {
  private JsonNodes() {}

  static @Nullable Object adapt(Object node) {
    return value((JsonNode) node);
  }

  static @Nullable Object value(JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT:
        return new ObjectView(node);
      case ARRAY:
        return new ArrayView(node);
      case STRING:
        return node.textValue();
      case NUMBER:
        return number(node);
      case BOOLEAN:
        return node.booleanValue();
      case BINARY:
        return node.asText(); // base64, as Go encodes []byte
      case POJO:
        Object pojo = ((com.fasterxml.jackson.databind.node.POJONode) node).getPojo();
        return pojo == null ? null : HostValues.normalize(pojo);
      case NULL:
      case MISSING:
      default:
        return null;
    }
  }

  private static Double number(JsonNode node) {
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return (double) node.longValue(); // long to double rounds correctly
    }
    if (node.isDouble()) {
      return node.doubleValue();
    }
    return Double.parseDouble(node.asText()); // BigDecimal, BigInteger, float: via the decimal
  }

  /** An object node as {@code map[string]interface{}}. */
  private static final class ObjectView extends AbstractMap<String, Object> {
    private final JsonNode node;

    ObjectView(JsonNode node) {
      this.node = node;
    }

    @Override
    public @Nullable Object get(Object key) {
      JsonNode child = key instanceof String s ? node.get(s) : null;
      return child == null ? null : value(child);
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String s && node.has(s);
    }

    @Override
    public int size() {
      return node.size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Entry<String, Object>> iterator() {
          Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
          return new Iterator<>() {
            @Override
            public boolean hasNext() {
              return fields.hasNext();
            }

            @Override
            public Entry<String, Object> next() {
              Map.Entry<String, JsonNode> e = fields.next();
              return new SimpleImmutableEntry<>(e.getKey(), value(e.getValue()));
            }
          };
        }

        @Override
        public int size() {
          return node.size();
        }
      };
    }
  }

  /** An array node as {@code []interface{}}. */
  private static final class ArrayView extends AbstractList<Object> implements RandomAccess {
    private final JsonNode node;

    ArrayView(JsonNode node) {
      this.node = node;
    }

    @Override
    public @Nullable Object get(int index) {
      return value(node.get(index));
    }

    @Override
    public int size() {
      return node.size();
    }
  }
}

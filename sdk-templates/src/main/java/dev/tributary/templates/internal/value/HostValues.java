package dev.tributary.templates.internal.value;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * Converts the host's Java values into template values, lazily, as a template reads them. This is
 * the sandbox's door: only the classes listed here get in, and of them only data is read (record
 * components, map entries, list elements), never an arbitrary method.
 *
 * <p>Jackson is optional: a {@code JsonNode} is recognised by class name and adapted by {@link
 * JsonNodes}, which is loaded only when such a node is actually met.
 */
public final class HostValues {
  private static final Class<?> JSON_NODE =
      optionalClass("com.fasterxml.jackson.databind.JsonNode");

  private HostValues() {}

  private static Class<?> optionalClass(String name) {
    try {
      return Class.forName(name, false, HostValues.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return Void.class; // never an instance
    }
  }

  /**
   * A template value for a non-null host value ({@code null} for a JSON null node); throws for
   * classes templates may not read.
   */
  public static @Nullable Object normalize(Object v) {
    if (isTemplateValue(v.getClass())) {
      return v;
    }
    if (v instanceof String
        || v instanceof Double
        || v instanceof Long
        || v instanceof Integer
        || v instanceof Boolean
        || v instanceof GoValue
        || v instanceof Map
        || v instanceof List
        || v instanceof Record) {
      return v;
    }
    if (v instanceof Number n) {
      return number(n);
    }
    if (v instanceof CharSequence || v instanceof Character) {
      return v.toString();
    }
    if (v instanceof Enum<?> e) {
      return e.name();
    }
    if (JSON_NODE.isInstance(v)) {
      return JsonNodes.adapt(v);
    }
    Object time = time(v);
    if (time != null) {
      return time;
    }
    if (v.getClass().isArray()) {
      return v instanceof Object[] objects ? Arrays.asList(objects) : new PrimitiveArray(v);
    }
    if (v instanceof Collection<?> c) {
      return new ArrayList<>(c);
    }
    throw new UnsupportedValueException(v.getClass());
  }

  private static Object number(Number n) {
    if (n instanceof Short || n instanceof Byte) {
      return n.longValue();
    }
    if (n instanceof Float f) {
      return Double.parseDouble(Float.toString(f)); // the decimal the host wrote, not its binary
    }
    if (n instanceof BigInteger b) {
      return b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
    }
    if (n instanceof BigDecimal d) {
      return Double.parseDouble(d.toString());
    }
    if (n instanceof java.util.concurrent.atomic.AtomicInteger
        || n instanceof java.util.concurrent.atomic.AtomicLong) {
      return n.longValue();
    }
    return n.doubleValue();
  }

  private static @Nullable Object time(Object v) {
    if (v instanceof Instant i) {
      return new GoTime(i.atZone(ZoneOffset.UTC));
    }
    if (v instanceof ZonedDateTime z) {
      return new GoTime(z);
    }
    if (v instanceof OffsetDateTime o) {
      return new GoTime(o.toZonedDateTime());
    }
    return null;
  }

  /**
   * Whether instances of the class are already template values, by class identity: the fast path
   * for the classes that make up nearly all data (JSON-decoded maps and lists, strings, numbers).
   */
  static boolean isTemplateValue(Class<?> c) {
    return c == String.class
        || c == Double.class
        || c == Long.class
        || c == Boolean.class
        || c == LinkedHashMap.class
        || c == ArrayList.class
        || c == HashMap.class
        || c == Integer.class
        || c == GoNil.class
        || c == GoInt.class
        || c == TypedList.class
        || c == TypedMap.class
        || c == GoTime.class;
  }

  /** A read-only list view of a primitive array. */
  private static final class PrimitiveArray extends AbstractList<Object> implements RandomAccess {
    private final Object array;

    PrimitiveArray(Object array) {
      this.array = array;
    }

    @Override
    public Object get(int index) {
      return Array.get(array, index);
    }

    @Override
    public int size() {
      return Array.getLength(array);
    }
  }
}

package dev.tributary.templates.internal.value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Go view of the Java values a template works with. A template value is one of:
 *
 * <ul>
 *   <li>{@code null}: no value (Go's invalid {@code reflect.Value}), what a missing key gives;
 *   <li>{@link GoNil}: a typed nil, such as a JSON {@code null} inside a map;
 *   <li>{@link String} ({@code string}), {@link Double} ({@code float64}), {@link Long} or {@link
 *       Integer} ({@code int}), {@link Boolean} ({@code bool});
 *   <li>any {@link Map} ({@code map[string]interface {}}) and {@link List} ({@code []interface
 *       {}}), whose elements are read through {@link #element};
 *   <li>a record (a struct whose fields are its components);
 *   <li>one of the {@link GoValue} classes for other Go types.
 * </ul>
 *
 * Other host values are converted by {@link HostValues#normalize} when they are read.
 */
public final class Values {
  private Values() {}

  /** The Go type of a (non-null) template value. */
  public static GoType typeOf(Object v) {
    // Exact class checks first: interface instanceof checks on a JDK map are slow when many
    // alternate (one cached supertype per class), and these classes cover nearly all data.
    Class<?> c = v.getClass();
    if (c == String.class) {
      return GoType.STRING;
    } else if (c == Double.class) {
      return GoType.FLOAT64;
    } else if (c == Long.class || c == Integer.class) {
      return GoType.INT;
    } else if (c == Boolean.class) {
      return GoType.BOOL;
    } else if (c == LinkedHashMap.class || c == HashMap.class) {
      return GoType.MAP_STRING_IFACE;
    } else if (c == ArrayList.class) {
      return GoType.SLICE_IFACE;
    }
    return typeOfOther(v);
  }

  private static GoType typeOfOther(Object v) {
    if (v instanceof String) {
      return GoType.STRING;
    } else if (v instanceof Double) {
      return GoType.FLOAT64;
    } else if (v instanceof Long || v instanceof Integer) {
      return GoType.INT;
    } else if (v instanceof Boolean) {
      return GoType.BOOL;
    } else if (v instanceof GoValue g) {
      return g.goType();
    } else if (v instanceof Map) {
      return GoType.MAP_STRING_IFACE;
    } else if (v instanceof List) {
      return GoType.SLICE_IFACE;
    } else if (v instanceof Record) {
      return Records.info(v.getClass()).type();
    }
    Object normalized = HostValues.normalize(v);
    return normalized == null ? GoType.INTERFACE : typeOf(normalized);
  }

  /** The kind of a value; {@link Kind#INVALID} for no value. */
  public static Kind kindOf(@Nullable Object v) {
    return v == null ? Kind.INVALID : typeOf(v).kind();
  }

  /**
   * An element read from a map, slice or struct: a Java {@code null} there is a nil {@code
   * interface{}}, and host values are normalized.
   */
  public static Object element(@Nullable Object raw) {
    if (raw == null) {
      return GoNil.INTERFACE;
    }
    if (HostValues.isTemplateValue(raw.getClass())) {
      return raw;
    }
    Object normalized = HostValues.normalize(raw);
    return normalized == null ? GoNil.INTERFACE : normalized;
  }

  /** The value as a {@code map[string]interface{}} (any Java map but a typed one), or null. */
  public static @Nullable Map<?, ?> genericMap(@Nullable Object v) {
    if (v == null) {
      return null;
    }
    Class<?> c = v.getClass();
    if (c == LinkedHashMap.class || c == HashMap.class) {
      return (Map<?, ?>) v;
    }
    if (c == TypedMap.class || !(v instanceof Map<?, ?> m)) {
      return null;
    }
    return m;
  }

  /** The value as a slice of any element type, or null. */
  public static @Nullable List<?> slice(@Nullable Object v) {
    if (v == null) {
      return null;
    }
    Class<?> c = v.getClass();
    if (c == ArrayList.class || c == TypedList.class) {
      return (List<?>) v;
    }
    return v instanceof List<?> l ? l : null;
  }

  /** Go's {@code indirectInterface}: a nil interface becomes no value. */
  public static @Nullable Object indirectInterface(@Nullable Object v) {
    return v instanceof GoNil n && n.goType() == GoType.INTERFACE ? null : v;
  }

  /** Whether the value is a nil interface (as a map element or function result may be). */
  public static boolean isNilInterface(@Nullable Object v) {
    return v == GoNil.INTERFACE;
  }

  /** Go's truth ({@code if}, {@code and}, {@code not}): not the zero value of its type. */
  public static boolean truth(@Nullable Object v) {
    if (v == null) {
      return false;
    } else if (v instanceof String s) {
      return !s.isEmpty();
    } else if (v instanceof Boolean b) {
      return b;
    } else if (v instanceof Double d) {
      return d != 0;
    } else if (v instanceof Long l) {
      return l != 0;
    } else if (v instanceof Integer i) {
      return i != 0;
    } else if (v instanceof GoNil) {
      return false;
    } else if (v instanceof GoInt i) {
      return i.bits() != 0;
    } else if (v instanceof GoComplex c) {
      return c.real() != 0 || c.imag() != 0;
    } else if (v instanceof Map<?, ?> m) {
      return !m.isEmpty();
    } else if (v instanceof List<?> l) {
      return !l.isEmpty();
    }
    return true; // structs, times and functions
  }

  /** Whether the value has a signed integer kind. */
  public static boolean isSignedInt(@Nullable Object v) {
    return v instanceof Long
        || v instanceof Integer
        || (v instanceof GoInt i && i.goType().kind().isSignedInt());
  }

  /** Whether the value has an unsigned integer kind. */
  public static boolean isUnsignedInt(@Nullable Object v) {
    return v instanceof GoInt i && i.goType().kind().isUnsignedInt();
  }

  /** The bits of an integer value (signed or unsigned). */
  public static long intBits(Object v) {
    if (v instanceof GoInt i) {
      return i.bits();
    }
    return ((Number) v).longValue();
  }

  /** A plain Go {@code int}. */
  public static Long ofInt(long value) {
    return value;
  }
}

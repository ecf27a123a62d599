package dev.tributary.templates.internal.value;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Go type as far as templates can observe it: its name (as {@code %T} prints it), its kind and,
 * for containers, its element type. Types are compared by identity: every type a template can see
 * is one of the constants here or a record type interned by {@link Records}.
 */
public final class GoType {
  public static final GoType BOOL = basic("bool", Kind.BOOL);
  public static final GoType INT = basic("int", Kind.INT);
  public static final GoType INT8 = basic("int8", Kind.INT8);
  public static final GoType INT16 = basic("int16", Kind.INT16);
  public static final GoType INT32 = basic("int32", Kind.INT32);
  public static final GoType INT64 = basic("int64", Kind.INT64);
  public static final GoType UINT = basic("uint", Kind.UINT);
  public static final GoType UINT8 = basic("uint8", Kind.UINT8);
  public static final GoType UINT32 = basic("uint32", Kind.UINT32);
  public static final GoType UINT64 = basic("uint64", Kind.UINT64);
  public static final GoType FLOAT64 = basic("float64", Kind.FLOAT64);
  public static final GoType COMPLEX128 = basic("complex128", Kind.COMPLEX128);
  public static final GoType STRING = basic("string", Kind.STRING);

  /** The empty interface, {@code interface{}}; Go spells it {@code "interface {}"}. */
  public static final GoType INTERFACE = basic("interface {}", Kind.INTERFACE);

  /** {@code reflect.Value}: a parameter of this type receives the argument unconverted. */
  public static final GoType REFLECT_VALUE = basic("reflect.Value", Kind.STRUCT);

  public static final GoType SLICE_IFACE = slice(INTERFACE);
  public static final GoType SLICE_STRING = slice(STRING);
  public static final GoType SLICE_INT = slice(INT);
  public static final GoType SLICE_SLICE_IFACE = slice(SLICE_IFACE);
  public static final GoType BYTES = slice(UINT8);
  public static final GoType MAP_STRING_IFACE = map(STRING, INTERFACE);
  public static final GoType MAP_STRING_STRING = map(STRING, STRING);

  public static final GoType TIME = basic("time.Time", Kind.STRUCT);
  public static final GoType DURATION = basic("time.Duration", Kind.INT64);
  public static final GoType MONTH = basic("time.Month", Kind.INT);
  public static final GoType WEEKDAY = basic("time.Weekday", Kind.INT);

  /** A host function handed to a template as data, callable with {@code call}. */
  public static final GoType FUNC = basic("func(...interface {}) (interface {}, error)", Kind.FUNC);

  private final String name;
  private final Kind kind;
  private final @Nullable GoType elem;
  private final @Nullable GoType key;

  GoType(String name, Kind kind, @Nullable GoType elem, @Nullable GoType key) {
    this.name = name;
    this.kind = kind;
    this.elem = elem;
    this.key = key;
  }

  private static GoType basic(String name, Kind kind) {
    return new GoType(name, kind, null, null);
  }

  private static GoType slice(GoType elem) {
    return new GoType("[]" + elem.name, Kind.SLICE, elem, null);
  }

  private static GoType map(GoType key, GoType elem) {
    return new GoType("map[" + key.name + "]" + elem.name, Kind.MAP, elem, key);
  }

  public String name() {
    return name;
  }

  public Kind kind() {
    return kind;
  }

  /** The element type of a slice, array or map. */
  public GoType elem() {
    return Objects.requireNonNull(elem, name);
  }

  /** The key type of a map. */
  public GoType key() {
    return Objects.requireNonNull(key, name);
  }

  /** Whether the empty interface: {@code interface{}}. */
  public boolean isEmptyInterface() {
    return this == INTERFACE;
  }

  /** Go's assignability, for the types templates meet: identical, or to {@code interface{}}. */
  public boolean isAssignableFrom(GoType source) {
    return this == source || this == INTERFACE;
  }

  @Override
  public String toString() {
    return name;
  }
}

package dev.tributary.templates.internal.sprig;

import dev.tributary.templates.internal.func.GoFunction;
import dev.tributary.templates.internal.value.GoType;
import java.util.List;

/** Shorthands for declaring sprig functions with their Go signatures. */
final class Fn {
  static final GoType S = GoType.STRING;
  static final GoType I = GoType.INT;
  static final GoType I64 = GoType.INT64;
  static final GoType F = GoType.FLOAT64;
  static final GoType B = GoType.BOOL;
  static final GoType A = GoType.INTERFACE;
  static final GoType M = GoType.MAP_STRING_IFACE;
  static final GoType L = GoType.SLICE_IFACE;
  static final GoType LS = GoType.SLICE_STRING;
  static final GoType T = GoType.TIME;

  private Fn() {}

  /** {@code func name(params...) result}. */
  static GoFunction fn(String name, GoType result, List<GoType> params, GoFunction.Impl impl) {
    return GoFunction.of(name, result, params, impl);
  }

  /** {@code func name(params..., last ...T) result}. */
  static GoFunction va(String name, GoType result, List<GoType> params, GoFunction.Impl impl) {
    return GoFunction.variadic(name, result, params, impl);
  }

  static String s(Object v) {
    return (String) v;
  }

  static long i(Object v) {
    return ((Number) v).longValue();
  }
}

package dev.tributary.templates.internal.exec;

import dev.tributary.templates.internal.fmt.GoFmt;
import dev.tributary.templates.internal.func.FuncException;
import dev.tributary.templates.internal.func.FunctionTable;
import dev.tributary.templates.internal.func.GoFunction;
import dev.tributary.templates.internal.value.GoFuncValue;
import dev.tributary.templates.internal.value.GoNil;
import dev.tributary.templates.internal.value.GoStrings;
import dev.tributary.templates.internal.value.GoType;
import dev.tributary.templates.internal.value.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Go's builtin template functions ({@code and or not len index slice print printf println html js
 * urlquery call eq ne lt le gt ge}) with their Go signatures. Immutable and shared.
 */
public final class Builtins {
  private static final GoType RV = GoType.REFLECT_VALUE;
  private static final GoType ANY = GoType.INTERFACE;

  /** The builtins, which a template's own functions may override (sprig overrides slice). */
  public static final FunctionTable TABLE = table();

  private Builtins() {}

  private static FunctionTable table() {
    Map<String, GoFunction> m = new LinkedHashMap<>();
    add(m, GoFunction.variadic("and", RV, List.of(RV, RV), (env, a) -> a[0]));
    add(m, GoFunction.variadic("or", RV, List.of(RV, RV), (env, a) -> a[0]));
    add(m, GoFunction.variadic("call", RV, List.of(RV, RV), Builtins::call));
    add(m, GoFunction.variadic("html", GoType.STRING, List.of(ANY), (e, a) -> Escapes.html(a)));
    add(m, GoFunction.variadic("index", RV, List.of(RV, RV), Indexing::index));
    add(m, GoFunction.variadic("slice", RV, List.of(RV, RV), Indexing::slice));
    add(m, GoFunction.variadic("js", GoType.STRING, List.of(ANY), (e, a) -> Escapes.js(a)));
    add(m, GoFunction.of("len", GoType.INT, List.of(RV), (env, a) -> length(a[0])));
    add(m, GoFunction.of("not", GoType.BOOL, List.of(RV), (env, a) -> !truth(a[0])));
    add(m, GoFunction.variadic("print", GoType.STRING, List.of(ANY), Builtins::print));
    add(
        m,
        GoFunction.variadic(
            "printf", GoType.STRING, List.of(GoType.STRING, ANY), Builtins::printf));
    add(m, GoFunction.variadic("println", GoType.STRING, List.of(ANY), Builtins::println));
    add(
        m,
        GoFunction.variadic(
            "urlquery", GoType.STRING, List.of(ANY), (e, a) -> Escapes.urlQuery(a)));
    add(m, GoFunction.variadic("eq", GoType.BOOL, List.of(RV, RV), (env, a) -> Compare.eq(a)));
    add(m, GoFunction.of("ge", GoType.BOOL, List.of(RV, RV), (env, a) -> !Compare.lt(a[0], a[1])));
    add(m, GoFunction.of("gt", GoType.BOOL, List.of(RV, RV), (env, a) -> !Compare.le(a[0], a[1])));
    add(m, GoFunction.of("le", GoType.BOOL, List.of(RV, RV), (env, a) -> Compare.le(a[0], a[1])));
    add(m, GoFunction.of("lt", GoType.BOOL, List.of(RV, RV), (env, a) -> Compare.lt(a[0], a[1])));
    add(m, GoFunction.of("ne", GoType.BOOL, List.of(RV, RV), (env, a) -> !Compare.eq(a)));
    return FunctionTable.of(m);
  }

  private static void add(Map<String, GoFunction> m, GoFunction f) {
    m.put(f.name(), f);
  }

  static boolean truth(Object v) {
    return Values.truth(Values.indirectInterface(v));
  }

  private static Object print(dev.tributary.templates.internal.func.FuncEnv env, Object[] a) {
    return GoFmt.sprint(Arrays.asList(a));
  }

  private static Object println(dev.tributary.templates.internal.func.FuncEnv env, Object[] a) {
    return GoFmt.sprintln(Arrays.asList(a));
  }

  private static Object printf(dev.tributary.templates.internal.func.FuncEnv env, Object[] a) {
    String s = GoFmt.sprintf((String) a[0], Arrays.asList(a).subList(1, a.length));
    return s;
  }

  /** Go's {@code length}: bytes of a string, entries of a map, elements of a slice. */
  static long length(Object item) throws FuncException {
    if (item == null) {
      throw new FuncException("reflect: call of reflect.Value.Type on zero Value");
    }
    if (item instanceof GoNil nil) {
      if (nil.goType().kind() == dev.tributary.templates.internal.value.Kind.INTERFACE) {
        throw new FuncException("len of nil pointer");
      }
      return 0;
    }
    if (item instanceof String s) {
      return GoStrings.byteLength(s);
    } else if (item instanceof List<?> l) {
      return l.size();
    } else if (item instanceof Map<?, ?> m) {
      return m.size();
    }
    throw new FuncException("len of type " + Values.typeOf(item));
  }

  /** Go's {@code call}: invokes a function value the data holds. */
  private static Object call(dev.tributary.templates.internal.func.FuncEnv env, Object[] a)
      throws FuncException {
    Object fn = Values.indirectInterface(a[0]);
    if (fn == null) {
      throw new FuncException("call of nil");
    }
    if (!(fn instanceof GoFuncValue f)) {
      throw new FuncException("non-function of type " + Values.typeOf(fn));
    }
    List<Object> args = new ArrayList<>(a.length - 1);
    for (int i = 1; i < a.length; i++) {
      args.add(Values.indirectInterface(a[i]));
    }
    try {
      return f.apply(args);
    } catch (RuntimeException e) {
      throw new FuncException(e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }
}

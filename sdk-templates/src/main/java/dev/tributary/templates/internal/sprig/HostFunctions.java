package dev.tributary.templates.internal.sprig;

import dev.tributary.templates.internal.func.FuncException;
import dev.tributary.templates.internal.func.GoFunction;
import dev.tributary.templates.internal.value.GoInt;
import dev.tributary.templates.internal.value.GoNil;
import dev.tributary.templates.internal.value.GoTime;
import dev.tributary.templates.internal.value.GoType;
import dev.tributary.templates.internal.value.HostValues;
import dev.tributary.templates.internal.value.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Wraps a host's Java function as a Go function: arguments are handed over as plain Java values,
 * the result is read like template data, and a thrown exception becomes {@code error calling NAME:
 * message}.
 */
public final class HostFunctions {
  private HostFunctions() {}

  public static GoFunction variadic(String name, Function<List<Object>, Object> body) {
    return GoFunction.variadic(
        name, GoType.INTERFACE, List.of(GoType.INTERFACE), (env, a) -> invoke(body, a));
  }

  public static GoFunction fixed(String name, int arity, Function<List<Object>, Object> body) {
    return GoFunction.of(
        name,
        GoType.INTERFACE,
        Collections.nCopies(arity, GoType.INTERFACE),
        (env, a) -> invoke(body, a));
  }

  private static Object invoke(Function<List<Object>, Object> body, Object[] a)
      throws FuncException {
    List<Object> args = new ArrayList<>(a.length);
    for (Object x : a) {
      args.add(toHost(x));
    }
    Object result;
    try {
      result = body.apply(Collections.unmodifiableList(args));
    } catch (RuntimeException e) {
      String message = e.getMessage();
      throw new FuncException(message == null ? e.getClass().getSimpleName() : message);
    }
    return result == null ? null : HostValues.normalize(result);
  }

  private static Object toHost(Object v) {
    if (v instanceof GoNil) {
      return null;
    }
    if (v instanceof GoInt i) {
      return i.bits();
    }
    if (v instanceof GoTime t) {
      return t.time();
    }
    return v;
  }

  /** Helm's {@code required}: the value, unless it is nil or an empty string. */
  public static GoFunction required() {
    return GoFunction.of(
        "required",
        GoType.INTERFACE,
        List.of(GoType.STRING, GoType.INTERFACE),
        (env, a) -> {
          Object val = a[1];
          if (val == null || (val instanceof String s && s.isEmpty())) {
            throw new FuncException((String) a[0]);
          }
          return Values.element(val);
        });
  }
}

package dev.tributary.templates.internal.sprig;

import static dev.tributary.templates.internal.sprig.Fn.A;
import static dev.tributary.templates.internal.sprig.Fn.B;
import static dev.tributary.templates.internal.sprig.Fn.L;
import static dev.tributary.templates.internal.sprig.Fn.LS;
import static dev.tributary.templates.internal.sprig.Fn.M;
import static dev.tributary.templates.internal.sprig.Fn.S;
import static dev.tributary.templates.internal.sprig.Fn.fn;
import static dev.tributary.templates.internal.sprig.Fn.s;
import static dev.tributary.templates.internal.sprig.Fn.va;

import dev.tributary.templates.internal.func.FuncEnv;
import dev.tributary.templates.internal.func.FuncException;
import dev.tributary.templates.internal.func.GoFunction;
import dev.tributary.templates.internal.value.GoNil;
import dev.tributary.templates.internal.value.TypedList;
import dev.tributary.templates.internal.value.Values;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * sprig's dict functions. As in Go, {@code set}, {@code unset} and {@code merge} change the map
 * they are given; a read-only map (such as a host's {@code Map.of}) is refused with an error.
 */
final class SprigDicts {
  private SprigDicts() {}

  static List<GoFunction> functions() {
    List<GoFunction> f = new ArrayList<>();
    f.add(va("dict", M, List.of(A), (e, a) -> dict(a)));
    f.add(fn("get", A, List.of(M, S), (e, a) -> get(map(a[0]), s(a[1]))));
    f.add(fn("set", M, List.of(M, S, A), (e, a) -> set(a[0], s(a[1]), a[2])));
    f.add(fn("unset", M, List.of(M, S), (e, a) -> unset(map(a[0]), s(a[1]))));
    f.add(fn("hasKey", B, List.of(M, S), (e, a) -> map(a[0]).containsKey(s(a[1]))));
    f.add(va("pluck", L, List.of(S, M), SprigDicts::pluck));
    f.add(va("keys", LS, List.of(M), (e, a) -> keys(a)));
    f.add(va("pick", M, List.of(M, S), (e, a) -> pick(a, true)));
    f.add(va("omit", M, List.of(M, S), (e, a) -> pick(a, false)));
    f.add(va("merge", A, List.of(M, M), (e, a) -> merge(a, false)));
    f.add(va("mustMerge", A, List.of(M, M), (e, a) -> merge(a, false)));
    f.add(va("mergeOverwrite", A, List.of(M, M), (e, a) -> merge(a, true)));
    f.add(va("mustMergeOverwrite", A, List.of(M, M), (e, a) -> merge(a, true)));
    f.add(fn("values", L, List.of(M), (e, a) -> values(map(a[0]))));
    f.add(va("dig", A, List.of(A), (e, a) -> dig(a)));
    f.add(fn("deepCopy", A, List.of(A), (e, a) -> deepCopy(a[0])));
    f.add(fn("mustDeepCopy", A, List.of(A), (e, a) -> deepCopy(a[0])));
    return f;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object m) {
    return m instanceof GoNil ? Map.of() : (Map<String, Object>) m;
  }

  private static Object dict(Object[] v) {
    Map<String, Object> dict = new LinkedHashMap<>();
    for (int i = 0; i < v.length; i += 2) {
      String key = Cast.strval(v[i]);
      dict.put(key, i + 1 >= v.length ? "" : v[i + 1]);
    }
    return dict;
  }

  private static Object get(Map<String, Object> d, String key) {
    if (d.containsKey(key)) {
      return Cast.interfaceValue(d.get(key));
    }
    return "";
  }

  private static Object set(Object m, String key, Object value) throws FuncException {
    if (m instanceof GoNil) {
      throw new FuncException("assignment to entry in nil map");
    }
    Map<String, Object> d = map(m);
    try {
      d.put(key, value);
    } catch (UnsupportedOperationException e) {
      throw readOnly();
    }
    return d;
  }

  private static Object unset(Map<String, Object> d, String key) throws FuncException {
    try {
      d.remove(key);
    } catch (UnsupportedOperationException e) {
      throw readOnly();
    }
    return d;
  }

  private static FuncException readOnly() {
    return new FuncException(
        "this map is read-only (the host passed an unmodifiable map); copy it first:"
            + " merge (dict) .");
  }

  private static Object pluck(FuncEnv env, Object[] a) {
    List<Object> res = new ArrayList<>();
    for (int i = 1; i < a.length; i++) {
      Map<String, Object> dict = map(a[i]);
      if (dict.containsKey(s(a[0]))) {
        res.add(Cast.interfaceValue(dict.get(s(a[0]))));
      }
    }
    return res;
  }

  private static Object keys(Object[] dicts) {
    List<String> k = new ArrayList<>();
    for (Object d : dicts) {
      k.addAll(map(d).keySet());
    }
    return TypedList.of(LS, k);
  }

  private static Object pick(Object[] a, boolean keep) {
    Map<String, Object> dict = map(a[0]);
    Set<String> keys = new HashSet<>();
    for (int i = 1; i < a.length; i++) {
      keys.add(s(a[i]));
    }
    Map<String, Object> res = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : dict.entrySet()) {
      if (keys.contains(e.getKey()) == keep) {
        res.put(e.getKey(), e.getValue());
      }
    }
    return res;
  }

  private static Object values(Map<String, Object> dict) {
    List<Object> values = new ArrayList<>();
    for (Object v : dict.values()) {
      values.add(Cast.interfaceValue(v));
    }
    return values;
  }

  /** mergo's Merge: fills keys missing from {@code dst}, recursing into nested maps. */
  private static Object merge(Object[] a, boolean overwrite) throws FuncException {
    Map<String, Object> dst = map(a[0]);
    try {
      for (int i = 1; i < a.length; i++) {
        mergeInto(dst, map(a[i]), overwrite);
      }
    } catch (UnsupportedOperationException e) {
      throw readOnly();
    }
    return dst;
  }

  @SuppressWarnings("unchecked")
  private static void mergeInto(Map<String, Object> dst, Map<String, Object> src, boolean over) {
    for (Map.Entry<String, Object> e : src.entrySet()) {
      String key = e.getKey();
      Object sv = e.getValue();
      Object dv = dst.get(key);
      if (dv instanceof Map && sv instanceof Map) {
        mergeInto((Map<String, Object>) dv, (Map<String, Object>) sv, over);
      } else if (!dst.containsKey(key)
          || Cast.empty(Values.element(dv))
          || (over && !Cast.empty(Values.element(sv)))) {
        dst.put(key, sv);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Object dig(Object[] ps) throws FuncException {
    if (ps.length < 3) {
      throw new FuncException("dig needs at least three arguments");
    }
    Object last = ps[ps.length - 1];
    Object def = ps[ps.length - 2];
    Map<String, Object> dict = asMap(last);
    for (int i = 0; i < ps.length - 2; i++) {
      if (!(ps[i] instanceof String key)) {
        throw new FuncException(conversion(ps[i], "string"));
      }
      if (!dict.containsKey(key)) {
        return def;
      }
      Object step = Cast.interfaceValue(dict.get(key));
      if (i == ps.length - 3) {
        return step;
      }
      dict = asMap(step);
    }
    return def;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object v) throws FuncException {
    if (v instanceof Map<?, ?> m
        && !(v instanceof dev.tributary.templates.internal.value.GoValue)) {
      return (Map<String, Object>) m;
    }
    throw new FuncException(conversion(v, "map[string]interface {}"));
  }

  private static String conversion(Object v, String wanted) {
    String actual = v == null ? "nil" : Values.typeOf(v).name();
    return "interface conversion: interface {} is " + actual + ", not " + wanted;
  }

  /** A deep copy of maps and lists; other values are immutable and shared. */
  private static Object deepCopy(Object v) {
    if (v instanceof Map<?, ?> m
        && !(v instanceof dev.tributary.templates.internal.value.GoValue)) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.put(String.valueOf(e.getKey()), deepCopy(e.getValue()));
      }
      return out;
    }
    if (v instanceof List<?> l && !(v instanceof dev.tributary.templates.internal.value.GoValue)) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object e : l) {
        out.add(deepCopy(e));
      }
      return out;
    }
    return v;
  }
}

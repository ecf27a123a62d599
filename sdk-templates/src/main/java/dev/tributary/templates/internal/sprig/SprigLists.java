package dev.tributary.templates.internal.sprig;

import static dev.tributary.templates.internal.sprig.Fn.A;
import static dev.tributary.templates.internal.sprig.Fn.B;
import static dev.tributary.templates.internal.sprig.Fn.I;
import static dev.tributary.templates.internal.sprig.Fn.L;
import static dev.tributary.templates.internal.sprig.Fn.LS;
import static dev.tributary.templates.internal.sprig.Fn.fn;
import static dev.tributary.templates.internal.sprig.Fn.i;
import static dev.tributary.templates.internal.sprig.Fn.va;

import dev.tributary.templates.internal.fmt.FmtSort;
import dev.tributary.templates.internal.func.FuncEnv;
import dev.tributary.templates.internal.func.FuncException;
import dev.tributary.templates.internal.func.GoFunction;
import dev.tributary.templates.internal.value.GoNil;
import dev.tributary.templates.internal.value.GoType;
import dev.tributary.templates.internal.value.Kind;
import dev.tributary.templates.internal.value.TypedList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** sprig's list functions; each {@code mustX} shares {@code X}'s body, as Go's errors match. */
final class SprigLists {
  private SprigLists() {}

  static List<GoFunction> functions() {
    List<GoFunction> f = new ArrayList<>();
    f.add(va("list", L, List.of(A), (e, a) -> new ArrayList<>(Arrays.asList(a))));
    f.add(va("tuple", L, List.of(A), (e, a) -> new ArrayList<>(Arrays.asList(a))));
    both(f, "append", L, List.of(A, A), (e, a) -> push(a[0], a[1], false));
    both(f, "push", L, List.of(A, A), (e, a) -> push(a[0], a[1], false));
    both(f, "prepend", L, List.of(A, A), (e, a) -> push(a[0], a[1], true));
    both(f, "first", A, List.of(A), (e, a) -> end(a[0], "first", true));
    both(f, "last", A, List.of(A), (e, a) -> end(a[0], "last", false));
    both(f, "rest", L, List.of(A), (e, a) -> drop(a[0], "rest", true));
    both(f, "initial", L, List.of(A), (e, a) -> drop(a[0], "initial", false));
    both(f, "reverse", L, List.of(A), (e, a) -> reverse(a[0]));
    both(f, "compact", L, List.of(A), (e, a) -> compact(a[0]));
    both(f, "uniq", L, List.of(A), (e, a) -> uniq(a[0]));
    f.add(va("without", L, List.of(A, A), SprigLists::without));
    f.add(va("mustWithout", L, List.of(A, A), SprigLists::without));
    both(f, "has", B, List.of(A, A), (e, a) -> has(a[0], a[1]));
    f.add(va("slice", A, List.of(A, A), SprigLists::slice));
    f.add(va("mustSlice", A, List.of(A, A), SprigLists::slice));
    f.add(va("concat", A, List.of(A), (e, a) -> concat(a)));
    both(f, "chunk", GoType.SLICE_SLICE_IFACE, List.of(I, A), (e, a) -> chunk(e, i(a[0]), a[1]));
    f.add(fn("sortAlpha", LS, List.of(A), (e, a) -> sortAlpha(a[0])));
    return f;
  }

  private static void both(
      List<GoFunction> f, String name, GoType result, List<GoType> params, GoFunction.Impl impl) {
    f.add(fn(name, result, params, impl));
    f.add(
        fn(
            "must" + Character.toUpperCase(name.charAt(0)) + name.substring(1),
            result,
            params,
            impl));
  }

  /** The elements of a slice, or sprig's "Cannot … on type K" error. */
  static List<Object> listOf(Object list, String message) throws FuncException {
    Kind k = Cast.kindOrPanic(list);
    if (!Cast.isSlice(k)) {
      throw new FuncException(message + k);
    }
    return Cast.elements(list);
  }

  private static Object push(Object list, Object v, boolean front) throws FuncException {
    List<Object> l = listOf(list, front ? "Cannot prepend on type " : "Cannot push on type ");
    List<Object> out = new ArrayList<>(l.size() + 1);
    if (front) {
      out.add(v);
    }
    out.addAll(l);
    if (!front) {
      out.add(v);
    }
    return out;
  }

  private static Object end(Object list, String name, boolean first) throws FuncException {
    List<Object> l = listOf(list, "Cannot find " + name + " on type ");
    if (l.isEmpty()) {
      return null;
    }
    return l.get(first ? 0 : l.size() - 1);
  }

  private static Object drop(Object list, String name, boolean first) throws FuncException {
    List<Object> l = listOf(list, "Cannot find " + name + " on type ");
    if (l.isEmpty()) {
      return GoNil.of(L);
    }
    return new ArrayList<>(first ? l.subList(1, l.size()) : l.subList(0, l.size() - 1));
  }

  private static Object reverse(Object list) throws FuncException {
    List<Object> l = new ArrayList<>(listOf(list, "Cannot find reverse on type "));
    Collections.reverse(l);
    return l;
  }

  private static Object compact(Object list) throws FuncException {
    List<Object> out = new ArrayList<>();
    for (Object item : listOf(list, "Cannot compact on type ")) {
      if (!Cast.empty(item)) {
        out.add(item);
      }
    }
    return out;
  }

  private static Object uniq(Object list) throws FuncException {
    List<Object> dest = new ArrayList<>();
    for (Object item : listOf(list, "Cannot find uniq on type ")) {
      if (!inList(dest, item)) {
        dest.add(item);
      }
    }
    return dest;
  }

  private static boolean inList(List<Object> haystack, Object needle) {
    for (Object h : haystack) {
      if (Cast.deepEqual(needle, h)) {
        return true;
      }
    }
    return false;
  }

  private static Object without(FuncEnv env, Object[] a) throws FuncException {
    List<Object> omit = Arrays.asList(a).subList(1, a.length);
    List<Object> res = new ArrayList<>();
    for (Object item : listOf(a[0], "Cannot find without on type ")) {
      if (!inList(omit, item)) {
        res.add(item);
      }
    }
    return res;
  }

  private static Object has(Object needle, Object haystack) throws FuncException {
    if (haystack == null) {
      return false;
    }
    for (Object item : listOf(haystack, "Cannot find has on type ")) {
      if (Cast.deepEqual(needle, item)) {
        return true;
      }
    }
    return false;
  }

  private static Object slice(FuncEnv env, Object[] a) throws FuncException {
    Kind k = Cast.kindOrPanic(a[0]);
    if (!Cast.isSlice(k)) {
      throw new FuncException("list should be type of slice or array but " + k);
    }
    List<?> l = a[0] instanceof GoNil ? List.of() : (List<?>) a[0];
    if (l.isEmpty()) {
      return null;
    }
    long start = a.length > 1 ? Cast.toInt64(a[1]) : 0;
    long end = a.length > 2 ? Cast.toInt64(a[2]) : l.size();
    if (start < 0 || end < start || end > l.size()) {
      throw new FuncException("reflect.Value.Slice: slice index out of bounds");
    }
    List<Object> part = new ArrayList<>(l.subList((int) start, (int) end));
    return l instanceof TypedList t ? TypedList.of(t.goType(), part) : part;
  }

  private static Object concat(Object[] lists) throws FuncException {
    List<Object> res = new ArrayList<>();
    for (Object list : lists) {
      Kind k = Cast.kindOrPanic(list);
      if (!Cast.isSlice(k)) {
        throw new FuncException("Cannot concat type " + k + " as list");
      }
      res.addAll(Cast.elements(list));
    }
    return res.isEmpty() ? GoNil.of(L) : res; // Go appends to a nil slice
  }

  private static Object chunk(FuncEnv env, long size, Object list) throws FuncException {
    List<Object> l = listOf(list, "Cannot chunk type ");
    if (size <= 0) {
      throw new FuncException("runtime error: makeslice: len out of range");
    }
    int len = l.size();
    long cs = (long) Math.floor((double) (len - 1) / size) + 1;
    env.checkSize(cs);
    List<Object> out = new ArrayList<>();
    for (int c = 0; c < cs; c++) {
      long clen = size;
      if (c == cs - 1) {
        clen = (long) Math.floor(len % (double) size);
        if (clen == 0) {
          clen = size;
        }
      }
      List<Object> part = new ArrayList<>();
      for (int j = 0; j < clen; j++) {
        long ix = c * size + j;
        if (ix >= len) {
          throw new FuncException("reflect: slice index out of range");
        }
        part.add(l.get((int) ix));
      }
      out.add(part);
    }
    return TypedList.of(GoType.SLICE_SLICE_IFACE, out);
  }

  private static Object sortAlpha(Object list) {
    Kind k =
        list == null ? Kind.INVALID : dev.tributary.templates.internal.value.Values.kindOf(list);
    if (!Cast.isSlice(k)) {
      return TypedList.of(LS, List.of(Cast.strval(list)));
    }
    List<String> a = new ArrayList<>(SprigStrings.strslice(list));
    a.sort(FmtSort::compareStrings);
    return TypedList.of(LS, a);
  }
}

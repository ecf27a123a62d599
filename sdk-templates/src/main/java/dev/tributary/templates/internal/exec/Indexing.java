package dev.tributary.templates.internal.exec;

import dev.tributary.templates.internal.func.FuncEnv;
import dev.tributary.templates.internal.func.FuncException;
import dev.tributary.templates.internal.value.GoInt;
import dev.tributary.templates.internal.value.GoNil;
import dev.tributary.templates.internal.value.GoStrings;
import dev.tributary.templates.internal.value.GoType;
import dev.tributary.templates.internal.value.GoValue;
import dev.tributary.templates.internal.value.Kind;
import dev.tributary.templates.internal.value.TypedList;
import dev.tributary.templates.internal.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Go's {@code index} and {@code slice} builtins, with Go's errors. Stateless. */
final class Indexing {
  private Indexing() {}

  static Object index(FuncEnv env, Object[] a) throws FuncException {
    Object item = Values.indirectInterface(a[0]);
    if (item == null) {
      throw new FuncException("index of untyped nil");
    }
    for (int i = 1; i < a.length; i++) {
      Object index = Values.indirectInterface(a[i]);
      if (item == GoNil.INTERFACE) {
        throw new FuncException("index of nil pointer");
      }
      item = indexOnce(item, index);
    }
    return item;
  }

  private static Object indexOnce(Object item, Object index) throws FuncException {
    if (item instanceof List<?> list) {
      int x = indexArg(index, list.size());
      if (x == list.size()) {
        throw new FuncException("reflect: slice index out of range");
      }
      return list instanceof GoValue ? list.get(x) : Values.element(list.get(x));
    }
    if (item instanceof GoNil nil && nil.goType().kind() == Kind.SLICE) {
      indexArg(index, 0);
      throw new FuncException("reflect: slice index out of range");
    }
    if (item instanceof String s) {
      byte[] bytes = GoStrings.toBytes(s);
      int x = indexArg(index, bytes.length);
      if (x == bytes.length) {
        throw new FuncException("reflect: string index out of range");
      }
      return new GoInt(bytes[x] & 0xFF, GoType.UINT8);
    }
    if (item instanceof Map<?, ?> map) {
      GoType elem = map instanceof GoValue g ? g.goType().elem() : GoType.INTERFACE;
      String key = mapKey(index);
      Object raw = map.get(key);
      if (raw == null && !map.containsKey(key)) {
        return Arguments.zero(elem);
      }
      return elem == GoType.INTERFACE ? Values.element(raw) : raw;
    }
    throw new FuncException("can't index item of type " + Values.typeOf(item));
  }

  private static String mapKey(Object index) throws FuncException {
    if (index == null) {
      throw new FuncException("value is nil; should be of type string");
    }
    if (!(index instanceof String s)) {
      throw new FuncException("value has type " + Values.typeOf(index) + "; should be string");
    }
    return s;
  }

  /** Go's {@code indexArg}: an int index, at most {@code cap}. */
  static int indexArg(Object index, int cap) throws FuncException {
    long x;
    if (index == null) {
      throw new FuncException("cannot index slice/array with nil");
    } else if (Values.isSignedInt(index) || Values.isUnsignedInt(index)) {
      x = Values.intBits(index);
    } else {
      throw new FuncException("cannot index slice/array with type " + Values.typeOf(index));
    }
    if (x < 0 || x > cap) {
      throw new FuncException("index out of range: " + x);
    }
    return (int) x;
  }

  static Object slice(FuncEnv env, Object[] a) throws FuncException {
    Object item = Values.indirectInterface(a[0]);
    if (item == null) {
      throw new FuncException("slice of untyped nil");
    }
    int n = a.length - 1;
    if (n > 3) {
      throw new FuncException("too many slice indexes: " + n);
    }
    int len;
    if (item instanceof String s) {
      if (n == 3) {
        throw new FuncException("cannot 3-index slice a string");
      }
      len = GoStrings.byteLength(s);
    } else if (item instanceof List<?> l) {
      len = l.size();
    } else {
      throw new FuncException("can't slice item of type " + Values.typeOf(item));
    }
    int[] idx = {0, len, len};
    for (int i = 0; i < n; i++) {
      idx[i] = indexArg(Values.indirectInterface(a[i + 1]), len);
    }
    if (idx[0] > idx[1]) {
      throw new FuncException("invalid slice index: " + idx[0] + " > " + idx[1]);
    }
    if (n == 3 && idx[1] > idx[2]) {
      throw new FuncException("invalid slice index: " + idx[1] + " > " + idx[2]);
    }
    if (item instanceof String s) {
      return GoStrings.byteSlice(s, idx[0], idx[1]);
    }
    List<?> l = (List<?>) item;
    List<Object> part = new ArrayList<>(l.subList(idx[0], idx[1]));
    return l instanceof TypedList t ? TypedList.of(t.goType(), part) : part;
  }
}

package dev.tributary.templates.internal.fmt;

import dev.tributary.templates.internal.value.GoStrings;
import dev.tributary.templates.internal.value.Values;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code internal/fmtsort}: the order in which {@code fmt} prints, and {@code range} visits, a
 * map's entries — strings by bytes, numbers by value, {@code false} before {@code true}.
 */
public final class FmtSort {
  /** Compares map keys the way Go's fmtsort does. */
  public static final Comparator<Object> KEY_ORDER = FmtSort::compareKeys;

  private FmtSort() {}

  /** The entries as {key, value} pairs in Go's order; values are raw (not yet normalized). */
  public static Object[][] sortedEntries(Map<?, ?> m) {
    Object[][] entries = new Object[m.size()][];
    int n = 0;
    boolean sorted = true;
    Object previous = null;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (n == entries.length) {
        break; // the map grew while we looked; Go would not see the new entries either
      }
      Object key = Values.element(e.getKey());
      if (n > 0 && sorted && compareKeys(previous, key) > 0) {
        sorted = false;
      }
      entries[n++] = new Object[] {key, e.getValue()};
      previous = key;
    }
    if (n < entries.length) {
      entries = Arrays.copyOf(entries, n);
    }
    if (!sorted) {
      Arrays.sort(entries, (x, y) -> compareKeys(x[0], y[0]));
    }
    return entries;
  }

  /** The keys in Go's order. */
  public static List<Object> sortedKeys(Map<?, ?> m) {
    Object[] keys = new Object[m.size()];
    int n = 0;
    for (Object k : m.keySet()) {
      if (n == keys.length) {
        break;
      }
      keys[n++] = Values.element(k);
    }
    Object[] result = n < keys.length ? Arrays.copyOf(keys, n) : keys;
    Arrays.sort(result, KEY_ORDER);
    return Arrays.asList(result);
  }

  static int compareKeys(Object a, Object b) {
    if (a instanceof String x && b instanceof String y) {
      return compareStrings(x, y);
    }
    if (a instanceof Number x && b instanceof Number y) {
      if (a instanceof Double || b instanceof Double) {
        return compareFloats(x.doubleValue(), y.doubleValue());
      }
      return Long.compare(x.longValue(), y.longValue());
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return Boolean.compare(x, y);
    }
    int byType = Values.typeOf(a).name().compareTo(Values.typeOf(b).name());
    return byType != 0 ? byType : compareStrings(String.valueOf(a), String.valueOf(b));
  }

  private static int compareFloats(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return Double.isNaN(a) ? (Double.isNaN(b) ? 0 : -1) : 1; // NaN sorts first
    }
    return Double.compare(a == 0 ? 0.0 : a, b == 0 ? 0.0 : b);
  }

  /** Go's string order: by UTF-8 bytes, which is code point order. */
  public static int compareStrings(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        if (x < 0xD800 && y < 0xD800) {
          return x - y;
        }
        return compareBytes(a, b);
      }
    }
    return a.length() - b.length();
  }

  private static int compareBytes(String a, String b) {
    return Arrays.compareUnsigned(GoStrings.toBytes(a), GoStrings.toBytes(b));
  }
}

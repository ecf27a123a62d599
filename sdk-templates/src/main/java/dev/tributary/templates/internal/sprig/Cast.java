package dev.tributary.templates.internal.sprig;

import dev.tributary.templates.internal.fmt.GoFmt;
import dev.tributary.templates.internal.fmt.GoNumbers;
import dev.tributary.templates.internal.func.FuncException;
import dev.tributary.templates.internal.gotime.GoTimes;
import dev.tributary.templates.internal.value.GoComplex;
import dev.tributary.templates.internal.value.GoInt;
import dev.tributary.templates.internal.value.GoNil;
import dev.tributary.templates.internal.value.GoTime;
import dev.tributary.templates.internal.value.GoType;
import dev.tributary.templates.internal.value.Kind;
import dev.tributary.templates.internal.value.Records;
import dev.tributary.templates.internal.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The conversions sprig leans on: {@code spf13/cast}'s {@code ToInt64}/{@code ToFloat64}, sprig's
 * {@code strval}, {@code reflect.DeepEqual}, and the "must be a slice" checks of its list
 * functions, with their Go error texts. Stateless.
 */
final class Cast {
  static final double TWO_63 = 0x1p63;

  private Cast() {}

  /** Go's {@code int64(f)} on amd64: out-of-range and NaN give the minimum int64. */
  static long floatToLong(double f) {
    if (Double.isNaN(f) || f >= TWO_63 || f < -TWO_63) {
      return Long.MIN_VALUE;
    }
    return (long) f;
  }

  /** {@code cast.ToInt64}, ignoring its error (0), as sprig does. */
  static long toInt64(Object v) {
    if (v == null || v instanceof GoNil) {
      return 0;
    } else if (v instanceof Long || v instanceof Integer) {
      return ((Number) v).longValue();
    } else if (v instanceof GoInt i) {
      return i.bits();
    } else if (v instanceof Double d) {
      return floatToLong(d);
    } else if (v instanceof Boolean b) {
      return b ? 1 : 0;
    } else if (v instanceof String s) {
      try {
        return GoNumbers.parseInt(trimZeroDecimal(s), 0);
      } catch (GoNumbers.NumberError e) {
        return 0;
      }
    }
    return 0;
  }

  /** {@code cast.ToFloat64}, ignoring its error (0). */
  static double toFloat64(Object v) {
    if (v == null || v instanceof GoNil) {
      return 0;
    } else if (v instanceof Double d) {
      return d;
    } else if (v instanceof Long || v instanceof Integer) {
      return ((Number) v).doubleValue();
    } else if (v instanceof GoInt i) {
      return i.isUnsigned() ? unsignedToDouble(i.bits()) : (double) i.bits();
    } else if (v instanceof Boolean b) {
      return b ? 1 : 0;
    } else if (v instanceof String s) {
      try {
        return GoNumbers.parseFloat(s);
      } catch (GoNumbers.NumberError e) {
        return 0;
      }
    }
    return 0;
  }

  private static double unsignedToDouble(long u) {
    return u >= 0 ? u : (double) (u >>> 1 | (u & 1)) * 2.0;
  }

  private static String trimZeroDecimal(String s) {
    boolean foundZero = false;
    for (int i = s.length(); i > 0; i--) {
      char c = s.charAt(i - 1);
      if (c == '.') {
        if (foundZero) {
          return s.substring(0, i - 1);
        }
      } else if (c == '0') {
        foundZero = true;
      } else {
        return s;
      }
    }
    return s;
  }

  /** sprig's {@code strval}: strings as they are, Stringers by their String, else {@code %v}. */
  static String strval(Object v) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof GoTime t) {
      return GoTimes.string(t);
    }
    if (v instanceof GoInt i && i.goType() == GoType.MONTH) {
      return GoTimes.monthName(i.bits());
    }
    if (v instanceof GoInt i && i.goType() == GoType.WEEKDAY) {
      return GoTimes.weekdayName(i.bits());
    }
    if (v instanceof GoInt i && i.goType() == GoType.DURATION) {
      return GoTimes.durationString(i.bits());
    }
    return GoFmt.sprintf("%v", java.util.Collections.singletonList(v));
  }

  /** Go's {@code reflect.TypeOf(x).Kind()}, which panics on a nil interface. */
  static Kind kindOrPanic(Object v) throws FuncException {
    if (v == null) {
      throw nilDereference();
    }
    return Values.kindOf(v);
  }

  static FuncException nilDereference() {
    return new FuncException("runtime error: invalid memory address or nil pointer dereference");
  }

  /** The elements of a slice argument (as {@code .Interface()} gives them), or null if none. */
  static List<Object> elements(Object list) {
    if (list instanceof GoNil) {
      return List.of();
    }
    List<?> l = (List<?>) list;
    List<Object> out = new ArrayList<>(l.size());
    for (Object e : l) {
      out.add(interfaceValue(e));
    }
    return out;
  }

  /** A container element as an {@code interface{}} value: nil is Java null. */
  static Object interfaceValue(Object raw) {
    Object e = Values.element(raw);
    return e == GoNil.INTERFACE ? null : e;
  }

  static boolean isSlice(Kind k) {
    return k == Kind.SLICE || k == Kind.ARRAY;
  }

  /** Go's {@code reflect.DeepEqual} for template values. */
  static boolean deepEqual(Object a, Object b) {
    a = a == GoNil.INTERFACE ? null : a;
    b = b == GoNil.INTERFACE ? null : b;
    if (a == null || b == null) {
      return a == b;
    }
    if (Values.typeOf(a) != Values.typeOf(b)) {
      return false;
    }
    if (a instanceof Double x) {
      return x.doubleValue() == ((Double) b).doubleValue();
    } else if (a instanceof Long || a instanceof Integer || a instanceof GoInt) {
      return Values.intBits(a) == Values.intBits(b);
    } else if (a instanceof GoComplex x && b instanceof GoComplex y) {
      return x.real() == y.real() && x.imag() == y.imag();
    } else if (a instanceof List<?> x && b instanceof List<?> y) {
      return listsEqual(x, y);
    } else if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      return mapsEqual(x, y);
    } else if (a instanceof Record && b instanceof Record) {
      return recordsEqual(a, b);
    }
    return Objects.equals(a, b);
  }

  private static boolean listsEqual(List<?> x, List<?> y) {
    if (x.size() != y.size()) {
      return false;
    }
    for (int i = 0; i < x.size(); i++) {
      if (!deepEqual(Values.element(x.get(i)), Values.element(y.get(i)))) {
        return false;
      }
    }
    return true;
  }

  private static boolean mapsEqual(Map<?, ?> x, Map<?, ?> y) {
    if (x.size() != y.size()) {
      return false;
    }
    for (Map.Entry<?, ?> e : x.entrySet()) {
      if (!y.containsKey(e.getKey())
          || !deepEqual(Values.element(e.getValue()), Values.element(y.get(e.getKey())))) {
        return false;
      }
    }
    return true;
  }

  private static boolean recordsEqual(Object a, Object b) {
    Records.Info info = Records.info(a.getClass());
    for (int i = 0; i < info.fieldNames().size(); i++) {
      if (!deepEqual(Values.element(info.get(a, i)), Values.element(info.get(b, i)))) {
        return false;
      }
    }
    return true;
  }

  /** sprig's {@code empty}: nil, zero, false, or an empty string, slice or map. */
  static boolean empty(Object v) {
    if (v == null || v instanceof GoNil) {
      return true;
    }
    if (v instanceof Record || v instanceof GoTime) {
      return false;
    }
    return !Values.truth(v);
  }
}

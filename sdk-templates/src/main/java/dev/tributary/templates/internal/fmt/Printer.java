package dev.tributary.templates.internal.fmt;

import dev.tributary.templates.internal.gotime.GoTimes;
import dev.tributary.templates.internal.value.GoComplex;
import dev.tributary.templates.internal.value.GoInt;
import dev.tributary.templates.internal.value.GoNil;
import dev.tributary.templates.internal.value.GoStrings;
import dev.tributary.templates.internal.value.GoTime;
import dev.tributary.templates.internal.value.GoType;
import dev.tributary.templates.internal.value.Kind;
import dev.tributary.templates.internal.value.Records;
import dev.tributary.templates.internal.value.Values;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Go's {@code fmt} printer ({@code pp}): {@code Sprint}, {@code Sprintln} and {@code Sprintf} over
 * template values, with Go's verbs, flags and {@code %!verb(type=value)} complaints. A port of
 * {@code fmt/print.go}. Not thread-safe; {@link GoFmt} hands out one per thread.
 */
final class Printer extends Fmt {
  private static final Object NO_VALUE = new Object();

  private @Nullable Object arg;
  private Object value = NO_VALUE;
  private boolean erroring;
  private boolean reordered;
  private boolean goodArgNum;

  String sprint(List<?> args) {
    buf.setLength(0);
    clearFlags();
    boolean prevString = false;
    for (int i = 0; i < args.size(); i++) {
      Object a = nilToNull(args.get(i));
      boolean isString = a != null && Values.typeOf(a).kind() == Kind.STRING;
      if (i > 0 && !isString && !prevString) {
        buf.append(' ');
      }
      printArg(a, 'v');
      prevString = isString;
    }
    return buf.toString();
  }

  String sprintln(List<?> args) {
    buf.setLength(0);
    clearFlags();
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        buf.append(' ');
      }
      printArg(nilToNull(args.get(i)), 'v');
    }
    buf.append('\n');
    return buf.toString();
  }

  String sprintf(String format, List<?> args) {
    buf.setLength(0);
    clearFlags();
    new Printf(this, format, args).run();
    return buf.toString();
  }

  /** A nil interface passed as an {@code interface{}} argument is Go's nil. */
  static @Nullable Object nilToNull(@Nullable Object a) {
    return a == GoNil.INTERFACE ? null : a;
  }

  void printArg(@Nullable Object a, int verb) {
    arg = a;
    value = NO_VALUE;
    if (a == null) {
      if (verb == 'T' || verb == 'v') {
        pad("<nil>");
      } else {
        badVerb(verb);
      }
      return;
    }
    if (verb == 'T') {
      fmtS(Values.typeOf(a).name());
      return;
    }
    if (verb == 'p') {
      fmtPointer(a, 'p');
      return;
    }
    if (a instanceof String s) {
      fmtString(s, verb);
    } else if (a instanceof Double d) {
      fmtFloatVerb(d, verb);
    } else if (a instanceof Long || a instanceof Integer) {
      fmtIntegerVerb(((Number) a).longValue(), true, verb);
    } else if (a instanceof Boolean b) {
      fmtBool(b, verb);
    } else if (!handleMethods(verb)) {
      printValue(a, verb, 0);
    }
  }

  private void fmtBool(boolean v, int verb) {
    if (verb == 't' || verb == 'v') {
      fmtBoolean(v);
    } else {
      badVerb(verb);
    }
  }

  private void fmtIntegerVerb(long v, boolean signed, int verb) {
    switch (verb) {
      case 'v' -> {
        if (sharpV && !signed) {
          fmt0x64(v, true);
        } else {
          fmtInteger(v, 10, signed, 'v', LDIGITS);
        }
        return;
      }
      case 'd' -> {
        fmtInteger(v, 10, signed, 'd', LDIGITS);
        return;
      }
      case 'b' -> {
        fmtInteger(v, 2, signed, 'b', LDIGITS);
        return;
      }
      case 'o', 'O' -> {
        fmtInteger(v, 8, signed, (char) verb, LDIGITS);
        return;
      }
      case 'x' -> {
        fmtInteger(v, 16, signed, 'x', LDIGITS);
        return;
      }
      case 'X' -> {
        fmtInteger(v, 16, signed, 'X', UDIGITS);
        return;
      }
      case 'c' -> {
        fmtC(signed || v >= 0 ? v : -1);
        return;
      }
      case 'q' -> {
        fmtQc(signed || v >= 0 ? v : -1);
        return;
      }
      case 'U' -> {
        fmtUnicode(v);
        return;
      }
      default -> badVerb(verb);
    }
  }

  private void fmt0x64(long v, boolean leading0x) {
    boolean oldSharp = sharp;
    sharp = leading0x;
    fmtInteger(v, 16, false, 'v', LDIGITS);
    sharp = oldSharp;
  }

  private void fmtFloatVerb(double v, int verb) {
    switch (verb) {
      case 'v' -> {
        fmtFloat(v, 'g', -1);
        return;
      }
      case 'b', 'g', 'G', 'x', 'X' -> {
        fmtFloat(v, (char) verb, -1);
        return;
      }
      case 'f', 'e', 'E' -> {
        fmtFloat(v, (char) verb, 6);
        return;
      }
      case 'F' -> {
        fmtFloat(v, 'f', 6);
        return;
      }
      default -> badVerb(verb);
    }
  }

  private void fmtComplex(GoComplex c, int verb) {
    switch (verb) {
      case 'v', 'b', 'g', 'G', 'x', 'X', 'f', 'F', 'e', 'E' -> {
        boolean oldPlus = plus;
        buf.append('(');
        fmtFloatVerb(c.real(), verb);
        plus = true;
        fmtFloatVerb(c.imag(), verb);
        buf.append("i)");
        plus = oldPlus;
        return;
      }
      default -> badVerb(verb);
    }
  }

  private void fmtString(String v, int verb) {
    switch (verb) {
      case 'v' -> {
        if (sharpV) {
          fmtQ(v);
        } else {
          fmtS(v);
        }
        return;
      }
      case 's' -> {
        fmtS(v);
        return;
      }
      case 'x' -> {
        fmtSx(v, LDIGITS);
        return;
      }
      case 'X' -> {
        fmtSx(v, UDIGITS);
        return;
      }
      case 'q' -> {
        fmtQ(v);
        return;
      }
      default -> badVerb(verb);
    }
  }

  private void fmtPointer(Object v, int verb) {
    Kind kind = Values.kindOf(v);
    if (kind != Kind.MAP && kind != Kind.SLICE && kind != Kind.FUNC && kind != Kind.POINTER) {
      badVerb(verb);
      return;
    }
    long u = v instanceof GoNil ? 0 : 0xc000000000L + System.identityHashCode(v) * 8L;
    if (verb == 'v' && sharpV) {
      buf.append('(').append(Values.typeOf(v).name()).append(")(");
      if (u == 0) {
        buf.append("nil");
      } else {
        fmt0x64(u, true);
      }
      buf.append(')');
    } else if (verb == 'v' && u == 0) {
      pad("<nil>");
    } else if (verb == 'v' || verb == 'p') {
      fmt0x64(u, !sharp);
    } else if (verb == 'b' || verb == 'o' || verb == 'd' || verb == 'x' || verb == 'X') {
      fmtIntegerVerb(u, false, verb);
    } else {
      badVerb(verb);
    }
  }

  /** Values with a {@code String} method: times, months, weekdays, durations. */
  private boolean handleMethods(int verb) {
    if (erroring || sharpV) {
      return false;
    }
    if (verb != 'v' && verb != 's' && verb != 'x' && verb != 'X' && verb != 'q') {
      return false;
    }
    String s = stringMethod(arg);
    if (s == null) {
      return false;
    }
    fmtString(s, verb);
    return true;
  }

  private static @Nullable String stringMethod(@Nullable Object v) {
    if (v instanceof GoTime t) {
      return GoTimes.string(t);
    }
    if (v instanceof GoInt i) {
      GoType type = i.goType();
      if (type == GoType.MONTH) {
        return GoTimes.monthName(i.bits());
      } else if (type == GoType.WEEKDAY) {
        return GoTimes.weekdayName(i.bits());
      } else if (type == GoType.DURATION) {
        return GoTimes.durationString(i.bits());
      }
    }
    return null;
  }

  void badVerb(int verb) {
    erroring = true;
    buf.append("%!").appendCodePoint(verb).append('(');
    if (arg != null) {
      buf.append(Values.typeOf(arg).name()).append('=');
      printArg(arg, 'v');
    } else if (value != NO_VALUE) {
      buf.append(Values.typeOf(value).name()).append('=');
      printValue(value, 'v', 0);
    } else {
      buf.append("<nil>");
    }
    buf.append(')');
    erroring = false;
  }

  /** Go's {@code printValue}: a value met inside a container, or one without a fast path. */
  void printValue(Object v, int verb, int depth) {
    if (depth > 0) {
      arg = v;
      if (handleMethods(verb)) {
        return;
      }
    }
    arg = null;
    value = v;
    if (v instanceof GoNil nil) {
      printNil(nil, verb);
    } else if (v instanceof Boolean b) {
      fmtBool(b, verb);
    } else if (v instanceof Long || v instanceof Integer) {
      fmtIntegerVerb(((Number) v).longValue(), true, verb);
    } else if (v instanceof GoInt i) {
      fmtIntegerVerb(i.bits(), !i.isUnsigned(), verb);
    } else if (v instanceof Double d) {
      fmtFloatVerb(d, verb);
    } else if (v instanceof GoComplex c) {
      fmtComplex(c, verb);
    } else if (v instanceof String s) {
      fmtString(s, verb);
    } else if (v instanceof Map<?, ?> m) {
      printMap(m, verb, depth);
    } else if (v instanceof List<?> l) {
      printList(l, verb, depth);
    } else if (v instanceof Record r) {
      printRecord(r, verb, depth);
    } else if (v instanceof GoTime t) {
      printTimeStruct(t);
    } else {
      fmtPointer(v, verb);
    }
  }

  private void printNil(GoNil nil, int verb) {
    GoType type = nil.goType();
    if (type.kind() == Kind.INTERFACE) {
      buf.append(sharpV ? type.name() + "(nil)" : "<nil>");
    } else if (type.kind() == Kind.SLICE || type.kind() == Kind.MAP) {
      buf.append(sharpV ? type.name() + "(nil)" : type.kind() == Kind.MAP ? "map[]" : "[]");
    } else {
      fmtPointer(nil, verb);
    }
  }

  private void printMap(Map<?, ?> m, int verb, int depth) {
    if (sharpV) {
      buf.append(Values.typeOf(m).name()).append('{');
    } else {
      buf.append("map[");
    }
    Object[][] sorted = FmtSort.sortedEntries(m);
    for (int i = 0; i < sorted.length; i++) {
      if (i > 0) {
        buf.append(sharpV ? ", " : " ");
      }
      printValue(sorted[i][0], verb, depth + 1);
      buf.append(':');
      printElement(sorted[i][1], verb, depth + 1);
    }
    buf.append(sharpV ? '}' : ']');
  }

  private void printList(List<?> l, int verb, int depth) {
    if (sharpV) {
      buf.append(Values.typeOf(l).name()).append('{');
    } else {
      buf.append('[');
    }
    for (int i = 0, n = l.size(); i < n; i++) {
      if (i > 0) {
        buf.append(sharpV ? ", " : " ");
      }
      printElement(l.get(i), verb, depth + 1);
    }
    buf.append(sharpV ? '}' : ']');
  }

  private void printRecord(Record r, int verb, int depth) {
    Records.Info info = Records.info(r.getClass());
    if (sharpV) {
      buf.append(info.type().name());
    }
    buf.append('{');
    List<String> names = info.fieldNames();
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        buf.append(sharpV ? ", " : " ");
      }
      if (plusV || sharpV) {
        buf.append(names.get(i)).append(':');
      }
      printElement(info.get(r, i), verb, depth + 1);
    }
    buf.append('}');
  }

  private void printTimeStruct(GoTime t) {
    buf.append(sharpV ? "time.Date(" + GoTimes.goString(t) + ")" : GoTimes.string(t));
  }

  /** An element of an {@code interface{}} container: nil prints {@code <nil>}. */
  private void printElement(@Nullable Object raw, int verb, int depth) {
    Object e = Values.element(raw);
    if (e == GoNil.INTERFACE) {
      buf.append(sharpV ? "interface {}(nil)" : "<nil>");
      return;
    }
    printValue(e, verb, depth);
  }

  int runeAt(String format, int i) {
    return GoStrings.runeAt(format, i);
  }

  boolean reordered() {
    return reordered;
  }

  void setReordered(boolean r) {
    reordered = r;
  }

  boolean goodArgNum() {
    return goodArgNum;
  }

  void setGoodArgNum(boolean g) {
    goodArgNum = g;
  }
}

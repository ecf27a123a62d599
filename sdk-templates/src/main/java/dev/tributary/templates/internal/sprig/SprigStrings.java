package dev.tributary.templates.internal.sprig;

import static dev.tributary.templates.internal.sprig.Fn.A;
import static dev.tributary.templates.internal.sprig.Fn.B;
import static dev.tributary.templates.internal.sprig.Fn.I;
import static dev.tributary.templates.internal.sprig.Fn.LS;
import static dev.tributary.templates.internal.sprig.Fn.S;
import static dev.tributary.templates.internal.sprig.Fn.fn;
import static dev.tributary.templates.internal.sprig.Fn.i;
import static dev.tributary.templates.internal.sprig.Fn.s;
import static dev.tributary.templates.internal.sprig.Fn.va;

import dev.tributary.templates.internal.fmt.GoFmt;
import dev.tributary.templates.internal.func.FuncEnv;
import dev.tributary.templates.internal.func.FuncException;
import dev.tributary.templates.internal.func.GoFunction;
import dev.tributary.templates.internal.value.GoStrings;
import dev.tributary.templates.internal.value.GoType;
import dev.tributary.templates.internal.value.TypedList;
import dev.tributary.templates.internal.value.TypedMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** sprig's string functions. */
final class SprigStrings {
  private SprigStrings() {}

  static List<GoFunction> functions() {
    return List.of(
        fn("abbrev", S, List.of(I, S), (e, a) -> abbrev(i(a[0]), s(a[1]))),
        fn("abbrevboth", S, List.of(I, I, S), (e, a) -> abbrevBoth(i(a[0]), i(a[1]), s(a[2]))),
        fn("trunc", S, List.of(I, S), (e, a) -> trunc(i(a[0]), s(a[1]))),
        fn("trim", S, List.of(S), (e, a) -> GoStringsLib.trimSpace(s(a[0]))),
        fn("upper", S, List.of(S), (e, a) -> GoStringsLib.toUpper(s(a[0]))),
        fn("lower", S, List.of(S), (e, a) -> GoStringsLib.toLower(s(a[0]))),
        fn("title", S, List.of(S), (e, a) -> GoStringsLib.title(s(a[0]))),
        fn("untitle", S, List.of(S), (e, a) -> GoUtils.uncapitalize(s(a[0]))),
        fn("substr", S, List.of(I, I, S), (e, a) -> substring(i(a[0]), i(a[1]), s(a[2]))),
        fn("repeat", S, List.of(I, S), SprigStrings::repeat),
        fn("trimall", S, List.of(S, S), (e, a) -> GoStringsLib.trim(s(a[1]), s(a[0]))),
        fn("trimAll", S, List.of(S, S), (e, a) -> GoStringsLib.trim(s(a[1]), s(a[0]))),
        fn("trimSuffix", S, List.of(S, S), (e, a) -> trimSuffix(s(a[1]), s(a[0]))),
        fn("trimPrefix", S, List.of(S, S), (e, a) -> trimPrefix(s(a[1]), s(a[0]))),
        fn("nospace", S, List.of(S), (e, a) -> GoUtils.deleteWhiteSpace(s(a[0]))),
        fn("initials", S, List.of(S), (e, a) -> GoUtils.initials(s(a[0]))),
        fn("swapcase", S, List.of(S), (e, a) -> GoUtils.swapCase(s(a[0]))),
        fn("snakecase", S, List.of(S), (e, a) -> XStrings.toSnakeCase(s(a[0]))),
        fn("camelcase", S, List.of(S), (e, a) -> XStrings.toCamelCase(s(a[0]))),
        fn("kebabcase", S, List.of(S), (e, a) -> XStrings.toKebabCase(s(a[0]))),
        fn("wrap", S, List.of(I, S), (e, a) -> GoUtils.wrap(s(a[1]), i(a[0]), "", false)),
        fn(
            "wrapWith",
            S,
            List.of(I, S, S),
            (e, a) -> GoUtils.wrap(s(a[2]), i(a[0]), s(a[1]), true)),
        fn("contains", B, List.of(S, S), (e, a) -> s(a[1]).contains(s(a[0]))),
        fn("hasPrefix", B, List.of(S, S), (e, a) -> s(a[1]).startsWith(s(a[0]))),
        fn("hasSuffix", B, List.of(S, S), (e, a) -> s(a[1]).endsWith(s(a[0]))),
        va("quote", S, List.of(A), (e, a) -> quote(a, true)),
        va("squote", S, List.of(A), (e, a) -> quote(a, false)),
        va("cat", S, List.of(A), (e, a) -> cat(a)),
        fn("indent", S, List.of(I, S), (e, a) -> indent(e, i(a[0]), s(a[1]))),
        fn("nindent", S, List.of(I, S), (e, a) -> "\n" + indent(e, i(a[0]), s(a[1]))),
        fn(
            "replace",
            S,
            List.of(S, S, S),
            (e, a) -> GoStringsLib.replaceAll(s(a[2]), s(a[0]), s(a[1]))),
        fn("plural", S, List.of(S, S, I), (e, a) -> i(a[2]) == 1 ? a[0] : a[1]),
        fn("toString", S, List.of(A), (e, a) -> Cast.strval(a[0])),
        fn(
            "splitList",
            LS,
            List.of(S, S),
            (e, a) -> TypedList.of(LS, GoStringsLib.split(s(a[1]), s(a[0])))),
        fn(
            "split",
            GoType.MAP_STRING_STRING,
            List.of(S, S),
            (e, a) -> parts(GoStringsLib.split(s(a[1]), s(a[0])))),
        fn(
            "splitn",
            GoType.MAP_STRING_STRING,
            List.of(S, I, S),
            (e, a) -> parts(GoStringsLib.splitN(s(a[2]), s(a[0]), i(a[1])))),
        fn("toStrings", LS, List.of(A), (e, a) -> TypedList.of(LS, strslice(a[0]))),
        fn("join", S, List.of(S, A), (e, a) -> String.join(s(a[0]), strslice(a[1]))),
        fn("hello", S, List.of(), (e, a) -> "Hello!"));
  }

  private static String abbrev(long width, String s) {
    return width < 4 ? s : GoUtils.abbreviate(s, 0, width);
  }

  private static String abbrevBoth(long left, long right, String s) {
    if (right < 4 || (left > 0 && right < 7)) {
      return s;
    }
    return GoUtils.abbreviate(s, left, right);
  }

  /** sprig's {@code trunc}: the first (or, negative, the last) {@code c} bytes. */
  private static String trunc(long c, String s) {
    int len = GoStrings.byteLength(s);
    if (c < 0 && len + c > 0) {
      return GoStrings.byteSlice(s, (int) (len + c), len);
    }
    if (c >= 0 && len > c) {
      return GoStrings.byteSlice(s, 0, (int) c);
    }
    return s;
  }

  /** sprig's {@code substr}, with Go's slice-bounds panics. */
  private static String substring(long start, long end, String s) throws FuncException {
    int len = GoStrings.byteLength(s);
    if (start < 0) {
      if (end < 0 || end > len) {
        throw boundsError(":" + end, len, end < 0);
      }
      return GoStrings.byteSlice(s, 0, (int) end);
    }
    if (end < 0 || end > len) {
      if (start > len) {
        throw new FuncException(
            "runtime error: slice bounds out of range [" + start + ":" + len + "]");
      }
      return GoStrings.byteSlice(s, (int) start, len);
    }
    if (start > end) {
      throw new FuncException(
          "runtime error: slice bounds out of range [" + start + ":" + end + "]");
    }
    return GoStrings.byteSlice(s, (int) start, (int) end);
  }

  private static FuncException boundsError(String bound, int len, boolean negative) {
    if (negative) {
      return new FuncException("runtime error: slice bounds out of range [" + bound + "]");
    }
    return new FuncException(
        "runtime error: slice bounds out of range [" + bound + "] with length " + len);
  }

  private static Object repeat(FuncEnv env, Object[] a) throws FuncException {
    return GoStringsLib.repeat(env, s(a[1]), i(a[0]));
  }

  private static String trimSuffix(String s, String suffix) {
    return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
  }

  private static String trimPrefix(String s, String prefix) {
    return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
  }

  /** {@code quote} ({@code %q} of strval) and {@code squote} ({@code '%v'}), skipping nils. */
  private static String quote(Object[] args, boolean dq) {
    List<String> out = new ArrayList<>(args.length);
    for (Object s : args) {
      if (s != null) {
        out.add(
            dq
                ? GoFmt.sprintf("%q", List.of(Cast.strval(s)))
                : GoFmt.sprintf("'%v'", Collections.singletonList(s)));
      }
    }
    return String.join(" ", out);
  }

  private static String cat(Object[] args) {
    List<Object> v = new ArrayList<>(args.length);
    for (Object x : args) {
      if (x != null) {
        v.add(x);
      }
    }
    String format = "%v ".repeat(v.size()).strip();
    return GoFmt.sprintf(format, v);
  }

  private static String indent(FuncEnv env, long spaces, String v) throws FuncException {
    String pad = GoStringsLib.repeat(env, " ", spaces);
    env.checkSize(
        (long) v.length() + pad.length() * (1L + v.chars().filter(c -> c == '\n').count()));
    return pad + v.replace("\n", "\n" + pad);
  }

  private static TypedMap parts(List<String> parts) {
    Map<String, Object> res = new LinkedHashMap<>();
    for (int k = 0; k < parts.size(); k++) {
      res.put("_" + k, parts.get(k));
    }
    return TypedMap.of(GoType.MAP_STRING_STRING, res);
  }

  /** sprig's {@code strslice}: a list's non-nil elements as strings, or one value as a list. */
  static List<String> strslice(Object v) {
    if (v instanceof List<?> l) {
      List<String> out = new ArrayList<>(l.size());
      for (Object e : Cast.elements(l)) {
        if (e != null) {
          out.add(Cast.strval(e));
        }
      }
      return out;
    }
    if (v == null || v instanceof dev.tributary.templates.internal.value.GoNil) {
      return List.of();
    }
    return List.of(Cast.strval(v));
  }
}

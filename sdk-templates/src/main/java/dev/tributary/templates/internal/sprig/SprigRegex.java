package dev.tributary.templates.internal.sprig;

import static dev.tributary.templates.internal.sprig.Fn.B;
import static dev.tributary.templates.internal.sprig.Fn.I;
import static dev.tributary.templates.internal.sprig.Fn.LS;
import static dev.tributary.templates.internal.sprig.Fn.S;
import static dev.tributary.templates.internal.sprig.Fn.fn;
import static dev.tributary.templates.internal.sprig.Fn.i;
import static dev.tributary.templates.internal.sprig.Fn.s;

import dev.tributary.templates.internal.func.FuncEnv;
import dev.tributary.templates.internal.func.FuncException;
import dev.tributary.templates.internal.func.GoFunction;
import dev.tributary.templates.internal.regex.GoRegex;
import dev.tributary.templates.internal.regex.RegexSyntaxException;
import dev.tributary.templates.internal.value.GoNil;
import dev.tributary.templates.internal.value.TypedList;
import java.util.ArrayList;
import java.util.List;

/**
 * sprig's regular-expression functions, with Go's RE2 syntax and semantics (see {@link GoRegex}).
 * As in sprig, {@code regexMatch} reports a bad pattern as no match, the other plain functions fail
 * with Go's {@code regexp: Compile(…)} panic text, and the {@code must} ones with the error.
 */
final class SprigRegex {
  private SprigRegex() {}

  static List<GoFunction> functions() {
    List<GoFunction> f = new ArrayList<>();
    f.add(fn("regexMatch", B, List.of(S, S), (e, a) -> match(e, s(a[0]), s(a[1]), false)));
    f.add(fn("mustRegexMatch", B, List.of(S, S), (e, a) -> match(e, s(a[0]), s(a[1]), true)));
    f.add(fn("regexFind", S, List.of(S, S), (e, a) -> re(a[0], false).find(e, s(a[1]))));
    f.add(fn("mustRegexFind", S, List.of(S, S), (e, a) -> re(a[0], true).find(e, s(a[1]))));
    f.add(fn("regexFindAll", LS, List.of(S, S, I), (e, a) -> findAll(e, a, false)));
    f.add(fn("mustRegexFindAll", LS, List.of(S, S, I), (e, a) -> findAll(e, a, true)));
    f.add(fn("regexReplaceAll", S, List.of(S, S, S), (e, a) -> replace(e, a, false, false)));
    f.add(fn("mustRegexReplaceAll", S, List.of(S, S, S), (e, a) -> replace(e, a, false, true)));
    f.add(fn("regexReplaceAllLiteral", S, List.of(S, S, S), (e, a) -> replace(e, a, true, false)));
    f.add(
        fn("mustRegexReplaceAllLiteral", S, List.of(S, S, S), (e, a) -> replace(e, a, true, true)));
    f.add(fn("regexSplit", LS, List.of(S, S, I), (e, a) -> split(e, a, false)));
    f.add(fn("mustRegexSplit", LS, List.of(S, S, I), (e, a) -> split(e, a, true)));
    return f;
  }

  private static GoRegex re(Object expr, boolean must) throws FuncException {
    if (!must) {
      return GoRegex.mustCompile(s(expr));
    }
    try {
      return GoRegex.compile(s(expr));
    } catch (RegexSyntaxException e) {
      throw new FuncException(e.getMessage());
    }
  }

  private static Object match(FuncEnv env, String expr, String s, boolean must)
      throws FuncException {
    GoRegex re;
    try {
      re = GoRegex.compile(expr);
    } catch (RegexSyntaxException e) {
      if (must) {
        throw new FuncException(e.getMessage());
      }
      return false;
    }
    return re.matches(env, s);
  }

  private static Object strings(List<String> list) {
    return list == null ? GoNil.of(LS) : TypedList.of(LS, list);
  }

  private static Object findAll(FuncEnv env, Object[] a, boolean must) throws FuncException {
    return strings(re(a[0], must).findAll(env, s(a[1]), i(a[2])));
  }

  private static Object replace(FuncEnv env, Object[] a, boolean literal, boolean must)
      throws FuncException {
    return re(a[0], must).replaceAll(env, s(a[1]), s(a[2]), literal);
  }

  private static Object split(FuncEnv env, Object[] a, boolean must) throws FuncException {
    return strings(re(a[0], must).split(env, s(a[1]), i(a[2])));
  }
}

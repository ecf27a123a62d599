package dev.tributary.templates.internal.sprig;

import static dev.tributary.templates.internal.sprig.Fn.I;
import static dev.tributary.templates.internal.sprig.Fn.M;
import static dev.tributary.templates.internal.sprig.Fn.S;
import static dev.tributary.templates.internal.sprig.Fn.fn;
import static dev.tributary.templates.internal.sprig.Fn.i;
import static dev.tributary.templates.internal.sprig.Fn.s;

import dev.tributary.templates.internal.func.FuncEnv;
import dev.tributary.templates.internal.func.FuncException;
import dev.tributary.templates.internal.func.GoFunction;
import dev.tributary.templates.internal.value.GoStrings;
import dev.tributary.templates.internal.value.Values;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** sprig's URL functions and random strings ({@code urlParse}, {@code randAlphaNum} …). */
final class SprigUrls {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String DIGITS = "0123456789";

  private SprigUrls() {}

  static List<GoFunction> functions() {
    List<GoFunction> f = new ArrayList<>();
    f.add(fn("urlParse", M, List.of(S), (e, a) -> urlParse(s(a[0]))));
    f.add(fn("urlJoin", S, List.of(M), (e, a) -> urlJoin(SprigDicts.map(a[0]))));
    f.add(fn("randAlphaNum", S, List.of(I), (e, a) -> random(e, i(a[0]), LETTERS + DIGITS)));
    f.add(fn("randAlpha", S, List.of(I), (e, a) -> random(e, i(a[0]), LETTERS)));
    f.add(fn("randNumeric", S, List.of(I), (e, a) -> random(e, i(a[0]), DIGITS)));
    f.add(fn("randAscii", S, List.of(I), (e, a) -> random(e, i(a[0]), ascii())));
    f.add(fn("shuffle", S, List.of(S), (e, a) -> shuffle(s(a[0]))));
    return f;
  }

  private static Object urlParse(String v) throws FuncException {
    GoUrl u = GoUrl.parse(v);
    Map<String, Object> dict = new LinkedHashMap<>();
    dict.put("fragment", u.fragment);
    dict.put("host", u.host);
    dict.put("hostname", u.hostname());
    dict.put("opaque", u.opaque);
    dict.put("path", u.path);
    dict.put("query", u.rawQuery);
    dict.put("scheme", u.scheme);
    dict.put("userinfo", u.user == null ? "" : u.user);
    return dict;
  }

  private static Object urlJoin(Map<String, Object> d) throws FuncException {
    GoUrl u = new GoUrl();
    u.scheme = part(d, "scheme");
    u.host = part(d, "host");
    u.path = part(d, "path");
    u.rawQuery = part(d, "query");
    u.opaque = part(d, "opaque");
    u.fragment = part(d, "fragment");
    String userinfo = part(d, "userinfo");
    u.user = userinfo.isEmpty() ? null : userinfo;
    return u.toString();
  }

  /** sprig's {@code dictGetOrEmpty}. */
  private static String part(Map<String, Object> d, String key) throws FuncException {
    if (!d.containsKey(key)) {
      return "";
    }
    Object v = Cast.interfaceValue(d.get(key));
    if (v == null) {
      throw Cast.nilDereference();
    }
    if (!(v instanceof String s)) {
      throw new FuncException(
          "unable to parse "
              + key
              + " key, must be of type string, but "
              + Values.kindOf(v)
              + " found");
    }
    return s;
  }

  private static String ascii() {
    StringBuilder sb = new StringBuilder();
    for (char c = 32; c < 127; c++) {
      sb.append(c);
    }
    return sb.toString();
  }

  /** goutils' {@code CryptoRandom}: {@code count} characters from the set; none if count < 1. */
  private static Object random(FuncEnv env, long count, String set) throws FuncException {
    if (count <= 0) {
      return "";
    }
    env.checkSize(count);
    StringBuilder sb = new StringBuilder((int) count);
    for (long k = 0; k < count; k++) {
      sb.append(set.charAt(RANDOM.nextInt(set.length())));
    }
    return sb.toString();
  }

  private static Object shuffle(String s) {
    List<String> runes = new ArrayList<>();
    for (int k = 0; k < s.length(); k += GoStrings.charCount(s, k)) {
      runes.add(s.substring(k, k + GoStrings.charCount(s, k)));
    }
    Collections.shuffle(runes, RANDOM);
    return String.join("", runes);
  }
}

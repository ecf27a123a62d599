package dev.tributary.templates.internal.regex;

import dev.tributary.templates.internal.fmt.Strconv;
import dev.tributary.templates.internal.func.FuncEnv;
import dev.tributary.templates.internal.func.FuncException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Go regular expression, run by {@code java.util.regex} on a translated pattern with Go's {@code
 * regexp} semantics for finding all matches, replacing ({@code $1}, {@code ${name}}) and splitting.
 * Matching charges every character the engine examines against the rendering's step budget, so a
 * pattern that backtracks catastrophically fails fast instead of hanging (Go's engine is linear
 * time; Java's is not). Compiled patterns are cached; instances are immutable and thread-safe.
 */
public final class GoRegex {
  private static final int CACHE_SIZE = 512;
  private static final Map<String, GoRegex> CACHE = new ConcurrentHashMap<>();

  private final String expr;
  private final Pattern pattern;
  private final List<String> names;

  private GoRegex(String expr, Pattern pattern, List<String> names) {
    this.expr = expr;
    this.pattern = pattern;
    this.names = names;
  }

  /** Go's {@code regexp.Compile}. */
  public static GoRegex compile(String expr) throws RegexSyntaxException {
    GoRegex cached = CACHE.get(expr);
    if (cached != null) {
      return cached;
    }
    Re2Translator.Translation t = Re2Translator.translate(expr);
    GoRegex re = new GoRegex(expr, Pattern.compile(t.javaPattern()), t.groupNames());
    if (CACHE.size() >= CACHE_SIZE) {
      CACHE.clear();
    }
    CACHE.put(expr, re);
    return re;
  }

  /** Go's {@code regexp.MustCompile}: the panic message sprig's non-must functions report. */
  public static GoRegex mustCompile(String expr) throws FuncException {
    try {
      return compile(expr);
    } catch (RegexSyntaxException e) {
      String quoted = Strconv.canBackquote(expr) ? "`" + expr + "`" : Strconv.quote(expr);
      throw new FuncException("regexp: Compile(" + quoted + "): " + e.getMessage());
    }
  }

  private Matcher matcher(FuncEnv env, String s) {
    return pattern.matcher(new BudgetedChars(s, env));
  }

  /** Runs {@code body}, turning an exhausted step budget into the function's error. */
  private static <T> T run(Body<T> body) throws FuncException {
    try {
      return body.run();
    } catch (BudgetedChars.Exhausted e) {
      throw e.failure();
    }
  }

  private interface Body<T> {
    T run() throws FuncException;
  }

  public boolean matches(FuncEnv env, String s) throws FuncException {
    return run(() -> matcher(env, s).find());
  }

  /** Go's {@code FindString}: the leftmost match, or "". */
  public String find(FuncEnv env, String s) throws FuncException {
    return run(
        () -> {
          Matcher m = matcher(env, s);
          return m.find() ? s.substring(m.start(), m.end()) : "";
        });
  }

  /** Go's {@code FindAllStringIndex(s, n)}: successive non-overlapping matches. */
  List<int[]> findAllIndex(FuncEnv env, String s, long n) throws FuncException {
    return run(
        () -> {
          List<int[]> result = new ArrayList<>();
          long limit = n < 0 ? s.length() + 1L : n;
          Matcher m = matcher(env, s);
          int pos = 0;
          int prevMatchEnd = -1;
          while (result.size() < limit && pos <= s.length()) {
            if (!m.find(pos)) {
              break;
            }
            boolean accept = true;
            if (m.end() == pos) {
              if (m.start() == prevMatchEnd) {
                accept = false; // no empty match right after a previous match
              }
              pos += pos < s.length() ? Character.charCount(s.codePointAt(pos)) : 1;
            } else {
              pos = m.end();
            }
            prevMatchEnd = m.end();
            if (accept) {
              result.add(new int[] {m.start(), m.end()});
            }
          }
          return result;
        });
  }

  /** Go's {@code FindAllString(s, n)}; null when there is no match (Go's nil slice). */
  public List<String> findAll(FuncEnv env, String s, long n) throws FuncException {
    List<int[]> matches = findAllIndex(env, s, n);
    if (matches.isEmpty()) {
      return null;
    }
    List<String> out = new ArrayList<>(matches.size());
    for (int[] m : matches) {
      out.add(s.substring(m[0], m[1]));
    }
    return out;
  }

  /** Go's {@code Split(s, n)}; null for n == 0 (Go's nil slice). */
  public List<String> split(FuncEnv env, String s, long n) throws FuncException {
    if (n == 0) {
      return null;
    }
    if (!expr.isEmpty() && s.isEmpty()) {
      return List.of("");
    }
    List<int[]> matches = findAllIndex(env, s, n);
    List<String> strings = new ArrayList<>(matches.size());
    int beg = 0;
    int end = 0;
    for (int[] match : matches) {
      if (n > 0 && strings.size() == n - 1) {
        break;
      }
      end = match[0];
      if (match[1] != 0) {
        strings.add(s.substring(beg, end));
      }
      beg = match[1];
    }
    if (end != s.length()) {
      strings.add(s.substring(beg));
    }
    return strings;
  }

  /** Go's {@code ReplaceAllString} ({@code literal}: {@code ReplaceAllLiteralString}). */
  public String replaceAll(FuncEnv env, String src, String repl, boolean literal)
      throws FuncException {
    return run(
        () -> {
          StringBuilder buf = new StringBuilder(src.length());
          Matcher m = matcher(env, src);
          int lastMatchEnd = 0;
          int searchPos = 0;
          while (searchPos <= src.length()) {
            if (!m.find(searchPos)) {
              break;
            }
            buf.append(src, /* start= */ lastMatchEnd, /* end= */ m.start());
            if (m.end() > lastMatchEnd || m.start() == 0) {
              if (literal) {
                buf.append(repl);
              } else {
                expand(buf, repl, src, m);
              }
            }
            lastMatchEnd = m.end();
            int width =
                searchPos < src.length() ? Character.charCount(src.codePointAt(searchPos)) : 0;
            if (searchPos + width > m.end()) {
              searchPos += width;
            } else if (searchPos + 1 > m.end()) {
              searchPos++;
            } else {
              searchPos = m.end();
            }
            env.checkSize(buf.length());
          }
          buf.append(src, lastMatchEnd, src.length());
          return buf.toString();
        });
  }

  /** Go's {@code Regexp.Expand}: {@code $1}, {@code ${1}}, {@code $name}, {@code $$}. */
  private void expand(StringBuilder dst, String template, String src, Matcher m) {
    int i = 0;
    while (i < template.length()) {
      int dollar = template.indexOf('$', i);
      if (dollar < 0) {
        break;
      }
      dst.append(template, i, dollar);
      i = dollar + 1;
      if (i < template.length() && template.charAt(i) == '$') {
        dst.append('$');
        i++;
        continue;
      }
      Reference ref = Reference.extract(template, i);
      if (ref == null) {
        dst.append('$');
        continue;
      }
      i = ref.end;
      int group = ref.number >= 0 ? ref.number : names.indexOf(ref.name);
      if (group >= 0 && group <= m.groupCount() && m.start(group) >= 0) {
        dst.append(src, m.start(group), m.end(group));
      }
    }
    dst.append(template, i, template.length());
  }

  /** A {@code $name} or {@code ${name}} reference in a replacement template. */
  private record Reference(String name, int number, int end) {
    static Reference extract(String str, int i) {
      if (i >= str.length()) {
        return null;
      }
      boolean brace = str.charAt(i) == '{';
      int start = brace ? i + 1 : i;
      int j = start;
      while (j < str.length()) {
        int r = str.codePointAt(j);
        if (!Character.isLetter(r) && !Character.isDigit(r) && r != '_') {
          break;
        }
        j += Character.charCount(r);
      }
      if (j == start) {
        return null;
      }
      String name = str.substring(start, j);
      if (brace) {
        if (j >= str.length() || str.charAt(j) != '}') {
          return null;
        }
        j++;
      }
      int num = 0;
      for (int k = 0; k < name.length(); k++) {
        char c = name.charAt(k);
        if (c < '0' || c > '9' || num >= 100_000_000) {
          num = -1;
          break;
        }
        num = num * 10 + (c - '0');
      }
      if (name.charAt(0) == '0' && name.length() > 1) {
        num = -1;
      }
      return new Reference(name, num, j);
    }
  }
}

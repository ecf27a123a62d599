package dev.tributary.templates.internal.regex;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Translates Go (RE2) regular-expression syntax into {@code java.util.regex} syntax with the same
 * meaning: Go's ASCII {@code \b \d \s \w}, {@code .} excluding only {@code \n}, {@code $} as end of
 * text, named groups, the {@code U} flag, and Go's errors for what RE2 rejects (lookarounds,
 * backreferences, nested repetition). Not thread-safe; one per pattern.
 */
final class Re2Translator {
  private static final String WORD = "0-9A-Za-z_";
  private static final String SPACE = "\\t\\n\\f\\r ";
  private static final Set<String> CATEGORIES =
      Set.of(
          "C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn",
          "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S", "Sc", "Sk",
          "Sm", "So", "Z", "Zl", "Zp", "Zs");

  private final String expr;
  private final StringBuilder out = new StringBuilder();
  private final List<String> names = new ArrayList<>(List.of(""));
  private final Deque<int[]> groups = new ArrayDeque<>();
  private int pos;
  private boolean multiLine;
  private boolean dotAll;
  private boolean ungreedy;

  /** Whether the last item can take a repetition operator; 2 if it was itself a repetition. */
  private int operand;

  private Re2Translator(String expr) {
    this.expr = expr;
  }

  /** The Java pattern and group names of a Go regular expression. */
  static Translation translate(String expr) throws RegexSyntaxException {
    Re2Translator t = new Re2Translator(expr);
    t.run();
    return new Translation(t.out.toString(), List.copyOf(t.names));
  }

  record Translation(String javaPattern, List<String> groupNames) {}

  private void run() throws RegexSyntaxException {
    while (pos < expr.length()) {
      char c = expr.charAt(pos);
      switch (c) {
        case '\\' -> escape();
        case '[' -> {
          charClass();
          operand = 1;
        }
        case '(' -> open();
        case ')' -> close();
        case '|' -> {
          out.append('|');
          pos++;
          operand = 0;
        }
        case '*', '+', '?' -> repeat(String.valueOf(c), 1);
        case '{' -> brace();
        case '.' -> {
          out.append(dotAll ? "(?s:.)" : "[^\\n]");
          pos++;
          operand = 1;
        }
        case '^' -> {
          out.append(multiLine ? "(?:\\A|(?<=\\n))" : "\\A");
          pos++;
          operand = 0;
        }
        case '$' -> {
          out.append(multiLine ? "(?=\\n|\\z)" : "\\z");
          pos++;
          operand = 0;
        }
        default -> {
          int cp = expr.codePointAt(pos);
          literal(cp);
          pos += Character.charCount(cp);
          operand = 1;
        }
      }
    }
    if (!groups.isEmpty()) {
      throw new RegexSyntaxException("missing closing )", expr);
    }
  }

  private void literal(int cp) {
    if (cp < 0x80 && "\\^$.|?*+()[]{}-&~#".indexOf(cp) >= 0) {
      out.append('\\');
    }
    out.appendCodePoint(cp);
  }

  private void repeat(String op, int length) throws RegexSyntaxException {
    int start = pos;
    pos += length;
    boolean lazy = pos < expr.length() && expr.charAt(pos) == '?';
    if (lazy) {
      pos++;
    }
    if (operand == 2) {
      throw new RegexSyntaxException(
          "invalid nested repetition operator", expr.substring(lastRepeatStart, pos));
    }
    if (operand == 0) {
      throw new RegexSyntaxException("missing argument to repetition operator", op);
    }
    out.append(op);
    if (lazy != ungreedy) {
      out.append('?');
    }
    lastRepeatStart = start;
    operand = 2;
  }

  private int lastRepeatStart;

  /** {@code {n}}, {@code {n,}}, {@code {n,m}}; anything else is a literal brace. */
  private void brace() throws RegexSyntaxException {
    int close = expr.indexOf('}', pos);
    String body = close < 0 ? "" : expr.substring(pos + 1, close);
    if (close < 0 || !body.matches("[0-9]+(,[0-9]*)?")) {
      literal('{');
      pos++;
      operand = 1;
      return;
    }
    String text = expr.substring(pos, close + 1);
    String[] parts = body.split(",", -1);
    long min = parseCount(parts[0]);
    long max = parts.length == 1 ? min : parts[1].isEmpty() ? -1 : parseCount(parts[1]);
    if (min > 1000 || max > 1000 || (max >= 0 && max < min)) {
      throw new RegexSyntaxException("invalid repeat count", text);
    }
    repeat(text, text.length());
  }

  private static long parseCount(String digits) {
    return digits.length() > 5 ? Long.MAX_VALUE : Long.parseLong(digits);
  }

  private void open() throws RegexSyntaxException {
    int start = pos;
    groups.push(new int[] {flags(), start});
    if (!expr.startsWith("(?", pos)) {
      names.add("");
      out.append('(');
      pos++;
      operand = 0;
      return;
    }
    if (expr.startsWith("(?P<", pos)
        || (expr.startsWith("(?<", pos)
            && !expr.startsWith("(?<=", pos)
            && !expr.startsWith("(?<!", pos))) {
      namedGroup(start);
      return;
    }
    pos += 2;
    flagGroup(start);
  }

  private void namedGroup(int start) throws RegexSyntaxException {
    int nameStart = expr.indexOf('<', start) + 1;
    int end = expr.indexOf('>', nameStart);
    if (end < 0) {
      throw new RegexSyntaxException("invalid named capture", expr.substring(start));
    }
    String name = expr.substring(nameStart, end);
    if (name.isEmpty()
        || !name.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_')) {
      throw new RegexSyntaxException("invalid named capture", expr.substring(start, end + 1));
    }
    if (names.contains(name)) {
      throw new RegexSyntaxException("duplicate capture group name", name);
    }
    names.add(name);
    out.append('(');
    pos = end + 1;
    operand = 0;
  }

  /** {@code (?flags)} or {@code (?flags:…)}; RE2 knows i, m, s, U and nothing else. */
  private void flagGroup(int start) throws RegexSyntaxException {
    boolean negate = false;
    boolean sawFlag = false;
    Boolean caseInsensitive = null;
    while (pos < expr.length()) {
      char c = expr.charAt(pos++);
      switch (c) {
        case 'i' -> {
          caseInsensitive = !negate;
          sawFlag = true;
        }
        case 'm' -> {
          multiLine = !negate;
          sawFlag = true;
        }
        case 's' -> {
          dotAll = !negate;
          sawFlag = true;
        }
        case 'U' -> {
          ungreedy = !negate;
          sawFlag = true;
        }
        case '-' -> {
          if (negate) {
            throw perl(start);
          }
          negate = true;
          sawFlag = false;
        }
        case ':', ')' -> {
          if (negate && !sawFlag) {
            throw perl(start);
          }
          String flag = caseInsensitive == null ? "" : caseInsensitive ? "iu" : "-iu";
          if (c == ':') {
            out.append("(?").append(flag).append(':');
          } else {
            groups.pop(); // (?flags) lasts until the enclosing group ends
            if (!flag.isEmpty()) {
              out.append("(?").append(flag).append(')');
            }
          }
          operand = 0;
          return;
        }
        default -> throw perl(start);
      }
    }
    throw new RegexSyntaxException("missing closing )", expr);
  }

  private RegexSyntaxException perl(int start) {
    int end = Math.min(pos, expr.length());
    return new RegexSyntaxException(
        "invalid or unsupported Perl syntax", expr.substring(start, end));
  }

  private void close() throws RegexSyntaxException {
    if (groups.isEmpty()) {
      throw new RegexSyntaxException("unexpected )", expr);
    }
    int[] group = groups.pop();
    setFlags(group[0]);
    out.append(')');
    pos++;
    operand = 1;
  }

  private int flags() {
    return (multiLine ? 1 : 0) | (dotAll ? 2 : 0) | (ungreedy ? 4 : 0);
  }

  private void setFlags(int f) {
    multiLine = (f & 1) != 0;
    dotAll = (f & 2) != 0;
    ungreedy = (f & 4) != 0;
  }

  private void escape() throws RegexSyntaxException {
    if (pos + 1 >= expr.length()) {
      throw new RegexSyntaxException("trailing backslash at end of expression", "");
    }
    char c = expr.charAt(pos + 1);
    operand = 1;
    switch (c) {
      case 'A' -> {
        out.append("\\A");
        operand = 0;
        pos += 2;
        return;
      }
      case 'z' -> {
        out.append("\\z");
        operand = 0;
        pos += 2;
        return;
      }
      case 'b' -> {
        out.append(
            "(?:(?<=[" + WORD + "])(?![" + WORD + "])|(?<![" + WORD + "])(?=[" + WORD + "]))");
        operand = 0;
        pos += 2;
        return;
      }
      case 'B' -> {
        out.append(
            "(?:(?<=[" + WORD + "])(?=[" + WORD + "])|(?<![" + WORD + "])(?![" + WORD + "]))");
        operand = 0;
        pos += 2;
        return;
      }
      case 'Q' -> {
        quoted();
        return;
      }
      default -> {
        String item = classEscape();
        out.append(item.startsWith("[") || item.startsWith("\\") ? item : "[" + item + "]");
      }
    }
  }

  private void quoted() {
    int end = expr.indexOf("\\E", pos + 2);
    String lit = end < 0 ? expr.substring(pos + 2) : expr.substring(pos + 2, end);
    pos = end < 0 ? expr.length() : end + 2;
    for (int i = 0; i < lit.length(); ) {
      int cp = lit.codePointAt(i);
      literal(cp);
      i += Character.charCount(cp);
    }
    operand = lit.isEmpty() ? operand : 1;
  }

  /**
   * An escape at {@code pos} as Java text: a class body (no brackets) for single characters and
   * ranges, or a full bracketed class. Inside a class, {@code inClass} is true.
   */
  private String classEscape() throws RegexSyntaxException {
    int start = pos;
    char c = expr.charAt(pos + 1);
    pos += 2;
    switch (c) {
      case 'd' -> {
        return "0-9";
      }
      case 'D' -> {
        return "[^0-9]";
      }
      case 'w' -> {
        return WORD;
      }
      case 'W' -> {
        return "[^" + WORD + "]";
      }
      case 's' -> {
        return SPACE;
      }
      case 'S' -> {
        return "[^" + SPACE + "]";
      }
      case 'p', 'P' -> {
        return unicodeClass(start, c == 'P');
      }
      case 'a' -> {
        return "\\x{7}";
      }
      case 'f' -> {
        return "\\f";
      }
      case 't' -> {
        return "\\t";
      }
      case 'n' -> {
        return "\\n";
      }
      case 'r' -> {
        return "\\r";
      }
      case 'v' -> {
        return "\\x{B}";
      }
      case 'x' -> {
        return hexEscape(start);
      }
      default -> {
        if (c >= '0' && c <= '7') {
          return octalEscape(start, c);
        }
        if (c < 0x80 && !Character.isLetterOrDigit(c)) {
          return "\\x{" + Integer.toHexString(c) + "}";
        }
        throw new RegexSyntaxException("invalid escape sequence", expr.substring(start, pos));
      }
    }
  }

  private String hexEscape(int start) throws RegexSyntaxException {
    int value;
    if (pos < expr.length() && expr.charAt(pos) == '{') {
      int end = expr.indexOf('}', pos);
      String hex = end < 0 ? "" : expr.substring(pos + 1, end);
      if (hex.isEmpty()
          || hex.length() > 8
          || !hex.matches("[0-9A-Fa-f]+")
          || Long.parseLong(hex, 16) > 0x10FFFF) {
        throw new RegexSyntaxException(
            "invalid escape sequence", expr.substring(start, end < 0 ? expr.length() : end + 1));
      }
      value = Integer.parseInt(hex, 16);
      pos = end + 1;
    } else {
      if (pos + 2 > expr.length() || !expr.substring(pos, pos + 2).matches("[0-9A-Fa-f]{2}")) {
        throw new RegexSyntaxException(
            "invalid escape sequence", expr.substring(start, Math.min(expr.length(), pos + 2)));
      }
      value = Integer.parseInt(expr.substring(pos, pos + 2), 16);
      pos += 2;
    }
    return "\\x{" + Integer.toHexString(value) + "}";
  }

  private String octalEscape(int start, char first) throws RegexSyntaxException {
    if (first != '0'
        && (pos >= expr.length() || expr.charAt(pos) < '0' || expr.charAt(pos) > '7')) {
      throw new RegexSyntaxException("invalid escape sequence", expr.substring(start, pos));
    }
    int value = first - '0';
    for (int k = 0;
        k < 2 && pos < expr.length() && expr.charAt(pos) >= '0' && expr.charAt(pos) <= '7';
        k++) {
      value = value * 8 + (expr.charAt(pos++) - '0');
    }
    return "\\x{" + Integer.toHexString(value) + "}";
  }

  private String unicodeClass(int start, boolean negated) throws RegexSyntaxException {
    String name;
    if (pos < expr.length() && expr.charAt(pos) == '{') {
      int end = expr.indexOf('}', pos);
      if (end < 0) {
        throw new RegexSyntaxException("invalid character class range", expr.substring(start));
      }
      name = expr.substring(pos + 1, end);
      pos = end + 1;
    } else if (pos < expr.length()) {
      name = String.valueOf(expr.charAt(pos++));
    } else {
      throw new RegexSyntaxException("invalid character class range", expr.substring(start));
    }
    if (name.startsWith("^")) {
      negated = !negated;
      name = name.substring(1);
    }
    String java;
    if (name.equals("Any")) {
      return negated ? "[^\\x{0}-\\x{10FFFF}]" : "[\\x{0}-\\x{10FFFF}]";
    } else if (CATEGORIES.contains(name)) {
      java = "\\p{" + name + "}";
    } else if (isScript(name)) {
      java = "\\p{Is" + name + "}";
    } else {
      throw new RegexSyntaxException("invalid character class range", expr.substring(start, pos));
    }
    return negated ? "[^" + java + "]" : java;
  }

  private static boolean isScript(String name) {
    try {
      Character.UnicodeScript.forName(name);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** A bracketed class: {@code [a-z\d[:alpha:]]}, with Go's rules for a leading {@code ]}. */
  private void charClass() throws RegexSyntaxException {
    int start = pos;
    pos++;
    StringBuilder cls = new StringBuilder("[");
    if (pos < expr.length() && expr.charAt(pos) == '^') {
      cls.append('^');
      pos++;
    }
    boolean first = true;
    while (pos < expr.length() && (expr.charAt(pos) != ']' || first)) {
      first = false;
      if (expr.startsWith("[:", pos)) {
        int end = expr.indexOf(":]", pos);
        if (end >= 0) {
          cls.append(posixClass(expr.substring(pos, end + 2)));
          pos = end + 2;
          continue;
        }
      }
      classItem(cls);
    }
    if (pos >= expr.length()) {
      throw new RegexSyntaxException("missing closing ]", expr.substring(start));
    }
    pos++;
    out.append(cls).append(']');
  }

  private void classItem(StringBuilder cls) throws RegexSyntaxException {
    int itemStart = pos;
    int lo = classChar(cls);
    if (lo < 0) {
      return; // a class escape such as \d was appended
    }
    if (pos + 1 < expr.length() && expr.charAt(pos) == '-' && expr.charAt(pos + 1) != ']') {
      pos++;
      StringBuilder ignored = new StringBuilder();
      int hi = classChar(ignored);
      if (hi < 0) {
        throw new RegexSyntaxException(
            "invalid character class range", expr.substring(itemStart, pos));
      }
      if (hi < lo) {
        throw new RegexSyntaxException(
            "invalid character class range", expr.substring(itemStart, pos));
      }
      cls.append(hexChar(lo)).append('-').append(hexChar(hi));
      return;
    }
    cls.append(hexChar(lo));
  }

  /** One class character (its code point), or -1 after appending a class escape to cls. */
  private int classChar(StringBuilder cls) throws RegexSyntaxException {
    char c = expr.charAt(pos);
    if (c != '\\') {
      int cp = expr.codePointAt(pos);
      pos += Character.charCount(cp);
      return cp;
    }
    if (pos + 1 >= expr.length()) {
      throw new RegexSyntaxException("trailing backslash at end of expression", "");
    }
    String item = classEscape();
    if (item.startsWith("\\x{")) {
      return Integer.parseInt(item.substring(3, item.length() - 1), 16);
    }
    switch (item) {
      case "\\f" -> {
        return '\f';
      }
      case "\\t" -> {
        return '\t';
      }
      case "\\n" -> {
        return '\n';
      }
      case "\\r" -> {
        return '\r';
      }
      default -> {
        cls.append(item);
        return -1;
      }
    }
  }

  private static String hexChar(int cp) {
    return "\\x{" + Integer.toHexString(cp) + "}";
  }

  private static String posixClass(String name) throws RegexSyntaxException {
    boolean negated = name.startsWith("[:^");
    String bare = name.substring(negated ? 3 : 2, name.length() - 2);
    String body;
    switch (bare) {
      case "alnum" -> body = "0-9A-Za-z";
      case "alpha" -> body = "A-Za-z";
      case "ascii" -> body = "\\x{0}-\\x{7f}";
      case "blank" -> body = "\\t ";
      case "cntrl" -> body = "\\x{0}-\\x{1f}\\x{7f}";
      case "digit" -> body = "0-9";
      case "graph" -> body = "!-~";
      case "lower" -> body = "a-z";
      case "print" -> body = " -~";
      case "punct" -> body = "!-/:-@\\[-`{-~";
      case "space" -> body = "\\t\\n\\x{b}\\f\\r ";
      case "upper" -> body = "A-Z";
      case "word" -> body = "0-9A-Za-z_";
      case "xdigit" -> body = "0-9A-Fa-f";
      default -> throw new RegexSyntaxException("invalid character class range", name);
    }
    return negated ? "[^" + body + "]" : body;
  }
}

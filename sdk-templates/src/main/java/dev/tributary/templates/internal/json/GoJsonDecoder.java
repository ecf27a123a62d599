package dev.tributary.templates.internal.json;

import dev.tributary.templates.internal.fmt.FmtSort;
import dev.tributary.templates.internal.fmt.GoNumbers;
import dev.tributary.templates.internal.fmt.Strconv;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decodes JSON as Go's {@code json.Unmarshal} into an {@code interface{}}: objects become maps
 * (insertion-ordered, a repeated key keeps its last value), arrays lists, every number a {@code
 * Double}, {@code null} a Java null. Errors carry Go's messages ({@code invalid character 'x'
 * looking for beginning of value}). Not thread-safe; one per document.
 */
public final class GoJsonDecoder {
  private static final int MAX_DEPTH = 1000;

  private final String s;
  private int i;
  private int depth;

  private GoJsonDecoder(String s) {
    this.s = s;
  }

  /** Thrown for input Go would reject; the message is Go's. */
  public static final class JsonException extends Exception {
    private static final long serialVersionUID = 1L;

    JsonException(String message) {
      super(message, null, false, false);
    }
  }

  /** Decodes one JSON document. */
  public static @Nullable Object decode(String json) throws JsonException {
    GoJsonDecoder d = new GoJsonDecoder(json);
    d.skipSpace();
    if (d.i >= json.length()) {
      throw new JsonException("unexpected end of JSON input");
    }
    Object v = d.value();
    d.skipSpace();
    if (d.i < json.length()) {
      throw d.invalid("after top-level value");
    }
    return v;
  }

  private void skipSpace() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      i++;
    }
  }

  private JsonException invalid(String context) {
    if (i >= s.length()) {
      return new JsonException("unexpected end of JSON input");
    }
    return new JsonException("invalid character " + quoteChar(s.charAt(i)) + " " + context);
  }

  static String quoteChar(char c) {
    if (c == '\'') {
      return "'\\''";
    }
    if (c == '"') {
      return "'\"'";
    }
    int b = c < 0x80 ? c : firstUtf8Byte(c);
    String q = Strconv.quote(new String(Character.toChars(b)));
    return "'" + q.substring(1, q.length() - 1) + "'";
  }

  private static int firstUtf8Byte(char c) {
    if (c < 0x800) {
      return 0xC0 | (c >> 6);
    }
    if (Character.isHighSurrogate(c)) {
      return 0xF0;
    }
    return 0xE0 | (c >> 12);
  }

  private @Nullable Object value() throws JsonException {
    if (i >= s.length()) {
      throw new JsonException("unexpected end of JSON input");
    }
    char c = s.charAt(i);
    switch (c) {
      case '{' -> {
        return object();
      }
      case '[' -> {
        return array();
      }
      case '"' -> {
        return string();
      }
      case 't' -> {
        literal("true");
        return true;
      }
      case 'f' -> {
        literal("false");
        return false;
      }
      case 'n' -> {
        literal("null");
        return null;
      }
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw invalid("looking for beginning of value");
      }
    }
  }

  private void enter() throws JsonException {
    if (++depth > MAX_DEPTH) {
      throw invalid("exceeded max depth");
    }
  }

  private Map<String, Object> object() throws JsonException {
    enter();
    i++;
    Map<String, Object> m = new LinkedHashMap<>();
    skipSpace();
    if (i < s.length() && s.charAt(i) == '}') {
      i++;
      depth--;
      return m;
    }
    while (true) {
      skipSpace();
      if (i >= s.length() || s.charAt(i) != '"') {
        throw invalid("looking for beginning of object key string");
      }
      String key = string();
      skipSpace();
      if (i >= s.length() || s.charAt(i) != ':') {
        throw invalid("after object key");
      }
      i++;
      skipSpace();
      m.put(key, value());
      skipSpace();
      if (i < s.length() && s.charAt(i) == ',') {
        i++;
        continue;
      }
      if (i < s.length() && s.charAt(i) == '}') {
        i++;
        depth--;
        return inGoOrder(m);
      }
      throw invalid("after object key:value pair");
    }
  }

  /**
   * The map with its keys in the order Go prints and ranges over them, so that printing and {@code
   * range} need not sort again (Go's maps have no order of their own).
   */
  private static Map<String, Object> inGoOrder(Map<String, Object> m) {
    String previous = null;
    boolean sorted = true;
    for (String key : m.keySet()) {
      if (previous != null && FmtSort.compareStrings(previous, key) > 0) {
        sorted = false;
        break;
      }
      previous = key;
    }
    if (sorted) {
      return m;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    m.keySet().stream().sorted(FmtSort::compareStrings).forEach(k -> out.put(k, m.get(k)));
    return out;
  }

  private List<Object> array() throws JsonException {
    enter();
    i++;
    List<Object> list = new ArrayList<>();
    skipSpace();
    if (i < s.length() && s.charAt(i) == ']') {
      i++;
      depth--;
      return list;
    }
    while (true) {
      skipSpace();
      list.add(value());
      skipSpace();
      if (i < s.length() && s.charAt(i) == ',') {
        i++;
        continue;
      }
      if (i < s.length() && s.charAt(i) == ']') {
        i++;
        depth--;
        return list;
      }
      throw invalid("after array element");
    }
  }

  private void literal(String word) throws JsonException {
    for (int k = 0; k < word.length(); k++, i++) {
      if (i >= s.length()) {
        throw new JsonException("unexpected end of JSON input");
      }
      if (s.charAt(i) != word.charAt(k)) {
        throw invalid(
            k == 0
                ? "looking for beginning of value"
                : "in literal " + word + " (expecting '" + word.charAt(k) + "')");
      }
    }
  }

  private Double number() throws JsonException {
    int start = i;
    if (s.charAt(i) == '-') {
      i++;
      if (i >= s.length() || !isDigit(s.charAt(i))) {
        throw invalid("in numeric literal");
      }
    }
    if (s.charAt(i) == '0') {
      i++;
    } else {
      digits();
    }
    if (i < s.length() && s.charAt(i) == '.') {
      i++;
      if (i >= s.length() || !isDigit(s.charAt(i))) {
        throw invalid("after decimal point in numeric literal");
      }
      digits();
    }
    if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      if (i >= s.length() || !isDigit(s.charAt(i))) {
        throw invalid("in exponent of numeric literal");
      }
      digits();
    }
    String text = s.substring(start, i);
    try {
      return GoNumbers.parseFloat(text);
    } catch (GoNumbers.NumberError e) {
      throw new JsonException(
          "json: cannot unmarshal number " + text + " into Go value of type float64");
    }
  }

  private void digits() {
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private String string() throws JsonException {
    i++;
    StringBuilder sb = null;
    int start = i;
    while (true) {
      if (i >= s.length()) {
        throw new JsonException("unexpected end of JSON input");
      }
      char c = s.charAt(i);
      if (c == '"') {
        String out = sb == null ? s.substring(start, i) : sb.append(s, start, i).toString();
        i++;
        return replaceBrokenSurrogates(out);
      }
      if (c < 0x20) {
        throw invalid("in string literal");
      }
      if (c == '\\') {
        if (sb == null) {
          sb = new StringBuilder();
        }
        sb.append(s, start, i);
        escape(sb);
        start = i;
        continue;
      }
      i++;
    }
  }

  private void escape(StringBuilder sb) throws JsonException {
    i++;
    if (i >= s.length()) {
      throw new JsonException("unexpected end of JSON input");
    }
    char e = s.charAt(i);
    switch (e) {
      case '"', '\\', '/' -> sb.append(e);
      case 'b' -> sb.append('\b');
      case 'f' -> sb.append('\f');
      case 'n' -> sb.append('\n');
      case 'r' -> sb.append('\r');
      case 't' -> sb.append('\t');
      case 'u' -> {
        sb.append((char) hex4());
        return;
      }
      default -> throw invalid("in string escape code");
    }
    i++;
  }

  private int hex4() throws JsonException {
    int v = 0;
    for (int k = 0; k < 4; k++) {
      i++;
      if (i >= s.length()) {
        throw new JsonException("unexpected end of JSON input");
      }
      int d = Character.digit(s.charAt(i), 16);
      if (d < 0 || s.charAt(i) > 'f') {
        throw invalid("in \\u hexadecimal character escape");
      }
      v = v << 4 | d;
    }
    i++;
    return v;
  }

  /** Go replaces an unpaired surrogate (from a \\u escape) with U+FFFD. */
  private static String replaceBrokenSurrogates(String v) {
    for (int k = 0; k < v.length(); k++) {
      if (Character.isSurrogate(v.charAt(k))) {
        StringBuilder sb = new StringBuilder(v.length());
        for (int j = 0; j < v.length(); j++) {
          char c = v.charAt(j);
          if (Character.isHighSurrogate(c)
              && j + 1 < v.length()
              && Character.isLowSurrogate(v.charAt(j + 1))) {
            sb.append(c).append(v.charAt(++j));
          } else {
            sb.append(Character.isSurrogate(c) ? '\uFFFD' : c);
          }
        }
        return sb.toString();
      }
    }
    return v;
  }
}

package dev.tributary.templates.internal.fmt;

import dev.tributary.templates.internal.value.GoStrings;
import java.io.ByteArrayOutputStream;

/**
 * Go's {@code strconv} quoting: {@code Quote}, {@code QuoteToASCII}, {@code QuoteRune}, {@code
 * CanBackquote}, {@code IsPrint} and {@code Unquote}/{@code UnquoteChar}, on Go strings as mapped
 * by {@link GoStrings}. Stateless and thread-safe.
 */
public final class Strconv {
  private static final String LOWER_HEX = "0123456789abcdef";

  private Strconv() {}

  /** Thrown by the unquoting methods; Go's {@code strconv.ErrSyntax}. */
  public static final class SyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    SyntaxException() {
      super("invalid syntax", null, false, false);
    }
  }

  /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and ' '. */
  public static boolean isPrint(int r) {
    if (r < 0x7F) {
      return r >= 0x20;
    }
    if (r > Character.MAX_CODE_POINT) {
      return false;
    }
    switch (Character.getType(r)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL -> {
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /** Go's {@code strconv.Quote}. */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2);
    appendQuoted(sb, s, '"', false);
    return sb.toString();
  }

  /** Appends {@code s} quoted with {@code quote}, escaping as Go does. */
  public static void appendQuoted(StringBuilder sb, String s, char quote, boolean asciiOnly) {
    sb.append(quote);
    for (int i = 0, n = s.length(); i < n; ) {
      if (GoStrings.isEscape(s, i)) {
        int b = 0x80 | (s.charAt(i) & 0x7F);
        sb.append("\\x").append(LOWER_HEX.charAt(b >> 4)).append(LOWER_HEX.charAt(b & 0xF));
        i++;
        continue;
      }
      int r = GoStrings.runeAt(s, i);
      i += GoStrings.charCount(s, i);
      appendEscapedRune(sb, r, quote, asciiOnly);
    }
    sb.append(quote);
  }

  /** Go's {@code strconv.QuoteRune} ({@code asciiOnly}: {@code QuoteRuneToASCII}). */
  public static void appendQuotedRune(StringBuilder sb, int r, boolean asciiOnly) {
    if (!isValidRune(r)) {
      r = GoStrings.RUNE_ERROR;
    }
    sb.append('\'');
    appendEscapedRune(sb, r, '\'', asciiOnly);
    sb.append('\'');
  }

  static boolean isValidRune(long r) {
    return r >= 0 && r <= 0x10FFFF && !(r >= 0xD800 && r <= 0xDFFF);
  }

  private static void appendEscapedRune(StringBuilder sb, int r, char quote, boolean asciiOnly) {
    if (r == quote || r == '\\') {
      sb.append('\\').append((char) r);
      return;
    }
    if (asciiOnly ? r < 0x80 && isPrint(r) : isPrint(r)) {
      sb.appendCodePoint(r);
      return;
    }
    switch (r) {
      case 7 -> {
        sb.append("\\a");
        return;
      }
      case '\b' -> {
        sb.append("\\b");
        return;
      }
      case '\f' -> {
        sb.append("\\f");
        return;
      }
      case '\n' -> {
        sb.append("\\n");
        return;
      }
      case '\r' -> {
        sb.append("\\r");
        return;
      }
      case '\t' -> {
        sb.append("\\t");
        return;
      }
      case 11 -> {
        sb.append("\\v");
        return;
      }
      default -> appendNumericEscape(sb, r);
    }
  }

  private static void appendNumericEscape(StringBuilder sb, int r) {
    if (r < ' ' || r == 0x7F) {
      sb.append("\\x").append(LOWER_HEX.charAt(r >> 4)).append(LOWER_HEX.charAt(r & 0xF));
      return;
    }
    if (!isValidRune(r)) {
      r = GoStrings.RUNE_ERROR;
    }
    int shift = r < 0x10000 ? 12 : 28;
    sb.append(r < 0x10000 ? "\\u" : "\\U");
    for (int s = shift; s >= 0; s -= 4) {
      sb.append(LOWER_HEX.charAt((r >> s) & 0xF));
    }
  }

  /** Go's {@code strconv.CanBackquote}. */
  public static boolean canBackquote(String s) {
    for (int i = 0, n = s.length(); i < n; ) {
      if (GoStrings.isEscape(s, i)) {
        return false;
      }
      int r = GoStrings.runeAt(s, i);
      i += GoStrings.charCount(s, i);
      if (r >= 0x80) {
        if (r == 0xFEFF || (r == GoStrings.RUNE_ERROR && Character.isSurrogate(s.charAt(i - 1)))) {
          return false;
        }
        continue;
      }
      if ((r < ' ' && r != '\t') || r == '`' || r == 0x7F) {
        return false;
      }
    }
    return true;
  }

  /** Go's {@code strconv.Unquote} for a double-quoted or back-quoted string literal. */
  public static String unquote(String s) throws SyntaxException {
    int n = s.length();
    if (n < 2) {
      throw new SyntaxException();
    }
    char quote = s.charAt(0);
    if (quote != s.charAt(n - 1)) {
      throw new SyntaxException();
    }
    String body = s.substring(1, n - 1);
    if (quote == '`') {
      if (body.indexOf('`') >= 0) {
        throw new SyntaxException();
      }
      return body.replace("\r", "");
    }
    if (quote != '"' && quote != '\'') {
      throw new SyntaxException();
    }
    if (body.indexOf('\n') >= 0) {
      throw new SyntaxException();
    }
    if (body.indexOf('\\') < 0 && body.indexOf(quote) < 0) {
      if (quote == '"') {
        return body;
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length());
    int[] pos = {0};
    while (pos[0] < body.length()) {
      long c = unquoteChar(body, pos, quote);
      appendUnquoted(out, c);
      if (quote == '\'' && pos[0] < body.length()) {
        throw new SyntaxException(); // a character literal holds one character
      }
    }
    return GoStrings.fromBytes(out.toByteArray());
  }

  private static void appendUnquoted(ByteArrayOutputStream out, long c) {
    if (c < 0) { // a single byte from \x or octal
      out.write((int) (c & 0xFF));
      return;
    }
    byte[] bytes = GoStrings.toBytes(new String(Character.toChars((int) c)));
    out.write(bytes, 0, bytes.length);
  }

  /**
   * Go's {@code strconv.UnquoteChar}: decodes the first character of {@code s} at {@code pos[0]}
   * and advances it. A byte from {@code \xNN} or octal comes back negative: {@code -256 + byte}.
   */
  public static long unquoteChar(String s, int[] pos, char quote) throws SyntaxException {
    int i = pos[0];
    if (i >= s.length()) {
      throw new SyntaxException();
    }
    char c = s.charAt(i);
    if (c == quote && (quote == '\'' || quote == '"')) {
      throw new SyntaxException();
    }
    if (c != '\\') {
      int r = GoStrings.runeAt(s, i);
      pos[0] = i + GoStrings.charCount(s, i);
      return r;
    }
    if (i + 1 >= s.length()) {
      throw new SyntaxException();
    }
    char e = s.charAt(i + 1);
    pos[0] = i + 2;
    switch (e) {
      case 'a' -> {
        return 7;
      }
      case 'b' -> {
        return '\b';
      }
      case 'f' -> {
        return '\f';
      }
      case 'n' -> {
        return '\n';
      }
      case 'r' -> {
        return '\r';
      }
      case 't' -> {
        return '\t';
      }
      case 'v' -> {
        return 11;
      }
      case 'x', 'u', 'U' -> {
        return hexEscape(s, pos, e);
      }
      case '\\' -> {
        return '\\';
      }
      case '\'', '"' -> {
        if (e != quote) {
          throw new SyntaxException();
        }
        return e;
      }
      default -> {
        if (e >= '0' && e <= '7') {
          return octalEscape(s, pos, e);
        }
        throw new SyntaxException();
      }
    }
  }

  private static long hexEscape(String s, int[] pos, char kind) throws SyntaxException {
    int n = kind == 'x' ? 2 : kind == 'u' ? 4 : 8;
    int start = pos[0];
    if (start + n > s.length()) {
      throw new SyntaxException();
    }
    long v = 0;
    for (int j = 0; j < n; j++) {
      int x = Character.digit(s.charAt(start + j), 16);
      if (x < 0 || s.charAt(start + j) > 'f') {
        throw new SyntaxException();
      }
      v = v << 4 | x;
    }
    pos[0] = start + n;
    if (kind == 'x') {
      return v < 0x80 ? v : -256 + v;
    }
    if (!isValidRune(v)) {
      throw new SyntaxException();
    }
    return v;
  }

  private static long octalEscape(String s, int[] pos, char first) throws SyntaxException {
    int start = pos[0];
    if (start + 2 > s.length()) {
      throw new SyntaxException();
    }
    long v = first - (long) '0';
    for (int j = 0; j < 2; j++) {
      int x = s.charAt(start + j) - '0';
      if (x < 0 || x > 7) {
        throw new SyntaxException();
      }
      v = (v << 3) | x;
    }
    pos[0] = start + 2;
    if (v > 255) {
      throw new SyntaxException();
    }
    return v < 0x80 ? v : -256 + v;
  }
}

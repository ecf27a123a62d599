package dev.tributary.pgp.internal;

import java.util.Locale;

/**
 * Shows text someone else wrote (a user ID, a revocation's comment) on one terminal line as it is
 * written: its control characters (escape sequences, line breaks), format characters (the
 * bidirectional overrides and isolates, with which {@code "abc"}, U+202E and {@code "fed"} show as
 * {@code "abcdef"}, zero-width spaces and joiners, the byte order mark, tags), line and paragraph
 * separators and lone surrogates become Java escapes (<code>&#92;u202e</code>), and {@code \}
 * becomes {@code \\}, so the escaped text tells what it held. Stateless.
 */
public final class TerminalText {
  private TerminalText() {}

  /** {@code text} with what a terminal would not show as written escaped (see above). */
  public static String escape(String text) {
    return escape(text, false);
  }

  /**
   * {@code text} between double quotes, escaped as {@link #escape} does and {@code "} as {@code
   * \"}.
   */
  public static String quote(String text) {
    return '"' + escape(text, true) + '"';
  }

  private static String escape(String text, boolean quoted) {
    StringBuilder b = new StringBuilder(text.length() + 2);
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int end = i + Character.charCount(c);
      if (c == '\\' || (quoted && c == '"')) {
        b.append('\\').append((char) c);
      } else if (hidden(c)) {
        for (int j = i; j < end; j++) {
          b.append(String.format(Locale.ROOT, "\\u%04x", (int) text.charAt(j)));
        }
      } else {
        b.appendCodePoint(c);
      }
      i = end;
    }
    return b.toString();
  }

  /** Whether a terminal would act on {@code c}, or show nothing for it. */
  static boolean hidden(int c) {
    int type = Character.getType(c);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.SURROGATE;
  }
}

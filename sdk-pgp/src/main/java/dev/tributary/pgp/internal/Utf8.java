package dev.tributary.pgp.internal;

import java.nio.charset.StandardCharsets;

/** Lengths of names in UTF-8 bytes, where formats and file systems count bytes, not characters. */
final class Utf8 {
  private Utf8() {}

  /** How many bytes {@code s} takes in UTF-8. */
  static int length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  /**
   * The longest start of {@code s} that takes at most {@code maxBytes} bytes of UTF-8, cut between
   * whole characters.
   */
  static String fit(String s, int maxBytes) {
    int bytes = 0;
    int end = 0;
    while (end < s.length()) {
      int c = s.codePointAt(end);
      bytes += bytes(c);
      if (bytes > maxBytes) {
        break;
      }
      end += Character.charCount(c);
    }
    return s.substring(0, end);
  }

  private static int bytes(int codePoint) {
    boolean loneSurrogate =
        codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
    if (codePoint < 0x80 || loneSurrogate) {
      return 1; // a lone surrogate is encoded as '?', as length() counts it
    }
    return codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
  }
}

package dev.tributary.templates.internal.sprig;

import dev.tributary.templates.internal.value.GoStrings;

/**
 * {@code huandu/xstrings}' {@code ToCamelCase}, {@code ToSnakeCase} and {@code ToKebabCase} (the
 * version sprig 3.2.3 builds with), ported step by step so that word boundaries fall where Go's
 * fall. Stateless.
 */
final class XStrings {
  private static final int INVALID = 0;
  private static final int NUMBER = 1;
  private static final int UPPER_CASE = 2;
  private static final int ALPHABET = 3;
  private static final int CONNECTOR = 4;
  private static final int PUNCT = 5;
  private static final int OTHER = 6;

  private XStrings() {}

  static String toCamelCase(String str) {
    if (str.isEmpty()) {
      return "";
    }
    StringBuilder buf = new StringBuilder(str.length());
    int r0 = 0;
    int size = 0;
    int pos = 0;
    while (pos < str.length()) {
      r0 = GoStrings.runeAt(str, pos);
      size = GoStrings.charCount(str, pos);
      pos += size;
      if (!isConnector(r0)) {
        r0 = Character.toUpperCase(r0);
        break;
      }
      buf.appendCodePoint(r0);
    }
    if (pos >= str.length()) {
      if (size != 0) {
        buf.appendCodePoint(r0);
      }
      return buf.toString();
    }
    while (pos < str.length()) {
      int r1 = r0;
      r0 = GoStrings.runeAt(str, pos);
      pos += GoStrings.charCount(str, pos);
      if (isConnector(r0) && isConnector(r1)) {
        buf.appendCodePoint(r1);
        continue;
      }
      if (isConnector(r1)) {
        r0 = Character.toUpperCase(r0);
      } else {
        r0 = Character.toLowerCase(r0);
        buf.appendCodePoint(r1);
      }
    }
    buf.appendCodePoint(r0);
    return buf.toString();
  }

  static String toSnakeCase(String str) {
    return camelCaseToLowerCase(str, '_');
  }

  static String toKebabCase(String str) {
    return camelCaseToLowerCase(str, '-');
  }

  /** A word found by {@link #nextWord}: its type and span, and where the rest begins. */
  private static final class Word {
    int type;
    int start;
    int end;
    int next;

    Word copy() {
      Word w = new Word();
      w.type = type;
      w.start = start;
      w.end = end;
      w.next = next;
      return w;
    }
  }

  private static String camelCaseToLowerCase(String str, char connector) {
    if (str.isEmpty()) {
      return "";
    }
    StringBuilder buf = new StringBuilder(str.length() + 4);
    Word w = nextWord(str, 0);
    while (w.next < str.length()) {
      if (w.type != CONNECTOR) {
        toLower(buf, w.type, str, w, connector);
      }
      Word prev = w.copy();
      w = nextWord(str, w.next);
      switch (prev.type) {
        case NUMBER -> {
          while (w.type == ALPHABET || w.type == NUMBER) {
            toLower(buf, w.type, str, w, connector);
            w = nextWord(str, w.next);
          }
          if (w.type != INVALID && w.type != PUNCT && w.type != CONNECTOR) {
            buf.append(connector);
          }
        }
        case CONNECTOR -> toLower(buf, prev.type, str, prev, connector);
        case PUNCT -> {}
        default -> w = afterWord(buf, str, w, connector);
      }
    }
    toLower(buf, w.type, str, w, connector);
    return buf.toString();
  }

  /** The {@code default} branch of the loop: after an upper-case, alphabet or other word. */
  private static Word afterWord(StringBuilder buf, String str, Word w, char connector) {
    if (w.type != NUMBER) {
      if (w.type != CONNECTOR && w.type != PUNCT) {
        buf.append(connector);
      }
      return w;
    }
    if (w.next >= str.length()) {
      return w;
    }
    Word last = w.copy();
    w = nextWord(str, w.next);
    if (w.type != ALPHABET) {
      toLower(buf, NUMBER, str, last, connector);
      if (w.type != CONNECTOR && w.type != PUNCT) {
        buf.append(connector);
      }
      return w;
    }
    buf.append(connector);
    toLower(buf, NUMBER, str, last, connector);
    while (w.type == ALPHABET || w.type == NUMBER) {
      toLower(buf, w.type, str, w, connector);
      w = nextWord(str, w.next);
    }
    if (w.type != INVALID && w.type != CONNECTOR && w.type != PUNCT) {
      buf.append(connector);
    }
    return w;
  }

  private static void toLower(StringBuilder buf, int type, String str, Word w, char connector) {
    String word = str.substring(w.start, w.end);
    if (type != UPPER_CASE && type != CONNECTOR) {
      buf.append(word);
      return;
    }
    for (int i = 0; i < word.length(); i += GoStrings.charCount(word, i)) {
      int r = GoStrings.runeAt(word, i);
      if (isConnector(r)) {
        buf.append(connector);
      } else if (GoStringsLib.isUpper(r)) {
        buf.appendCodePoint(Character.toLowerCase(r));
      } else {
        buf.appendCodePoint(r);
      }
    }
  }

  /** {@code nextValidRune}: the next rune that is not U+FFFD at or after {@code pos}. */
  private static int[] nextValidRune(String s, int pos, int prev) {
    int size = 0;
    while (pos < s.length()) {
      int r = GoStrings.runeAt(s, pos);
      int sz = GoStrings.charCount(s, pos);
      size += sz;
      if (r != GoStrings.RUNE_ERROR) {
        return new int[] {r, size};
      }
      pos += sz;
    }
    return new int[] {prev, size};
  }

  private static Word nextWord(String str, int start) {
    Word w = new Word();
    w.start = start;
    if (start >= str.length()) {
      w.type = INVALID;
      w.end = start;
      w.next = start;
      return w;
    }
    int[] rs = nextValidRune(str, start, GoStrings.RUNE_ERROR);
    int r = rs[0];
    int offset = start + rs[1];
    int remaining = offset;
    if (r == GoStrings.RUNE_ERROR) {
      w.type = INVALID;
      w.end = offset;
      w.next = offset;
      return w;
    }
    if (isConnector(r)) {
      w.type = CONNECTOR;
      int[] end = run(str, remaining, offset, r, XStrings::isConnector);
      offset = end[0];
      remaining = end[1];
    } else if (GoStringsLib.isPunct(r)) {
      w.type = PUNCT;
      int[] end = run(str, remaining, offset, r, GoStringsLib::isPunct);
      offset = end[0];
      remaining = end[1];
    } else if (GoStringsLib.isUpper(r)) {
      w.type = UPPER_CASE;
      int[] end = upperCaseWord(str, remaining, offset, r);
      offset = end[0];
      remaining = end[1];
    } else if (isAlphabet(r)) {
      w.type = ALPHABET;
      int[] end = run(str, remaining, offset, r, x -> isAlphabet(x) && !GoStringsLib.isUpper(x));
      offset = end[0];
      remaining = end[1];
    } else if (GoStringsLib.isNumber(r)) {
      w.type = NUMBER;
      int[] end = run(str, remaining, offset, r, GoStringsLib::isNumber);
      offset = end[0];
      remaining = end[1];
    } else {
      w.type = OTHER;
      int[] end = otherWord(str, remaining, offset, r);
      offset = end[0];
      remaining = end[1];
    }
    w.end = offset;
    w.next = remaining;
    return w;
  }

  /** Extends a word while {@code same} holds; returns {offset, remaining}. */
  private static int[] run(
      String str, int remaining, int offset, int r, java.util.function.IntPredicate same) {
    while (remaining < str.length()) {
      int[] rs = nextValidRune(str, remaining, r);
      r = rs[0];
      if (!same.test(r)) {
        break;
      }
      offset += rs[1];
      remaining += rs[1];
    }
    return new int[] {offset, remaining};
  }

  private static int[] upperCaseWord(String str, int remaining, int offset, int r) {
    if (remaining >= str.length()) {
      return new int[] {offset, remaining};
    }
    int[] rs = nextValidRune(str, remaining, r);
    r = rs[0];
    int size = rs[1];
    if (GoStringsLib.isUpper(r)) {
      int prevSize = size;
      offset += size;
      remaining += size;
      while (remaining < str.length()) {
        rs = nextValidRune(str, remaining, r);
        r = rs[0];
        size = rs[1];
        if (!GoStringsLib.isUpper(r)) {
          break;
        }
        prevSize = size;
        offset += size;
        remaining += size;
      }
      if (remaining < str.length() && isAlphabet(r)) {
        offset -= prevSize;
        remaining = offset;
      }
    } else if (isAlphabet(r)) {
      offset += size;
      remaining += size;
      int[] end = run(str, remaining, offset, r, x -> isAlphabet(x) && !GoStringsLib.isUpper(x));
      offset = end[0];
      remaining = end[1];
    }
    return new int[] {offset, remaining};
  }

  private static int[] otherWord(String str, int remaining, int offset, int r) {
    while (remaining < str.length()) {
      int[] rs = nextValidRune(str, remaining, r);
      r = rs[0];
      int size = rs[1];
      if (size == 0
          || isConnector(r)
          || isAlphabet(r)
          || GoStringsLib.isNumber(r)
          || GoStringsLib.isPunct(r)) {
        break;
      }
      offset += size;
      remaining += size;
    }
    return new int[] {offset, remaining};
  }

  private static boolean isConnector(int r) {
    return r == '-' || r == '_' || GoStringsLib.isSpace(r);
  }

  /** A letter, but not a CJK ideograph. */
  private static boolean isAlphabet(int r) {
    if (!Character.isLetter(r)) {
      return false;
    }
    if (r < 0x3400) {
      return true;
    }
    return !((r >= 0x4E00 && r <= 0x9FCC)
        || (r >= 0x3400 && r <= 0x4D85)
        || (r >= 0x20000 && r <= 0x2B81D));
  }
}

package dev.tributary.templates.internal.sprig;

import dev.tributary.templates.internal.func.FuncEnv;
import dev.tributary.templates.internal.func.FuncException;
import dev.tributary.templates.internal.parse.Tree;
import dev.tributary.templates.internal.value.GoStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntUnaryOperator;

/**
 * Go's {@code strings} package as sprig uses it — {@code Split}, {@code Replace}, {@code Trim},
 * {@code ToUpper}, {@code Title}, {@code Repeat} — with Go's byte and rune semantics on strings
 * mapped by {@link GoStrings}. Stateless.
 */
final class GoStringsLib {
  private GoStringsLib() {}

  /** {@code strings.Map}: invalid bytes become U+FFFD, as Go's range over a string sees them. */
  static String map(String s, IntUnaryOperator mapping) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i += GoStrings.charCount(s, i)) {
      sb.appendCodePoint(mapping.applyAsInt(GoStrings.runeAt(s, i)));
    }
    return sb.toString();
  }

  static String toUpper(String s) {
    return GoStrings.isAscii(s) ? s.toUpperCase(Locale.ROOT) : map(s, Character::toUpperCase);
  }

  static String toLower(String s) {
    return GoStrings.isAscii(s) ? s.toLowerCase(Locale.ROOT) : map(s, Character::toLowerCase);
  }

  /** {@code strings.Title}: the first letter of each word in title case. */
  static String title(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    int prev = ' ';
    for (int i = 0; i < s.length(); i += GoStrings.charCount(s, i)) {
      int r = GoStrings.runeAt(s, i);
      sb.appendCodePoint(isSeparator(prev) ? Character.toTitleCase(r) : r);
      prev = r;
    }
    return sb.toString();
  }

  private static boolean isSeparator(int r) {
    if (r <= 0x7F) {
      return !((r >= '0' && r <= '9')
          || (r >= 'a' && r <= 'z')
          || (r >= 'A' && r <= 'Z')
          || r == '_');
    }
    if (Character.isLetter(r) || Character.isDigit(r)) {
      return false;
    }
    return isSpace(r);
  }

  /** Go's {@code unicode.IsUpper}: category Lu (Java's isUpperCase also takes Other_Uppercase). */
  static boolean isUpper(int r) {
    return Character.getType(r) == Character.UPPERCASE_LETTER;
  }

  static boolean isLower(int r) {
    return Character.getType(r) == Character.LOWERCASE_LETTER;
  }

  static boolean isTitle(int r) {
    return Character.getType(r) == Character.TITLECASE_LETTER;
  }

  /** Go's {@code unicode.IsNumber}: categories Nd, Nl, No. */
  static boolean isNumber(int r) {
    int t = Character.getType(r);
    return t == Character.DECIMAL_DIGIT_NUMBER
        || t == Character.LETTER_NUMBER
        || t == Character.OTHER_NUMBER;
  }

  /** Go's {@code unicode.IsPunct}: the P categories. */
  static boolean isPunct(int r) {
    switch (Character.getType(r)) {
      case Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION -> {
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /** Go's {@code unicode.IsSpace}. */
  static boolean isSpace(int r) {
    return r <= 0xFFFF && Tree.isGoSpace((char) r);
  }

  static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.charAt(start)) && !GoStrings.isEscape(s, start)) {
      start++;
    }
    while (end > start && isSpace(s.charAt(end - 1)) && !GoStrings.isEscape(s, end - 1)) {
      end--;
    }
    return s.substring(start, end);
  }

  /** {@code strings.Trim(s, cutset)}. */
  static String trim(String s, String cutset) {
    if (s.isEmpty() || cutset.isEmpty()) {
      return s;
    }
    int start = 0;
    while (start < s.length() && inCutset(GoStrings.runeAt(s, start), cutset)) {
      start += GoStrings.charCount(s, start);
    }
    int end = s.length();
    while (end > start) {
      int last = end - 1;
      if (last > start
          && Character.isLowSurrogate(s.charAt(last))
          && Character.isHighSurrogate(s.charAt(last - 1))) {
        last--;
      }
      if (!inCutset(GoStrings.runeAt(s, last), cutset)) {
        break;
      }
      end = last;
    }
    return s.substring(start, end);
  }

  private static boolean inCutset(int r, String cutset) {
    for (int i = 0; i < cutset.length(); i += GoStrings.charCount(cutset, i)) {
      if (GoStrings.runeAt(cutset, i) == r) {
        return true;
      }
    }
    return false;
  }

  /** {@code strings.Repeat}, with its panics, held to the rendering's size limit. */
  static String repeat(FuncEnv env, String s, long count) throws FuncException {
    if (count < 0) {
      throw new FuncException("strings: negative Repeat count");
    }
    long size =
        s.isEmpty() || count == 0
            ? 0
            : count > Long.MAX_VALUE / s.length() ? -1 : count * s.length();
    if (size < 0) {
      throw new FuncException("strings: Repeat count causes overflow");
    }
    env.checkSize(size);
    return s.repeat((int) count);
  }

  /** {@code strings.Split(s, sep)}. */
  static List<String> split(String s, String sep) {
    return splitN(s, sep, -1);
  }

  /** {@code strings.SplitN(s, sep, n)}. */
  static List<String> splitN(String s, String sep, long n) {
    List<String> out = new ArrayList<>();
    if (n == 0) {
      return out;
    }
    if (sep.isEmpty()) {
      return explode(s, n);
    }
    int i = 0;
    while (n < 0 || out.size() < n - 1) {
      int m = s.indexOf(sep, i);
      if (m < 0) {
        break;
      }
      out.add(s.substring(i, m));
      i = m + sep.length();
    }
    out.add(s.substring(i));
    return out;
  }

  private static List<String> explode(String s, long n) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      if (n > 0 && out.size() == n - 1) {
        out.add(s.substring(i));
        return out;
      }
      int w = GoStrings.charCount(s, i);
      out.add(s.substring(i, i + w));
      i += w;
    }
    return out;
  }

  /** {@code strings.Replace(s, old, new, -1)}; an empty {@code old} matches between runes. */
  static String replaceAll(String s, String old, String replacement) {
    if (old.equals(replacement)) {
      return s;
    }
    if (!old.isEmpty()) {
      return s.replace(old, replacement);
    }
    StringBuilder sb = new StringBuilder(s.length() * (replacement.length() + 1) + 1);
    sb.append(replacement);
    for (int i = 0; i < s.length(); ) {
      int w = GoStrings.charCount(s, i);
      sb.append(s, i, i + w).append(replacement);
      i += w;
    }
    return sb.toString();
  }
}

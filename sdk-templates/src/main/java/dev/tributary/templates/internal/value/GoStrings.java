package dev.tributary.templates.internal.value;

import java.io.ByteArrayOutputStream;

/**
 * Go strings are bytes; Java strings are UTF-16. A Go string maps to a Java string by decoding it
 * as UTF-8, where each byte that is not part of valid UTF-8 becomes one "escape" char, U+DC80 plus
 * the byte's low 7 bits (an unpaired low surrogate, as Python's {@code surrogateescape} does). The
 * mapping is exact both ways, so byte-level operations ({@code len}, {@code slice}, {@code %x},
 * {@code trunc}) give Go's results, and {@link #forOutput} shows escapes as U+FFFD as any UTF-8
 * reader of Go's output would.
 */
public final class GoStrings {
  /** Go's {@code utf8.RuneError}. */
  public static final int RUNE_ERROR = 0xFFFD;

  private static final int ESCAPE_BASE = 0xDC00;

  private GoStrings() {}

  /** Whether {@code s.charAt(i)} is an escaped invalid byte (not half of a surrogate pair). */
  public static boolean isEscape(CharSequence s, int i) {
    char c = s.charAt(i);
    return c >= 0xDC80 && c <= 0xDCFF && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
  }

  /** Whether the string has no chars outside ASCII, so bytes and chars coincide. */
  public static boolean isAscii(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** Go's {@code len(s)}: the number of bytes. */
  public static int byteLength(String s) {
    int n = s.length();
    int bytes = n;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        continue;
      }
      if (c < 0x800) {
        bytes += 1;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 2; // 4 bytes for the pair's 2 chars
        i++;
      } else if (!isEscape(s, i)) {
        bytes += 2;
      }
    }
    return bytes;
  }

  /** The Go bytes of a string. */
  public static byte[] toBytes(String s) {
    if (isAscii(s)) {
      byte[] out = new byte[s.length()];
      for (int i = 0; i < out.length; i++) {
        out[i] = (byte) s.charAt(i);
      }
      return out;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 8);
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        out.write(c);
      } else if (isEscape(s, i)) {
        out.write(0x80 | (c & 0x7F));
      } else {
        int cp = c;
        if (Character.isHighSurrogate(c)
            && i + 1 < n
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          cp = Character.toCodePoint(c, s.charAt(++i));
        } else if (Character.isSurrogate(c)) {
          cp = RUNE_ERROR;
        }
        writeRune(out, cp);
      }
    }
    return out.toByteArray();
  }

  private static void writeRune(ByteArrayOutputStream out, int cp) {
    if (cp < 0x800) {
      out.write(0xC0 | (cp >> 6));
    } else if (cp < 0x10000) {
      out.write(0xE0 | (cp >> 12));
      out.write(0x80 | ((cp >> 6) & 0x3F));
    } else {
      out.write(0xF0 | (cp >> 18));
      out.write(0x80 | ((cp >> 12) & 0x3F));
      out.write(0x80 | ((cp >> 6) & 0x3F));
    }
    out.write(0x80 | (cp & 0x3F));
  }

  /** The string of Go bytes {@code b[from:to]}, escaping bytes that are not valid UTF-8. */
  public static String fromBytes(byte[] b, int from, int to) {
    StringBuilder sb = new StringBuilder(to - from);
    int i = from;
    while (i < to) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        sb.append((char) c);
        i++;
        continue;
      }
      int size = validRuneLength(b, i, to);
      if (size == 0) {
        sb.append((char) (ESCAPE_BASE | c));
        i++;
        continue;
      }
      sb.appendCodePoint(decode(b, i, size));
      i += size;
    }
    return sb.toString();
  }

  public static String fromBytes(byte[] b) {
    return fromBytes(b, 0, b.length);
  }

  /** The length of the valid UTF-8 sequence at {@code b[i]}, or 0 if it is not valid. */
  static int validRuneLength(byte[] b, int i, int to) {
    int c = b[i] & 0xFF;
    int size;
    int lo = 0x80;
    int hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      size = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      size = 3;
      if (c == 0xE0) {
        lo = 0xA0;
      } else if (c == 0xED) {
        hi = 0x9F;
      }
    } else if (c >= 0xF0 && c <= 0xF4) {
      size = 4;
      if (c == 0xF0) {
        lo = 0x90;
      } else if (c == 0xF4) {
        hi = 0x8F;
      }
    } else {
      return 0;
    }
    if (i + size > to) {
      return 0;
    }
    int c1 = b[i + 1] & 0xFF;
    if (c1 < lo || c1 > hi) {
      return 0;
    }
    for (int k = 2; k < size; k++) {
      int ck = b[i + k] & 0xFF;
      if (ck < 0x80 || ck > 0xBF) {
        return 0;
      }
    }
    return size;
  }

  private static int decode(byte[] b, int i, int size) {
    int c = b[i] & 0xFF;
    int cp = size == 2 ? c & 0x1F : size == 3 ? c & 0x0F : c & 0x07;
    for (int k = 1; k < size; k++) {
      cp = (cp << 6) | (b[i + k] & 0x3F);
    }
    return cp;
  }

  /** Go's {@code s[from:to]} on byte offsets. */
  public static String byteSlice(String s, int from, int to) {
    if (isAscii(s)) {
      return s.substring(from, to);
    }
    return fromBytes(toBytes(s), from, to);
  }

  /** The number of runes, as Go's {@code utf8.RuneCountInString}. */
  public static int runeCount(CharSequence s) {
    int n = s.length();
    int count = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      }
      count++;
    }
    return count;
  }

  /**
   * The rune at char index {@code i} as Go's range over a string sees it: escapes and broken
   * surrogates read as {@link #RUNE_ERROR}. Use {@link #charCount} to step.
   */
  public static int runeAt(CharSequence s, int i) {
    char c = s.charAt(i);
    if (!Character.isSurrogate(c)) {
      return c;
    }
    if (Character.isHighSurrogate(c)
        && i + 1 < s.length()
        && Character.isLowSurrogate(s.charAt(i + 1))) {
      return Character.toCodePoint(c, s.charAt(i + 1));
    }
    return RUNE_ERROR;
  }

  /** How many chars the rune at {@code i} takes. */
  public static int charCount(CharSequence s, int i) {
    char c = s.charAt(i);
    return Character.isHighSurrogate(c)
            && i + 1 < s.length()
            && Character.isLowSurrogate(s.charAt(i + 1))
        ? 2
        : 1;
  }

  /** The string with escaped bytes shown as U+FFFD, for writing to a text sink. */
  public static String forOutput(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      if (Character.isSurrogate(s.charAt(i))) {
        return replaceBroken(s, i);
      }
    }
    return s;
  }

  private static String replaceBroken(String s, int first) {
    StringBuilder sb = new StringBuilder(s.length());
    sb.append(s, 0, first);
    for (int i = first, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        sb.append(c).append(s.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        sb.append((char) RUNE_ERROR);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}

package dev.tributary.templates.internal.sprig;

import dev.tributary.templates.internal.value.GoStrings;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The {@code Masterminds/goutils} functions sprig calls ({@code Wrap}, {@code Abbreviate}, {@code
 * Initials}, {@code DeleteWhiteSpace}, {@code Uncapitalize}, {@code SwapCase}), ported with their
 * quirks: several work on bytes, so non-ASCII text comes out as Go's does. Stateless.
 */
final class GoUtils {
  private GoUtils() {}

  /** {@code WrapCustom}, on bytes. */
  static String wrap(String str, long wrapLength, String newLineStr, boolean wrapLongWords) {
    if (str.isEmpty()) {
      return "";
    }
    if (newLineStr.isEmpty()) {
      newLineStr = "\n";
    }
    int length = (int) Math.max(1, Math.min(wrapLength, Integer.MAX_VALUE - 2));
    byte[] s = GoStrings.toBytes(str);
    byte[] nl = GoStrings.toBytes(newLineStr);
    int inputLineLength = s.length;
    int offset = 0;
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length + 8);
    while (inputLineLength - offset > length) {
      if (s[offset] == ' ') {
        offset++;
        continue;
      }
      int end = length + offset + 1;
      int spaceToWrapAt = lastIndexOfSpace(s, offset, end) + offset;
      if (spaceToWrapAt >= offset) {
        out.write(s, offset, spaceToWrapAt - offset);
        out.write(nl, 0, nl.length);
        offset = spaceToWrapAt + 1;
      } else if (wrapLongWords) {
        out.write(s, offset, length);
        out.write(nl, 0, nl.length);
        offset += length;
      } else {
        int from = length + offset;
        int index = indexOfSpace(s, from);
        if (index == -1) {
          out.write(s, offset, s.length - offset);
          offset = inputLineLength;
        } else {
          spaceToWrapAt = index + from;
          out.write(s, offset, spaceToWrapAt - offset);
          out.write(nl, 0, nl.length);
          offset = spaceToWrapAt + 1;
        }
      }
    }
    out.write(s, offset, s.length - offset);
    return GoStrings.fromBytes(out.toByteArray());
  }

  private static int lastIndexOfSpace(byte[] s, int from, int to) {
    for (int i = Math.min(to, s.length) - 1; i >= from; i--) {
      if (s[i] == ' ') {
        return i - from;
      }
    }
    return -1;
  }

  private static int indexOfSpace(byte[] s, int from) {
    for (int i = from; i < s.length; i++) {
      if (s[i] == ' ') {
        return i - from;
      }
    }
    return -1;
  }

  /** {@code AbbreviateFull}, on bytes; errors give "", as sprig ignores them. */
  static String abbreviate(String str, long offset, long maxWidth) {
    if (str.isEmpty()) {
      return "";
    }
    if (maxWidth < 4) {
      return "";
    }
    byte[] s = GoStrings.toBytes(str);
    int len = s.length;
    if (len <= maxWidth) {
      return str;
    }
    if (offset > len) {
      offset = len;
    }
    if (len - offset < maxWidth - 3) {
      offset = len - (maxWidth - 3);
    }
    if (offset <= 4) {
      return GoStrings.fromBytes(s, 0, (int) maxWidth - 3) + "...";
    }
    if (maxWidth < 7) {
      return "";
    }
    if (offset + maxWidth - 3 < len) {
      String rest = GoStrings.fromBytes(s, (int) offset, len);
      return "..." + abbreviate(rest, 0, maxWidth - 3);
    }
    return "..." + GoStrings.fromBytes(s, (int) (len - (maxWidth - 3)), len);
  }

  /** {@code Initials}: byte by byte, each initial byte written as the rune of that value. */
  static String initials(String str) {
    byte[] s = GoStrings.toBytes(str);
    StringBuilder sb = new StringBuilder();
    boolean lastWasGap = true;
    for (byte b : s) {
      int ch = b & 0xFF;
      if (GoStringsLib.isSpace(ch)) {
        lastWasGap = true;
      } else if (lastWasGap) {
        sb.appendCodePoint(ch);
        lastWasGap = false;
      }
    }
    return sb.toString();
  }

  /** {@code DeleteWhiteSpace}: byte by byte, as goutils does. */
  static String deleteWhiteSpace(String str) {
    if (str.isEmpty()) {
      return str;
    }
    byte[] s = GoStrings.toBytes(str);
    StringBuilder sb = new StringBuilder(s.length);
    int count = 0;
    for (byte b : s) {
      int ch = b & 0xFF;
      if (!GoStringsLib.isSpace(ch)) {
        sb.appendCodePoint(ch);
        count++;
      }
    }
    return count == s.length ? str : sb.toString();
  }

  /** {@code Uncapitalize}: lower-cases the first letter after each space. */
  static String uncapitalize(String str) {
    if (str.isEmpty()) {
      return str;
    }
    StringBuilder sb = new StringBuilder(str.length());
    boolean next = true;
    for (int i = 0; i < str.length(); i += GoStrings.charCount(str, i)) {
      int ch = GoStrings.runeAt(str, i);
      if (GoStringsLib.isSpace(ch)) {
        next = true;
        sb.appendCodePoint(ch);
      } else if (next) {
        sb.appendCodePoint(Character.toLowerCase(ch));
        next = false;
      } else {
        sb.appendCodePoint(ch);
      }
    }
    return sb.toString();
  }

  /** {@code SwapCase}: upper to lower, lower to upper, title case after a space. */
  static String swapCase(String str) {
    if (str.isEmpty()) {
      return str;
    }
    StringBuilder sb = new StringBuilder(str.length());
    boolean whitespace = true;
    for (int i = 0; i < str.length(); i += GoStrings.charCount(str, i)) {
      int ch = GoStrings.runeAt(str, i);
      if (GoStringsLib.isUpper(ch) || GoStringsLib.isTitle(ch)) {
        sb.appendCodePoint(Character.toLowerCase(ch));
        whitespace = false;
      } else if (GoStringsLib.isLower(ch)) {
        sb.appendCodePoint(whitespace ? Character.toTitleCase(ch) : Character.toUpperCase(ch));
        whitespace = false;
      } else {
        sb.appendCodePoint(ch);
        whitespace = GoStringsLib.isSpace(ch);
      }
    }
    return sb.toString();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

package dev.tributary.connectors.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The start of a response body for an error message: only for text (JSON, XML, plain text, forms,
 * or no content type), secrets redacted first, whitespace collapsed, control characters escaped,
 * and cut at a number of code points.
 */
final class Excerpts {
  private Excerpts() {}

  static String of(byte[] body, @Nullable String contentType, int length, Redactor redactor) {
    if (length <= 0 || body.length == 0 || !textual(contentType)) {
      return "";
    }
    // decode a little more than needed so that a secret across the cut is still redacted whole
    byte[] head = Arrays.copyOf(body, Math.min(body.length, length * 4 + 1024));
    String text = redactor.redact(new String(head, StandardCharsets.UTF_8)).strip();
    StringBuilder out = new StringBuilder();
    int shown = 0;
    boolean space = false;
    int i = 0;
    while (i < text.length() && shown < length) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp)) {
        space = true;
        continue;
      }
      if (space) {
        out.append(' ');
        shown++;
        space = false;
      }
      if (Character.isISOControl(cp)) {
        out.append(String.format("\\u%04x", cp));
      } else {
        out.appendCodePoint(cp);
      }
      shown++;
    }
    if (i < text.length() || head.length < body.length) {
      out.append('…');
    }
    return out.toString();
  }

  private static boolean textual(@Nullable String contentType) {
    if (contentType == null) {
      return true;
    }
    return contentType.startsWith("text/")
        || contentType.contains("json")
        || contentType.contains("xml")
        || contentType.startsWith("application/x-www-form-urlencoded");
  }
}

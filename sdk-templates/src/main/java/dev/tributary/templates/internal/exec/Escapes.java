package dev.tributary.templates.internal.exec;

import dev.tributary.templates.internal.fmt.GoFmt;
import dev.tributary.templates.internal.fmt.Strconv;
import dev.tributary.templates.internal.value.GoStrings;
import java.util.Arrays;

/** Go's {@code html}, {@code js} and {@code urlquery} builtins. Stateless. */
public final class Escapes {
  private static final String UPPER_HEX = "0123456789ABCDEF";

  private Escapes() {}

  /** Go's {@code evalArgs}: one string as is, anything else through {@code fmt.Sprint}. */
  static String evalArgs(Object[] args) {
    if (args.length == 1 && args[0] instanceof String s) {
      return s;
    }
    Object[] printable = args.clone();
    for (int i = 0; i < printable.length; i++) {
      if (printable[i] == null) {
        printable[i] = "<no value>";
      }
    }
    return GoFmt.sprint(Arrays.asList(printable));
  }

  static String html(Object[] args) {
    return htmlEscape(evalArgs(args));
  }

  /** Go's {@code HTMLEscapeString}. */
  public static String htmlEscape(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String rep;
      switch (c) {
        case 0 -> rep = "\uFFFD";
        case '"' -> rep = "&#34;";
        case '\'' -> rep = "&#39;";
        case '&' -> rep = "&amp;";
        case '<' -> rep = "&lt;";
        case '>' -> rep = "&gt;";
        default -> {
          if (sb != null) {
            sb.append(c);
          }
          continue;
        }
      }
      if (sb == null) {
        sb = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      sb.append(rep);
    }
    return sb == null ? s : sb.toString();
  }

  static String js(Object[] args) {
    return jsEscape(evalArgs(args));
  }

  /** Go's {@code JSEscapeString}. */
  public static String jsEscape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); ) {
      char c = s.charAt(i);
      if (c < 0x80) {
        appendJsAscii(sb, c);
        i++;
        continue;
      }
      if (GoStrings.isEscape(s, i)) {
        sb.append(c); // an invalid byte decodes as U+FFFD, which is printable: kept as is
        i++;
        continue;
      }
      int r = GoStrings.runeAt(s, i);
      int n = GoStrings.charCount(s, i);
      if (Strconv.isPrint(r)) {
        sb.append(s, i, i + n);
      } else {
        String hex = Integer.toHexString(r).toUpperCase(java.util.Locale.ROOT);
        sb.append("\\u");
        for (int k = hex.length(); k < 4; k++) {
          sb.append('0');
        }
        sb.append(hex);
      }
      i += n;
    }
    return sb.toString();
  }

  private static void appendJsAscii(StringBuilder sb, char c) {
    switch (c) {
      case '\\' -> {
        sb.append("\\\\");
        return;
      }
      case '\'' -> {
        sb.append("\\'");
        return;
      }
      case '"' -> {
        sb.append("\\\"");
        return;
      }
      case '<' -> {
        sb.append("\\u003C");
        return;
      }
      case '>' -> {
        sb.append("\\u003E");
        return;
      }
      case '&' -> {
        sb.append("\\u0026");
        return;
      }
      case '=' -> {
        sb.append("\\u003D");
        return;
      }
      default -> {
        if (c < ' ') {
          sb.append("\\u00").append(UPPER_HEX.charAt(c >> 4)).append(UPPER_HEX.charAt(c & 0xF));
        } else {
          sb.append(c);
        }
      }
    }
  }

  static String urlQuery(Object[] args) {
    return queryEscape(evalArgs(args));
  }

  /** Go's {@code url.QueryEscape}. */
  public static String queryEscape(String s) {
    byte[] bytes = GoStrings.toBytes(s);
    StringBuilder sb = new StringBuilder(bytes.length + 8);
    for (byte b : bytes) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        sb.append((char) c);
      } else if (c == ' ') {
        sb.append('+');
      } else {
        sb.append('%').append(UPPER_HEX.charAt(c >> 4)).append(UPPER_HEX.charAt(c & 0xF));
      }
    }
    return sb.toString();
  }
}

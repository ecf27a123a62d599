package dev.tributary.templates.internal.sprig;

import dev.tributary.templates.internal.fmt.Strconv;
import dev.tributary.templates.internal.func.FuncException;
import dev.tributary.templates.internal.value.GoStrings;
import java.io.ByteArrayOutputStream;

/**
 * The parts of Go's {@code net/url} that sprig's {@code urlParse} and {@code urlJoin} use: parsing
 * a URL into scheme, user info, host, path (unescaped), raw query and fragment, and writing one
 * back with Go's escaping. IPv6 zones and Go's RawPath bookkeeping are not modelled. Stateless.
 */
final class GoUrl {
  private static final String UPPER_HEX = "0123456789ABCDEF";
  static final int PATH = 0;
  static final int HOST = 1;
  static final int USER = 2;
  static final int FRAGMENT = 3;

  String scheme = "";
  String opaque = "";
  String user;
  String host = "";
  String path = "";
  String rawQuery = "";
  String fragment = "";

  /** Go's {@code url.Parse}; the exception's message is Go's error text. */
  static GoUrl parse(String raw) throws FuncException {
    String rest = raw;
    GoUrl u = new GoUrl();
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      u.fragment = unescape(raw, rest.substring(hash + 1), FRAGMENT);
      rest = rest.substring(0, hash);
    }
    for (int i = 0; i < rest.length(); i++) {
      if (rest.charAt(i) < 0x20 || rest.charAt(i) == 0x7F) {
        throw error(raw, "net/url: invalid control character in URL");
      }
    }
    if (rest.isEmpty()) {
      return u;
    }
    int colon = schemeEnd(rest);
    if (colon < 0) {
      throw error(raw, "missing protocol scheme");
    }
    if (colon > 0) {
      u.scheme = rest.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
      rest = rest.substring(colon + 1);
    }
    int q = rest.indexOf('?');
    if (q >= 0) {
      u.rawQuery = rest.substring(q + 1);
      rest = rest.substring(0, q);
    }
    if (!rest.startsWith("/")) {
      if (!u.scheme.isEmpty()) {
        u.opaque = rest;
        return u;
      }
      int slash = rest.indexOf('/');
      String segment = slash < 0 ? rest : rest.substring(0, slash);
      if (segment.indexOf(':') >= 0) {
        throw error(raw, "first path segment in URL cannot contain colon");
      }
    }
    if ((!u.scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
      int end = rest.indexOf('/', 2);
      String authority = end < 0 ? rest.substring(2) : rest.substring(2, end);
      rest = end < 0 ? "" : rest.substring(end);
      int at = authority.lastIndexOf('@');
      if (at >= 0) {
        u.user = authority.substring(0, at);
        authority = authority.substring(at + 1);
      }
      u.host = unescape(raw, authority, HOST);
    }
    u.path = unescape(raw, rest, PATH);
    return u;
  }

  /** The offset of the scheme's colon, 0 for none, -1 for "missing protocol scheme". */
  private static int schemeEnd(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        continue;
      }
      if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
        if (i == 0) {
          return 0;
        }
        continue;
      }
      if (c == ':') {
        return i == 0 ? -1 : i;
      }
      return 0;
    }
    return 0;
  }

  private static FuncException error(String raw, String message) {
    return new FuncException("unable to parse url: parse " + Strconv.quote(raw) + ": " + message);
  }

  private static String unescape(String raw, String s, int mode) throws FuncException {
    if (s.indexOf('%') < 0) {
      return s;
    }
    byte[] b = GoStrings.toBytes(s);
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
    for (int i = 0; i < b.length; i++) {
      if (b[i] != '%') {
        out.write(b[i]);
        continue;
      }
      if (i + 2 >= b.length || hex(b[i + 1]) < 0 || hex(b[i + 2]) < 0) {
        String bad = GoStrings.fromBytes(b, i, Math.min(b.length, i + 3));
        throw error(raw, "invalid URL escape " + Strconv.quote(bad));
      }
      if (mode == HOST && hex(b[i + 1]) < 8 && !(b[i + 1] == '2' && b[i + 2] == '5')) {
        throw error(raw, "invalid URL escape " + Strconv.quote(GoStrings.fromBytes(b, i, i + 3)));
      }
      out.write(hex(b[i + 1]) << 4 | hex(b[i + 2]));
      i += 2;
    }
    return GoStrings.fromBytes(out.toByteArray());
  }

  private static int hex(byte c) {
    return c >= '0' && c <= '9'
        ? c - '0'
        : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  /** The host without a port, and without IPv6 brackets: Go's {@code URL.Hostname}. */
  String hostname() {
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end < 0 ? host.substring(1) : host.substring(1, end);
    }
    int colon = host.lastIndexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }

  /** Go's {@code URL.String}. */
  @Override
  public String toString() {
    StringBuilder buf = new StringBuilder();
    if (!scheme.isEmpty()) {
      buf.append(scheme).append(':');
    }
    if (!opaque.isEmpty()) {
      buf.append(opaque);
    } else {
      if (!scheme.isEmpty() || !host.isEmpty() || user != null) {
        if (!host.isEmpty() || !path.isEmpty() || user != null) {
          buf.append("//");
        }
        if (user != null) {
          buf.append(user).append('@');
        }
        buf.append(escape(host, HOST));
      }
      String p = escape(path, PATH);
      if (!p.isEmpty() && p.charAt(0) != '/' && !host.isEmpty()) {
        buf.append('/');
      }
      if (buf.length() == 0) {
        int slash = p.indexOf('/');
        if ((slash < 0 ? p : p.substring(0, slash)).indexOf(':') >= 0) {
          buf.append("./");
        }
      }
      buf.append(p);
    }
    if (!rawQuery.isEmpty()) {
      buf.append('?').append(rawQuery);
    }
    if (!fragment.isEmpty()) {
      buf.append('#').append(escape(fragment, FRAGMENT));
    }
    return buf.toString();
  }

  static String escape(String s, int mode) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (byte b : GoStrings.toBytes(s)) {
      int c = b & 0xFF;
      if (shouldEscape(c, mode)) {
        sb.append('%').append(UPPER_HEX.charAt(c >> 4)).append(UPPER_HEX.charAt(c & 15));
      } else {
        sb.append((char) c);
      }
    }
    return sb.toString();
  }

  private static boolean shouldEscape(int c, int mode) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      return false;
    }
    if (mode == HOST && "!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) {
      return false;
    }
    if ("-_.~".indexOf(c) >= 0) {
      return false;
    }
    if ("$&+,/:;=?@".indexOf(c) >= 0) {
      return switch (mode) {
        case PATH -> c == '?';
        case USER -> c == '@' || c == '/' || c == '?' || c == ':';
        case FRAGMENT -> false;
        default -> true;
      };
    }
    return !(mode == FRAGMENT && "!()*".indexOf(c) >= 0);
  }
}

package dev.tributary.connectors.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Reads RFC 8288 {@code Link} headers: {@code <https://api.example.com/items?page=2>; rel="next",
 * <...>; rel="last"}. Several links may share a header and several headers may be present; {@code
 * rel} may list several relations separated by spaces and is compared case-insensitively; parameter
 * values may be tokens or quoted strings (with escapes, and commas or semicolons inside). Malformed
 * links are skipped, never guessed at.
 */
final class LinkHeader {
  private LinkHeader() {}

  /** One link: its target as written, and its relation types (lower case). */
  record Link(String target, List<String> rels) {}

  static Optional<URI> find(List<String> headerValues, String rel, URI base) {
    String wanted = rel.toLowerCase(Locale.ROOT);
    for (String value : headerValues) {
      for (Link link : parse(value)) {
        if (link.rels().contains(wanted)) {
          // HttpUrl resolves by RFC 3986 (java.net.URI mishandles a query-only reference)
          HttpUrl resolved = HttpUrl.get(base.toString()).resolve(link.target());
          return resolved == null || link.target().contains(" ")
              ? Optional.empty()
              : Optional.of(resolved.uri());
        }
      }
    }
    return Optional.empty();
  }

  static List<Link> parse(String value) {
    List<Link> links = new ArrayList<>();
    int i = 0;
    int n = value.length();
    while (i < n) {
      int open = value.indexOf('<', i);
      if (open < 0) {
        break;
      }
      int close = value.indexOf('>', open);
      if (close < 0) {
        break;
      }
      String target = value.substring(open + 1, close).trim();
      List<String> rels = new ArrayList<>();
      i = params(value, close + 1, rels);
      links.add(new Link(target, List.copyOf(rels)));
    }
    return links;
  }

  /**
   * Reads {@code ; name=value} parameters up to the comma that ends the link; returns the index.
   */
  private static int params(String s, int from, List<String> rels) {
    int i = from;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == ',') {
        return i + 1;
      }
      if (c != ';') {
        i++;
        continue;
      }
      int nameStart = ++i;
      while (i < n && "=;,".indexOf(s.charAt(i)) < 0) {
        i++;
      }
      String name = s.substring(nameStart, i).trim().toLowerCase(Locale.ROOT);
      String val = "";
      if (i < n && s.charAt(i) == '=') {
        StringBuilder v = new StringBuilder();
        i = value(s, i + 1, v);
        val = v.toString();
      }
      if (name.equals("rel") && rels.isEmpty()) { // only the first rel counts (RFC 8288 §3.3)
        for (String r : val.trim().split("\\s+")) {
          if (!r.isEmpty()) {
            rels.add(r.toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    return n;
  }

  private static int value(String s, int from, StringBuilder out) {
    int i = from;
    int n = s.length();
    while (i < n && s.charAt(i) == ' ') {
      i++;
    }
    if (i < n && s.charAt(i) == '"') {
      i++;
      while (i < n && s.charAt(i) != '"') {
        if (s.charAt(i) == '\\' && i + 1 < n) {
          i++;
        }
        out.append(s.charAt(i++));
      }
      return Math.min(n, i + 1);
    }
    while (i < n && ";,".indexOf(s.charAt(i)) < 0) {
      out.append(s.charAt(i++));
    }
    return i;
  }
}

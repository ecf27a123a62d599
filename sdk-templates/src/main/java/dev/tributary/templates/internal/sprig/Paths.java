package dev.tributary.templates.internal.sprig;

/** Go's {@code path} package: {@code Base}, {@code Dir}, {@code Clean}, {@code Ext}. Stateless. */
final class Paths {
  private Paths() {}

  static String base(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    while (path.length() > 0 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    int i = path.lastIndexOf('/');
    if (i >= 0) {
      path = path.substring(i + 1);
    }
    return path.isEmpty() ? "/" : path;
  }

  static String dir(String path) {
    int i = path.lastIndexOf('/');
    return clean(path.substring(0, i + 1));
  }

  static String ext(String path) {
    for (int i = path.length() - 1; i >= 0 && path.charAt(i) != '/'; i--) {
      if (path.charAt(i) == '.') {
        return path.substring(i);
      }
    }
    return "";
  }

  /** Go's {@code path.Clean}: shortest equivalent path by lexical processing. */
  static String clean(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    boolean rooted = path.charAt(0) == '/';
    int n = path.length();
    StringBuilder out = new StringBuilder(n);
    int r = 0;
    int dotdot = 0;
    if (rooted) {
      out.append('/');
      r = 1;
      dotdot = 1;
    }
    while (r < n) {
      if (path.charAt(r) == '/') {
        r++;
      } else if (path.charAt(r) == '.' && (r + 1 == n || path.charAt(r + 1) == '/')) {
        r++;
      } else if (path.charAt(r) == '.'
          && path.charAt(r + 1) == '.'
          && (r + 2 == n || path.charAt(r + 2) == '/')) {
        r += 2;
        if (out.length() > dotdot) {
          int w = out.length() - 1;
          while (w > dotdot && out.charAt(w) != '/') {
            w--;
          }
          out.setLength(w);
        } else if (!rooted) {
          if (out.length() > 0) {
            out.append('/');
          }
          out.append("..");
          dotdot = out.length();
        }
      } else {
        if ((rooted && out.length() != 1) || (!rooted && out.length() != 0)) {
          out.append('/');
        }
        while (r < n && path.charAt(r) != '/') {
          out.append(path.charAt(r++));
        }
      }
    }
    return out.length() == 0 ? "." : out.toString();
  }
}

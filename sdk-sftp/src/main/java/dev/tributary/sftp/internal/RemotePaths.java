package dev.tributary.sftp.internal;

import dev.tributary.sftp.UnsafeRemotePathException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Confines remote paths to the base directory. A path from the caller is relative, with {@code /}
 * separators; it may not be absolute, contain a {@code ..} segment, a backslash (a separator on
 * Windows servers), NUL or another control character. {@code .} and empty segments are dropped.
 * Symbolic links on the server are the server's business: this checks names, not the file system.
 */
public final class RemotePaths {
  private final String base;

  /**
   * @param base the configured base directory (trusted: it comes from configuration, not data);
   *     empty for the login directory
   */
  public RemotePaths(String base) {
    Objects.requireNonNull(base, "base");
    String b = base.strip();
    while (b.length() > 1 && b.endsWith("/")) {
      b = b.substring(0, b.length() - 1);
    }
    this.base = b;
  }

  /** The checked relative path, normalized: no {@code .} or empty segments; "" for the base. */
  public static String normalize(String path) {
    Objects.requireNonNull(path, "path");
    if (path.startsWith("/")) {
      throw new UnsafeRemotePathException(
          path, "absolute paths are not allowed; give a path" + " relative to the base directory");
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == 0) {
        throw new UnsafeRemotePathException(path, "it contains a NUL character");
      }
      if (c < 0x20 || c == 0x7f) {
        throw new UnsafeRemotePathException(path, "it contains a control character");
      }
      if (c == '\\') {
        throw new UnsafeRemotePathException(path, "it contains a backslash");
      }
    }
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/", -1)) {
      if (segment.equals("..")) {
        throw new UnsafeRemotePathException(path, "'..' would leave the base directory");
      }
      if (!segment.isEmpty() && !segment.equals(".")) {
        segments.add(segment);
      }
    }
    return String.join("/", segments);
  }

  /** The path to send to the server for a caller's relative path. */
  public String resolve(String path) {
    String relative = normalize(path);
    if (relative.isEmpty()) {
      return base.isEmpty() ? "." : base;
    }
    if (base.isEmpty()) {
      return relative;
    }
    return base.equals("/") ? "/" + relative : base + "/" + relative;
  }

  /** The parent of a normalized relative path, "" at the top. */
  static String parent(String relative) {
    int slash = relative.lastIndexOf('/');
    return slash < 0 ? "" : relative.substring(0, slash);
  }

  /** The last segment of a normalized relative path. */
  static String name(String relative) {
    return relative.substring(relative.lastIndexOf('/') + 1);
  }

  /** Joins a normalized directory and a name. */
  static String join(String directory, String name) {
    if (name.isEmpty()) {
      return directory;
    }
    return directory.isEmpty() ? name : directory + "/" + name;
  }
}

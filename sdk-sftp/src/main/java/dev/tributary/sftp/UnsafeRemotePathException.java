package dev.tributary.sftp;

import dev.tributary.core.ValidationException;

/**
 * A remote path would leave the client's base directory, or holds characters no file name should:
 * {@code ..} segments, an absolute path, a backslash, NUL or another control character. Remote
 * names are often built from data (a customer id, a date, a list name), so this is a {@link
 * dev.tributary.core.ErrorClass#VALIDATION} error of that record; nothing was sent to the server.
 */
public final class UnsafeRemotePathException extends ValidationException {
  private static final long serialVersionUID = 1L;

  private final String path;

  public UnsafeRemotePathException(String path, String problem) {
    super("unsafe remote path " + quote(path) + ": " + problem, "path", -1, null);
    this.path = path;
  }

  /** The path as given. */
  public String path() {
    return path;
  }

  /** Quotes the path with control characters made visible, so the message stays one line. */
  private static String quote(String path) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : path.toCharArray()) {
      if (c < 0x20 || c == 0x7f) {
        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}

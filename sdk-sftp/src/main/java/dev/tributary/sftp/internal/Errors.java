package dev.tributary.sftp.internal;

import dev.tributary.core.ConfigException;
import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import dev.tributary.sftp.RemoteFileException;
import dev.tributary.sftp.RemoteFileException.Reason;
import java.io.IOException;
import net.schmizz.sshj.sftp.Response.StatusCode;
import net.schmizz.sshj.sftp.SFTPException;
import org.jspecify.annotations.Nullable;

/** Turns sshj's exceptions into the SDK's classified ones. */
final class Errors {
  private Errors() {}

  /**
   * Whether the server answered with a status (the connection is fine), as opposed to the
   * connection failing or timing out.
   */
  static boolean isServerAnswer(IOException e) {
    return e instanceof SFTPException s
        && s.getStatusCode() != StatusCode.UNKNOWN
        && s.getStatusCode() != StatusCode.NO_CONNECTION
        && s.getStatusCode() != StatusCode.CONNECITON_LOST;
  }

  /** The status code of a server answer, or null. */
  static @Nullable StatusCode status(IOException e) {
    return e instanceof SFTPException s ? s.getStatusCode() : null;
  }

  /** The exception for a server's refusal to {@code action} on {@code path}. */
  static TributaryException refused(String action, String path, IOException e) {
    StatusCode code = status(e);
    String what = "cannot " + action + " '" + path + "'";
    if (code == null) {
      return new TransientException(what + ": " + e.getMessage(), e);
    }
    switch (code) {
      case NO_SUCH_FILE:
      case NO_SUCH_PATH:
        return new RemoteFileException(
            path, Reason.NOT_FOUND, what + ": no such file or" + " directory", e);
      case PERMISSION_DENIED:
      case WRITE_PROTECT:
        return new RemoteFileException(
            path,
            Reason.PERMISSION_DENIED,
            what + ": permission" + " denied; check the account's rights on the server",
            e);
      case FILE_ALREADY_EXISTS:
        return new RemoteFileException(path, Reason.EXISTS, what + ": it already exists", e);
      case OP_UNSUPPORTED:
        return new RemoteFileException(
            path,
            Reason.UNSUPPORTED,
            what + ": the server does not" + " support this operation",
            e);
      case FILE_IS_A_DIRECTORY:
      case NOT_A_DIRECTORY:
        return new RemoteFileException(path, Reason.NOT_A_FILE, what + ": " + code, e);
      case NO_SPACE_ON_FILESYSTEM:
      case QUOTA_EXCEEDED:
        return new ConfigException(null, what + ": the server is out of space (" + code + ")", e);
      default:
        return new TransientException(
            what + ": the server answered " + code + " (" + e.getMessage() + ")", e);
    }
  }

  /** The exception for a connection that broke while doing {@code action}. */
  static TransientException connectionLost(String target, String action, Throwable e) {
    return new TransientException(
        "lost the SFTP connection to "
            + target
            + " while trying to "
            + action
            + ": "
            + e.getMessage(),
        e);
  }
}

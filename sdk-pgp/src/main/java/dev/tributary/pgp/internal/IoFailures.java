package dev.tributary.pgp.internal;

import dev.tributary.core.TransientException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** The public API's failures of reading and writing, in words that say what happened. */
public final class IoFailures {
  private IoFailures() {}

  /**
   * The failure of a call, told as an interrupt ({@code interrupted}) when this thread's interrupt
   * flag is set (a host stopping its job: the helper threads' waits end with it, in words that
   * would mislead), else as {@code what} and what {@code e} says. The file-system exceptions'
   * messages are only the path ("msg/nope.pgp"), so those say what befell the path.
   */
  public static TransientException failed(String what, String interrupted, IOException e) {
    if (Thread.currentThread().isInterrupted()) {
      return new TransientException(interrupted, e);
    }
    String detail;
    if (e instanceof NoSuchFileException f) {
      detail = "no such file or folder: " + f.getFile();
    } else if (e instanceof AccessDeniedException f) {
      detail = "permission denied: " + f.getFile();
    } else {
      detail = e.getMessage();
    }
    return new TransientException(what + detail, e);
  }

  /**
   * What befell the file in {@code e}, without its path: "no such file or folder", "permission
   * denied", or the system's words ("No space left on device").
   */
  public static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    } else if (e instanceof AccessDeniedException) {
      return "permission denied";
    } else if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return String.valueOf(e.getMessage());
  }
}

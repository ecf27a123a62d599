package dev.tributary.core;

import org.jspecify.annotations.Nullable;

/** A bug in a connector or in the SDK ({@link ErrorClass#SYSTEM}): the job stops. */
public class SystemException extends TributaryException {
  private static final long serialVersionUID = 1L;

  public SystemException(String message) {
    this(message, null);
  }

  public SystemException(String message, @Nullable Throwable cause) {
    super(ErrorClass.SYSTEM, message, cause);
  }
}

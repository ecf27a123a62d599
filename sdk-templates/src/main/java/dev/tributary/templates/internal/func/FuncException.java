package dev.tributary.templates.internal.func;

/**
 * A function's error result (or recovered panic), which execution reports as {@code error calling
 * NAME: MESSAGE}. Carries no stack trace: it is a value, not a bug.
 */
public final class FuncException extends Exception {
  private static final long serialVersionUID = 1L;

  public FuncException(String message) {
    super(message, null, false, false);
  }
}

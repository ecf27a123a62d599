package dev.tributary.templates.internal.func;

import org.jspecify.annotations.Nullable;

/**
 * A function's error result (or recovered panic), which execution reports as {@code error calling
 * NAME: MESSAGE}. Carries no stack trace: it is a value, not a bug.
 */
public final class FuncException extends Exception {
  private static final long serialVersionUID = 1L;

  private final @Nullable String limit;

  public FuncException(String message) {
    this(message, null);
  }

  /**
   * A function stopped by a sandbox limit; {@code limit} names the {@code TemplateLimits} setting,
   * so that the caller gets a {@code TemplateLimitException}.
   */
  public FuncException(String message, @Nullable String limit) {
    super(message, null, false, false);
    this.limit = limit;
  }

  /** The {@code TemplateLimits} setting that stopped the function, if one did. */
  public @Nullable String limit() {
    return limit;
  }
}

package dev.tributary.templates.internal.exec;

import org.jspecify.annotations.Nullable;

/**
 * An execution failure with Go's exact message: {@code template: NAME:LINE:COL: executing "NAME" at
 * <NODE>: MSG}. {@link #limit()} names the limit a runaway template hit, if that is what stopped
 * it. The public API wraps it in {@code TemplateExecutionException}.
 */
public final class ExecError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String templateName;
  private final @Nullable String location;
  private final @Nullable String context;
  private final String detail;
  private final @Nullable String limit;

  ExecError(
      String message,
      String templateName,
      @Nullable String location,
      @Nullable String context,
      String detail,
      @Nullable String limit) {
    super(message, null, false, false);
    this.templateName = templateName;
    this.location = location;
    this.context = context;
    this.detail = detail;
    this.limit = limit;
  }

  public String templateName() {
    return templateName;
  }

  /** {@code NAME:LINE:COL}, or null when the error is not at a node. */
  public @Nullable String location() {
    return location;
  }

  /** The node's source text, as Go quotes it in {@code at <…>}. */
  public @Nullable String context() {
    return context;
  }

  /** The message after the location and context. */
  public String detail() {
    return detail;
  }

  /** The limit that stopped the template ({@code maxOutputChars} …), or null. */
  public @Nullable String limit() {
    return limit;
  }
}

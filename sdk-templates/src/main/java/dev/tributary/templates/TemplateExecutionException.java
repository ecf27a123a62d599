package dev.tributary.templates;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A template failed while rendering. The message is Go's: {@code template: NAME:LINE:COL: executing
 * "NAME" at <NODE>: MSG}, for instance {@code template: alert:1:2: executing "alert" at <eq .age
 * 30>: error calling eq: incompatible types for comparison}. Output written before the failure
 * stays written; render to a buffer to discard it.
 */
public class TemplateExecutionException extends TemplateException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String location;
  private final @Nullable String context;
  private final String detail;

  TemplateExecutionException(
      String templateName,
      @Nullable String location,
      @Nullable String context,
      String detail,
      String goMessage,
      @Nullable String hint) {
    super(templateName, goMessage, hint, null);
    this.location = location;
    this.context = context;
    this.detail = detail;
  }

  /** {@code NAME:LINE:COLUMN} of the failing node (the column counted in UTF-8 bytes, as Go). */
  public Optional<String> location() {
    return Optional.ofNullable(location);
  }

  /** The failing node's source text, such as {@code eq .age 30}. */
  public Optional<String> context() {
    return Optional.ofNullable(context);
  }

  /** What went wrong, after Go's location and context. */
  public String detail() {
    return detail;
  }
}

package dev.tributary.templates;

import org.jspecify.annotations.Nullable;

/**
 * A template hit one of the {@link TemplateLimits} — too much output, too many loop iterations,
 * templates nested too deeply, too much regular-expression work — and was stopped. {@link #limit()}
 * names the setting to raise if the template is legitimate.
 */
public final class TemplateLimitException extends TemplateExecutionException {
  private static final long serialVersionUID = 1L;

  private final String limit;

  TemplateLimitException(
      String templateName,
      @Nullable String location,
      @Nullable String context,
      String detail,
      String goMessage,
      String limit) {
    super(templateName, location, context, detail, goMessage, null);
    this.limit = limit;
  }

  /**
   * The {@link TemplateLimits} setting that stopped the template, such as {@code maxOutputChars}.
   */
  public String limit() {
    return limit;
  }
}

package dev.tributary.templates;

import org.jspecify.annotations.Nullable;

/**
 * A template's text is not valid template syntax. The message is Go's: {@code template: NAME:LINE:
 * MSG}, for instance {@code template: alert:1: unexpected "}" in operand}.
 */
public final class TemplateParseException extends TemplateException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final String detail;

  TemplateParseException(
      String templateName, int line, String detail, String goMessage, @Nullable String hint) {
    super(templateName, goMessage, hint, null);
    this.line = line;
    this.detail = detail;
  }

  /** The 1-based line Go reports. */
  public int line() {
    return line;
  }

  /** What was wrong, without the {@code template: NAME:LINE: } prefix. */
  public String detail() {
    return detail;
  }
}

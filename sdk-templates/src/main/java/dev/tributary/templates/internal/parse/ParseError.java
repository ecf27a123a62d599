package dev.tributary.templates.internal.parse;

/**
 * A parse failure with Go's exact message: {@code template: NAME:LINE: MSG}. The public API wraps
 * it in {@code TemplateParseException}.
 */
public final class ParseError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String templateName;
  private final int line;
  private final String detail;

  ParseError(String templateName, int line, String detail) {
    super("template: " + templateName + ":" + line + ": " + detail, null, false, false);
    this.templateName = templateName;
    this.line = line;
    this.detail = detail;
  }

  public String templateName() {
    return templateName;
  }

  public int line() {
    return line;
  }

  /** The message after {@code template: NAME:LINE: }. */
  public String detail() {
    return detail;
  }
}

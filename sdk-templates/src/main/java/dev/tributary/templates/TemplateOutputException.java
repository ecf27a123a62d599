package dev.tributary.templates;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writing a template's output to the caller's {@link Appendable} failed. The cause is the {@link
 * IOException} the Appendable threw.
 */
public final class TemplateOutputException extends TemplateException {
  private static final long serialVersionUID = 1L;

  TemplateOutputException(String templateName, IOException cause) {
    super(templateName, "template: " + templateName + ": write failed: " + cause, null, cause);
  }

  @Override
  public synchronized IOException getCause() {
    return (IOException) super.getCause();
  }

  /** The failure as an {@link UncheckedIOException}, for callers that handle those. */
  public UncheckedIOException asUncheckedIoException() {
    return new UncheckedIOException(getMessage(), getCause());
  }
}

package dev.tributary.templates;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The root of the unchecked exceptions this module throws. {@link #goMessage()} is the message Go's
 * {@code text/template} gives for the same template and data, byte for byte; {@link #getMessage()}
 * adds a {@linkplain #hint() hint} for common mistakes, such as typographic quotes pasted from a
 * document.
 */
public abstract class TemplateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String templateName;
  private final String goMessage;
  private final @Nullable String hint;

  TemplateException(
      String templateName, String goMessage, @Nullable String hint, @Nullable Throwable cause) {
    super(goMessage + (hint == null ? "" : " (hint: " + hint + ")"), cause);
    this.templateName = Objects.requireNonNull(templateName, "templateName");
    this.goMessage = Objects.requireNonNull(goMessage, "goMessage");
    this.hint = hint;
  }

  /** The template that failed: the one being parsed or executed when the error happened. */
  public String templateName() {
    return templateName;
  }

  /** Go's own error text, without the hint. */
  public String goMessage() {
    return goMessage;
  }

  /** Advice for a common mistake behind this error, when there is some. */
  public Optional<String> hint() {
    return Optional.ofNullable(hint);
  }
}

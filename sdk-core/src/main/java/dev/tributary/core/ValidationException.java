package dev.tributary.core;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One record is bad ({@link ErrorClass#VALIDATION}): it is rejected and reported in the per-item
 * results, and the rest of the batch or file goes on.
 */
public class ValidationException extends TributaryException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String field;
  private final long line;

  public ValidationException(String message) {
    this(message, null, -1, null);
  }

  /**
   * @param field the field that was wrong, if one was
   * @param line the 1-based line of the input the record came from, or -1 when there is none
   */
  public ValidationException(
      String message, @Nullable String field, long line, @Nullable Throwable cause) {
    super(ErrorClass.VALIDATION, message, cause);
    this.field = field;
    this.line = line;
  }

  /** The field that was wrong, if one was. */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }

  /** The 1-based line of the input the record came from, or -1 when it has none. */
  public long line() {
    return line;
  }
}

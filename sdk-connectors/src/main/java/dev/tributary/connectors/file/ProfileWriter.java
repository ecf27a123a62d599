package dev.tributary.connectors.file;

import dev.tributary.core.model.Profile;

/**
 * Where the body of an export writes its profiles: each becomes one CSV row or JSON line. Not
 * thread-safe: one writer per file.
 */
@FunctionalInterface
public interface ProfileWriter {
  /**
   * Writes {@code profile}.
   *
   * @throws dev.tributary.core.ValidationException if one of its values cannot be written (a
   *     non-finite number, an unsupported type); nothing of it was written and the file goes on
   */
  void write(Profile profile);
}

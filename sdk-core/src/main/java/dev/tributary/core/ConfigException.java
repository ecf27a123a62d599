package dev.tributary.core;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Bad credentials or settings ({@link ErrorClass#CONFIG}): the job stops and the message says what
 * to fix. Retrying cannot help.
 */
public class ConfigException extends TributaryException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String setting;

  public ConfigException(String message) {
    this(null, message, null);
  }

  public ConfigException(String message, @Nullable Throwable cause) {
    this(null, message, cause);
  }

  /**
   * @param setting the name of the configuration field or authorization that is wrong, when one is
   *     to blame
   */
  public ConfigException(@Nullable String setting, String message, @Nullable Throwable cause) {
    super(ErrorClass.CONFIG, message, cause);
    this.setting = setting;
  }

  /** The configuration field or authorization to fix, when one is to blame. */
  public Optional<String> setting() {
    return Optional.ofNullable(setting);
  }
}

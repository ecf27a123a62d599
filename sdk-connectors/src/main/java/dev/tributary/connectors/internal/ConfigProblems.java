package dev.tributary.connectors.internal;

import dev.tributary.core.ConfigException;
import dev.tributary.core.connector.CheckResult;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** How a connector's {@code check} turns a setting it cannot read into a problem and goes on. */
public final class ConfigProblems {
  private ConfigProblems() {}

  /**
   * What {@code read} returns; or, when it throws a {@link ConfigException}, {@code null} after
   * adding to {@code problems} one naming the exception's setting ({@code fallback} when it names
   * none) with the exception's message, so that the check can report it with the others.
   */
  public static <T> @Nullable T collect(
      List<CheckResult.Problem> problems, String fallback, Supplier<T> read) {
    try {
      return read.get();
    } catch (ConfigException e) {
      problems.add(new CheckResult.Problem(e.setting().orElse(fallback), e.getMessage()));
      return null;
    }
  }
}

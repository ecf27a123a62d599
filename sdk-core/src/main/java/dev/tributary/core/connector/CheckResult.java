package dev.tributary.core.connector;

import java.util.List;
import java.util.Objects;

/**
 * What {@link Connector#check} found: nothing (the connector is ready to run) or a list of
 * problems, each naming the setting to fix. A host shows these next to the configuration form.
 *
 * @param problems what is wrong, in the order found; empty when all is well
 */
public record CheckResult(List<Problem> problems) {
  /** One thing to fix. */
  public record Problem(String setting, String message) {
    public Problem {
      Objects.requireNonNull(setting, "setting");
      Objects.requireNonNull(message, "message");
    }
  }

  public CheckResult {
    problems = List.copyOf(problems);
  }

  public static CheckResult ok() {
    return new CheckResult(List.of());
  }

  public static CheckResult problem(String setting, String message) {
    return new CheckResult(List.of(new Problem(setting, message)));
  }

  public boolean isOk() {
    return problems.isEmpty();
  }
}

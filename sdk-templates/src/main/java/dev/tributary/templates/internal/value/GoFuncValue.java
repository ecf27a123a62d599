package dev.tributary.templates.internal.value;

import java.util.List;
import java.util.Objects;

/**
 * A function handed to a template as data, which {@code call} can invoke. It wraps a host's
 * function so that templates can reach nothing but what the host passed in.
 */
public final class GoFuncValue implements GoValue {
  /** What the function does, given its already evaluated arguments. */
  @FunctionalInterface
  public interface Body {
    Object apply(List<Object> arguments);
  }

  private final Body body;

  public GoFuncValue(Body body) {
    this.body = Objects.requireNonNull(body, "body");
  }

  public Object apply(List<Object> arguments) {
    return body.apply(arguments);
  }

  @Override
  public GoType goType() {
    return GoType.FUNC;
  }
}

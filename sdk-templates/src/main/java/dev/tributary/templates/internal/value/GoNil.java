package dev.tributary.templates.internal.value;

/**
 * A typed nil: most often a nil {@code interface{}}, which is what a JSON {@code null} becomes
 * inside a map or list. It differs from "no value" (Java {@code null}): walking a field through it
 * fails with {@code nil pointer evaluating interface {}.x}.
 */
public final class GoNil implements GoValue {
  /** A nil {@code interface{}}. */
  public static final GoNil INTERFACE = new GoNil(GoType.INTERFACE);

  private final GoType type;

  private GoNil(GoType type) {
    this.type = type;
  }

  /** The nil of a type that can be nil. */
  public static GoNil of(GoType type) {
    return type == GoType.INTERFACE ? INTERFACE : new GoNil(type);
  }

  @Override
  public GoType goType() {
    return type;
  }

  @Override
  public String toString() {
    return "<nil>";
  }
}

package dev.tributary.core.mapping;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How one user field is made from a raw record: read source field {@link #source()}, apply the
 * {@link #transforms()}, coerce to {@link #type()}, or use {@link #defaultValue()} when the source
 * value is missing, null or blank. Immutable; each method returns a changed copy:
 *
 * <pre>{@code FieldRule.of("age").from("Age").as(FieldType.INTEGER).orElse(0)}</pre>
 */
public final class FieldRule {
  private final String target;
  private final String source;
  private final FieldType type;
  private final List<Transform> transforms;
  private final @Nullable Object defaultValue;
  private final boolean required;
  private final boolean pii;

  private FieldRule(
      String target,
      String source,
      FieldType type,
      List<Transform> transforms,
      @Nullable Object defaultValue,
      boolean required,
      boolean pii) {
    this.target = target;
    this.source = source;
    this.type = type;
    this.transforms = List.copyOf(transforms);
    this.defaultValue = defaultValue;
    this.required = required;
    this.pii = pii;
  }

  /** A rule for user field {@code target}, read from the source field of the same name as text. */
  public static FieldRule of(String target) {
    Objects.requireNonNull(target, "target");
    if (target.isBlank()) {
      throw new IllegalArgumentException("target must not be blank");
    }
    return new FieldRule(target, target, FieldType.STRING, List.of(), null, false, false);
  }

  /** Reads source field {@code source}: a rename. */
  public FieldRule from(String source) {
    Objects.requireNonNull(source, "source");
    return new FieldRule(target, source, type, transforms, defaultValue, required, pii);
  }

  /** Coerces to {@code type}. Default: {@link FieldType#STRING}. */
  public FieldRule as(FieldType type) {
    Objects.requireNonNull(type, "type");
    return new FieldRule(target, source, type, transforms, defaultValue, required, pii);
  }

  /** Applies {@code transforms} to the text of the value, in order, before coercing. */
  public FieldRule transform(Transform... transforms) {
    return new FieldRule(target, source, type, List.of(transforms), defaultValue, required, pii);
  }

  /**
   * Uses {@code value} when the source value is missing, null or blank; it is coerced to the rule's
   * type when the mapping is built.
   */
  public FieldRule orElse(Object value) {
    Objects.requireNonNull(value, "value");
    return new FieldRule(target, source, type, transforms, value, required, pii);
  }

  /** Rejects a record ({@code VALIDATION}) whose value is missing and that has no default. */
  public FieldRule required() {
    return new FieldRule(target, source, type, transforms, defaultValue, true, pii);
  }

  /**
   * Marks the value as personal data: a coercion error names the field but never shows the value.
   * Rules with {@link Transform#SHA256}, and identities, are always treated so.
   */
  public FieldRule pii() {
    return new FieldRule(target, source, type, transforms, defaultValue, required, true);
  }

  public String target() {
    return target;
  }

  public String source() {
    return source;
  }

  public FieldType type() {
    return type;
  }

  public List<Transform> transforms() {
    return transforms;
  }

  public Optional<Object> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  public boolean isRequired() {
    return required;
  }

  public boolean isPii() {
    return pii || transforms.contains(Transform.SHA256);
  }

  /** The rule with its default coerced, or an IAE naming the rule. */
  FieldRule checked() {
    if (defaultValue == null) {
      return this;
    }
    try {
      Object typed = Coercion.coerce(type, defaultValue);
      return new FieldRule(target, source, type, transforms, typed, required, pii);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "default of field " + target + " " + e.getMessage() + ": " + defaultValue, e);
    }
  }

  @Override
  public String toString() {
    return "FieldRule[" + source + " -> " + target + " as " + type + transforms + "]";
  }
}

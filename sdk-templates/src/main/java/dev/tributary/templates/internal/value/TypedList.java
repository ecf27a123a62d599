package dev.tributary.templates.internal.value;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A Go slice whose element type is not {@code interface{}}: {@code []string} from {@code
 * splitList}, {@code []int} from {@code until}. Reading an element gives a value of that type, and
 * {@code %T} names it. Immutable.
 */
public final class TypedList extends AbstractList<Object> implements GoValue, RandomAccess {
  private final GoType type;
  private final List<?> items;

  private TypedList(GoType type, List<?> items) {
    this.type = type;
    this.items = items;
  }

  /** A slice of the given type ({@code GoType.SLICE_STRING} …) holding {@code items}. */
  public static TypedList of(GoType sliceType, List<?> items) {
    if (sliceType.kind() != Kind.SLICE) {
      throw new IllegalArgumentException("not a slice type: " + sliceType);
    }
    return new TypedList(sliceType, List.copyOf(Objects.requireNonNull(items, "items")));
  }

  @Override
  public Object get(int index) {
    return items.get(index);
  }

  @Override
  public int size() {
    return items.size();
  }

  @Override
  public GoType goType() {
    return type;
  }
}

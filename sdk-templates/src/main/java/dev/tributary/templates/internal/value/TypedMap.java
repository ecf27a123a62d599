package dev.tributary.templates.internal.value;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A Go map whose element type is not {@code interface{}}, such as the {@code map[string]string}
 * that sprig's {@code split} returns. A missing key reads as the element type's zero value under
 * {@code missingkey=zero}. Immutable.
 */
public final class TypedMap extends AbstractMap<String, Object> implements GoValue {
  private final GoType type;
  private final Map<String, ?> entries;

  private TypedMap(GoType type, Map<String, ?> entries) {
    this.type = type;
    this.entries = entries;
  }

  public static TypedMap of(GoType mapType, Map<String, ?> entries) {
    if (mapType.kind() != Kind.MAP) {
      throw new IllegalArgumentException("not a map type: " + mapType);
    }
    return new TypedMap(mapType, Map.copyOf(Objects.requireNonNull(entries, "entries")));
  }

  @Override
  @SuppressWarnings("unchecked")
  public Set<Entry<String, Object>> entrySet() {
    return (Set<Entry<String, Object>>) (Set<?>) entries.entrySet();
  }

  @Override
  public Object get(Object key) {
    return entries.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return entries.containsKey(key);
  }

  @Override
  public int size() {
    return entries.size();
  }

  @Override
  public GoType goType() {
    return type;
  }
}

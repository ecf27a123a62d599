package dev.tributary.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Copies shared by the model's records. */
final class Values {
  private Values() {}

  /** An unmodifiable copy that keeps insertion order and, unlike Map.copyOf, null values. */
  static Map<String, @Nullable Object> rawCopy(Map<String, ? extends @Nullable Object> map) {
    Objects.requireNonNull(map, "fields");
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** An unmodifiable, ordered copy with neither null keys nor null values. */
  static <V> Map<String, V> orderedCopy(Map<String, ? extends V> map, String name) {
    Objects.requireNonNull(map, name);
    Map<String, V> copy = new LinkedHashMap<>();
    map.forEach(
        (k, v) ->
            copy.put(
                Objects.requireNonNull(k, () -> name + " has a null key"),
                Objects.requireNonNull(v, () -> name + " has a null value for " + k)));
    return Collections.unmodifiableMap(copy);
  }
}

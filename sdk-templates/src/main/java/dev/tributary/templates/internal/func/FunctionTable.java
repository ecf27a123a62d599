package dev.tributary.templates.internal.func;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** An immutable set of named functions. Thread-safe. */
public final class FunctionTable {
  public static final FunctionTable EMPTY = new FunctionTable(Map.of());

  private final Map<String, GoFunction> functions;

  private FunctionTable(Map<String, GoFunction> functions) {
    this.functions = functions;
  }

  public static FunctionTable of(Map<String, GoFunction> functions) {
    return new FunctionTable(Collections.unmodifiableMap(new LinkedHashMap<>(functions)));
  }

  public @Nullable GoFunction get(String name) {
    return functions.get(name);
  }

  public boolean contains(String name) {
    return functions.containsKey(name);
  }

  public Set<String> names() {
    return functions.keySet();
  }

  public Map<String, GoFunction> asMap() {
    return functions;
  }
}

package dev.tributary.connectors.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Header maps for the framework-agnostic request records (webhooks in, the personalization tag):
 * names compared without regard to case, values kept in order.
 */
public final class HeaderMaps {
  private HeaderMaps() {}

  /** An unmodifiable, case-insensitive copy of {@code headers}; same-named entries are joined. */
  public static Map<String, List<String>> copyOf(Map<String, List<String>> headers) {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Objects.requireNonNull(headers, "headers")
        .forEach(
            (name, values) ->
                copy.computeIfAbsent(
                        Objects.requireNonNull(name, "header name"), n -> new ArrayList<>())
                    .addAll(values));
    copy.replaceAll((name, values) -> List.copyOf(values));
    return Collections.unmodifiableMap(copy);
  }

  /** Single-valued headers as the multi-valued map the records take. */
  public static Map<String, List<String>> single(Map<String, String> headers) {
    Map<String, List<String>> multi = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Objects.requireNonNull(headers, "headers").forEach((k, v) -> multi.put(k, List.of(v)));
    return multi;
  }
}

package dev.tributary.connectors.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.connectors.internal.json.JsonCodec;
import dev.tributary.core.ConfigException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which user field takes which value of a provider's JSON answer: {@code target=/json/pointer}
 * entries (RFC 6901 pointers), read from a list setting such as {@code fields}. A bare {@code name}
 * stands for {@code name=/name}. Values come out as {@link JsonCodec#fromTree} makes them (exact
 * numbers, maps and lists for objects and arrays); JSON nulls and missing values are left out.
 * Immutable and thread-safe.
 */
public final class FieldPointers {
  private final Map<String, String> pointers;

  private FieldPointers(Map<String, String> pointers) {
    this.pointers = Collections.unmodifiableMap(pointers);
  }

  /**
   * Parses {@code entries} of the list setting {@code setting}.
   *
   * @throws ConfigException naming the setting and the entry that is not {@code name=/pointer}
   */
  public static FieldPointers parse(List<String> entries, String setting) {
    Map<String, String> pointers = new LinkedHashMap<>();
    for (String entry : entries) {
      int eq = entry.indexOf('=');
      String target = (eq < 0 ? entry : entry.substring(0, eq)).strip();
      String pointer = (eq < 0 ? "/" + entry.strip() : entry.substring(eq + 1).strip());
      if (target.isEmpty() || pointer.isEmpty() || !pointer.startsWith("/")) {
        throw new ConfigException(
            setting,
            "\""
                + setting
                + "\" entries are name=/json/pointer, such as title=/employment/title: "
                + entry,
            null);
      }
      pointers.put(target, pointer);
    }
    return new FieldPointers(pointers);
  }

  /** The same mapping from a map of targets to pointers. */
  public static FieldPointers of(Map<String, String> pointers) {
    return new FieldPointers(new LinkedHashMap<>(pointers));
  }

  public boolean isEmpty() {
    return pointers.isEmpty();
  }

  /** The targets and their pointers, in order. */
  public Map<String, String> pointers() {
    return pointers;
  }

  /** The mapped values found in {@code root}; absent and null values are left out. */
  public Map<String, Object> apply(JsonNode root) {
    Map<String, Object> out = new LinkedHashMap<>();
    pointers.forEach(
        (target, pointer) -> {
          @Nullable Object value = JsonCodec.fromTree(root.at(pointer));
          if (value != null) {
            out.put(target, value);
          }
        });
    return out;
  }

  /** The entries as a list setting's text: {@code a=/x, b=/y}. */
  public String toSetting() {
    StringBuilder text = new StringBuilder();
    pointers.forEach(
        (target, pointer) ->
            text.append(text.length() == 0 ? "" : ", ").append(target).append('=').append(pointer));
    return text.toString();
  }

  @Override
  public String toString() {
    return "FieldPointers[" + toSetting() + "]";
  }
}

package dev.tributary.connectors.internal.json;

import dev.tributary.core.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Finds a value in a parsed JSON document by a dotted path: {@code ecommerce.value}, {@code
 * items.0.item_id}. A key that itself holds dots ({@code gtm.start}, as tag managers write) is
 * found too: at each level the longest key present wins. A number selects a list element.
 */
public final class JsonPath {
  private JsonPath() {}

  /**
   * The value at {@code path}, or {@code null} when it is missing or JSON {@code null}.
   *
   * @throws ValidationException naming the path when it runs through text, a number or a boolean,
   *     or indexes a list with something other than a number
   */
  public static @Nullable Object find(Map<String, ? extends @Nullable Object> root, String path) {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(path, "path");
    return find(root, path, path, "");
  }

  private static @Nullable Object find(
      @Nullable Object node, String rest, String path, String walked) {
    if (node == null) {
      return null;
    }
    if (node instanceof Map<?, ?> map) {
      if (map.containsKey(rest)) {
        return map.get(rest);
      }
      for (int dot = rest.lastIndexOf('.'); dot > 0; dot = rest.lastIndexOf('.', dot - 1)) {
        String head = rest.substring(0, dot);
        if (map.containsKey(head)) {
          return find(map.get(head), rest.substring(dot + 1), path, join(walked, head));
        }
      }
      return null;
    }
    if (node instanceof List<?> list) {
      int dot = rest.indexOf('.');
      String head = dot < 0 ? rest : rest.substring(0, dot);
      int index = index(head, path, walked);
      if (index >= list.size()) {
        return null;
      }
      Object item = list.get(index);
      return dot < 0 ? item : find(item, rest.substring(dot + 1), path, join(walked, head));
    }
    throw new ValidationException(
        "path \"" + path + "\": \"" + walked + "\" is " + kind(node) + ", not an object or a list",
        path,
        -1,
        null);
  }

  private static int index(String segment, String path, String walked) {
    if (!segment.isEmpty()
        && segment.length() < 10
        && segment.chars().allMatch(Character::isDigit)) {
      return Integer.parseInt(segment);
    }
    throw new ValidationException(
        "path \""
            + path
            + "\": \""
            + walked
            + "\" is a list, so the next part must be a number (such as "
            + join(walked, "0")
            + "), not \""
            + segment
            + "\"",
        path,
        -1,
        null);
  }

  private static String join(String walked, String segment) {
    return walked.isEmpty() ? segment : walked + "." + segment;
  }

  /**
   * Whether {@code pointer} is an RFC 6901 JSON pointer, as {@code JsonNode.at} takes it: empty
   * (the whole document), or starting with {@code /}. Not a dotted path of {@link #find}.
   */
  public static boolean isPointer(String pointer) {
    return pointer.isEmpty() || pointer.startsWith("/");
  }

  /** "a string", "a number", "a boolean": what a value is, for messages. */
  public static String kind(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Number) {
      return "a number";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    if (value instanceof List) {
      return "a list";
    }
    return value instanceof Map ? "an object" : "a " + value.getClass().getSimpleName();
  }
}

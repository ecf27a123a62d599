package dev.tributary.templates;

import dev.tributary.templates.internal.json.GoJsonDecoder;
import dev.tributary.templates.internal.json.GoJsonEncoder;
import dev.tributary.templates.internal.value.HostValues;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Template data from JSON, decoded the way Go's {@code encoding/json} decodes into {@code
 * interface{}} — the form Go programs render templates with: objects become {@code Map<String,
 * Object>}, arrays {@code List<Object>}, every number a {@link Double} (so {@code 1000000} prints
 * {@code 1e+06}, as in Go), {@code null} a Java null. Needs no JSON library. Stateless.
 *
 * <p>{@link #toJson} goes the other way, as Go's {@code json.Marshal}: map keys sorted, {@code <},
 * {@code >} and {@code &} escaped, numbers in Go's format — what sprig's {@code toJson} prints.
 */
public final class TemplateData {
  private TemplateData() {}

  /**
   * Decodes one JSON document.
   *
   * @throws IllegalArgumentException with Go's message when the text is not valid JSON
   */
  public static @Nullable Object fromJson(String json) {
    Objects.requireNonNull(json, "json");
    try {
      return GoJsonDecoder.decode(json);
    } catch (GoJsonDecoder.JsonException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Encodes a value as Go's {@code json.Marshal} would: maps (keys sorted), lists, records (as
   * objects), strings, numbers, booleans and null.
   *
   * @throws IllegalArgumentException with Go's message for values JSON cannot hold (NaN)
   */
  public static String toJson(@Nullable Object value) {
    try {
      return GoJsonEncoder.marshal(value == null ? null : HostValues.normalize(value), true, null);
    } catch (GoJsonDecoder.JsonException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}

package dev.tributary.core.connector;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One setting of a connector's configuration, as its documentation page lists it.
 *
 * @param name the key, such as {@code endpoint} or {@code batch_size}
 * @param type the type values are checked against
 * @param required whether a run needs it (a required field has no default)
 * @param secret whether the value is sensitive: it never appears in {@code toString()}, logs or
 *     messages
 * @param description one sentence for the user
 * @param defaultValue the value used when the field is absent, or {@code null}
 */
public record ConfigField(
    String name,
    ConfigFieldType type,
    boolean required,
    boolean secret,
    String description,
    @Nullable String defaultValue) {
  public ConfigField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    if (!name.matches("[a-z][a-z0-9_.]*")) {
      throw new IllegalArgumentException(
          "name must be lower_snake_case (a-z, 0-9, _ and .): " + name);
    }
    if (required && defaultValue != null) {
      throw new IllegalArgumentException("a required field has no default: " + name);
    }
  }

  /** A required, non-secret field. */
  public static ConfigField required(String name, ConfigFieldType type, String description) {
    return new ConfigField(name, type, true, false, description, null);
  }

  /** An optional, non-secret field with a default ({@code null} for none). */
  public static ConfigField optional(
      String name, ConfigFieldType type, String description, @Nullable String defaultValue) {
    return new ConfigField(name, type, false, false, description, defaultValue);
  }

  /** A copy marked secret. */
  public ConfigField asSecret() {
    return new ConfigField(name, type, required, true, description, defaultValue);
  }

  /** The default, if there is one. */
  public Optional<String> defaultIfAbsent() {
    return Optional.ofNullable(defaultValue);
  }
}

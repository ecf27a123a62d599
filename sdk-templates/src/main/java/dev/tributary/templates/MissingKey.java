package dev.tributary.templates;

/**
 * Go's {@code missingkey} option: what {@code .name} gives when the map has no such key.
 *
 * <ul>
 *   <li>{@link #DEFAULT}: no value, which prints {@code <no value>} and is false in {@code if};
 *   <li>{@link #ZERO}: the zero value of the map's element type — for JSON data a nil, which also
 *       prints {@code <no value>}, but walking on ({@code .missing.field}) is an error;
 *   <li>{@link #ERROR}: rendering stops with {@code map has no entry for key "name"}.
 * </ul>
 */
public enum MissingKey {
  DEFAULT,
  ZERO,
  ERROR;

  /** Parses Go's option value: {@code default}, {@code invalid}, {@code zero} or {@code error}. */
  public static MissingKey fromGo(String value) {
    switch (value) {
      case "default", "invalid" -> {
        return DEFAULT;
      }
      case "zero" -> {
        return ZERO;
      }
      case "error" -> {
        return ERROR;
      }
      default -> {
        throw new IllegalArgumentException(
            "missingkey must be default, invalid, zero or error, not: " + value);
      }
    }
  }
}

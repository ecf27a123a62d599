package dev.tributary.core.connector;

import java.util.Objects;

/**
 * A user field an integration reads from profiles or writes to them, as its documentation page
 * lists it.
 *
 * @param name the field's name, such as {@code email} or {@code company_name}
 * @param direction whether the integration reads or writes it
 * @param description one sentence for the user
 */
public record FieldSpec(String name, Direction direction, String description) {
  /** Which way the field moves. */
  public enum Direction {
    READS,
    WRITES
  }

  public FieldSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(description, "description");
  }

  public static FieldSpec reads(String name, String description) {
    return new FieldSpec(name, Direction.READS, description);
  }

  public static FieldSpec writes(String name, String description) {
    return new FieldSpec(name, Direction.WRITES, description);
  }
}

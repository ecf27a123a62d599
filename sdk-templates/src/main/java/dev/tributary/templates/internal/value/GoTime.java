package dev.tributary.templates.internal.value;

import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A Go {@code time.Time}: an instant in a location. {@code toDate}, {@code now} and {@code
 * dateModify} produce them; a host's {@code Instant}, {@code OffsetDateTime} and {@code
 * ZonedDateTime} become them. Immutable.
 */
public final class GoTime implements GoValue {
  private final ZonedDateTime time;

  public GoTime(ZonedDateTime time) {
    this.time = Objects.requireNonNull(time, "time");
  }

  public ZonedDateTime time() {
    return time;
  }

  @Override
  public GoType goType() {
    return GoType.TIME;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GoTime other && other.time.equals(time);
  }

  @Override
  public int hashCode() {
    return time.hashCode();
  }

  @Override
  public String toString() {
    return time.toString();
  }
}

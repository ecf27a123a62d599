package dev.tributary.templates.internal.value;

import java.time.ZonedDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Go {@code time.Time}: an instant in a location. {@code toDate}, {@code now} and {@code
 * dateModify} produce them; a host's {@code Instant}, {@code OffsetDateTime} and {@code
 * ZonedDateTime} become them. Immutable.
 */
public final class GoTime implements GoValue {
  private final ZonedDateTime time;
  private final @Nullable String zoneName;

  public GoTime(ZonedDateTime time) {
    this(time, null);
  }

  /**
   * A time whose zone carries its own abbreviation, as Go's {@code FixedZone(name, offset)} does
   * for a zone parsed by name ("EST") that the local zone does not know.
   */
  public GoTime(ZonedDateTime time, @Nullable String zoneName) {
    this.time = Objects.requireNonNull(time, "time");
    this.zoneName = zoneName;
  }

  /** The zone abbreviation given at creation, or null to derive it from the zone. */
  public @Nullable String zoneName() {
    return zoneName;
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
    return o instanceof GoTime other
        && other.time.equals(time)
        && Objects.equals(other.zoneName, zoneName);
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

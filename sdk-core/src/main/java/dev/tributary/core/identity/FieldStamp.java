package dev.tributary.core.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a profile's field (or identity) value came from: the time of the record that set it and its
 * source. {@link ConflictRule}s compare stamps.
 *
 * @param at the record's timestamp
 * @param source the source's name, such as {@code crm} or {@code shop}
 */
public record FieldStamp(Instant at, String source) {
  public FieldStamp {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(source, "source");
  }
}

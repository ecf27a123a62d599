package dev.tributary.core.mapping;

import dev.tributary.core.identity.SourceRecord;
import dev.tributary.core.model.Event;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A raw record after {@link FieldMapping#apply}: identities and typed user fields for identity
 * resolution, and every source field no rule used, kept as it came for a raw event.
 *
 * @param identities identifiers by kind, as mapped (identity resolution normalises them)
 * @param fields typed user fields
 * @param unmapped source fields no rule read, in source order, values untouched (nulls too)
 * @param timestamp the record's own time, when the mapping names a timestamp field
 */
public record MappedRecord(
    Map<String, String> identities,
    Map<String, Object> fields,
    Map<String, @Nullable Object> unmapped,
    @Nullable Instant timestamp) {
  public MappedRecord {
    identities = Collections.unmodifiableMap(new LinkedHashMap<>(identities));
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    unmapped = Collections.unmodifiableMap(new LinkedHashMap<>(unmapped));
  }

  /** The record's time, if the mapping read one. */
  public Optional<Instant> recordedAt() {
    return Optional.ofNullable(timestamp);
  }

  /** The input of identity resolution; {@code fallback} is the time when the record has none. */
  public SourceRecord toSourceRecord(String source, Instant fallback) {
    Objects.requireNonNull(fallback, "fallback");
    return new SourceRecord(identities, fields, timestamp != null ? timestamp : fallback, source);
  }

  /** A raw event named {@code name} carrying the unmapped fields. */
  public Event toEvent(String name, Instant fallback) {
    Objects.requireNonNull(fallback, "fallback");
    return new Event(name, timestamp != null ? timestamp : fallback, identities, unmapped);
  }

  @Override
  public String toString() {
    return "MappedRecord[identities="
        + identities.keySet()
        + ", fields="
        + fields.keySet()
        + ", unmapped="
        + unmapped.keySet()
        + "]";
  }
}

package dev.tributary.core.identity;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One imported record on its way into a profile: its identifiers, its user fields, when it was true
 * and where it came from. {@link dev.tributary.core.mapping.MappedRecord#toSourceRecord} makes one
 * from a mapped raw record.
 *
 * @param identities identifiers by kind ({@code email}, {@code user_id}), as the source wrote them
 * @param fields user fields, already typed
 * @param timestamp when the source says the record was true (its update time)
 * @param source the source's name, for {@link ConflictRule#sourcePriority}
 */
public record SourceRecord(
    Map<String, String> identities, Map<String, Object> fields, Instant timestamp, String source) {
  public SourceRecord {
    identities = ordered(identities, "identities");
    fields = ordered(fields, "fields");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(source, "source");
  }

  private static <V> Map<String, V> ordered(Map<String, V> map, String name) {
    Map<String, V> copy = new LinkedHashMap<>();
    Objects.requireNonNull(map, name)
        .forEach(
            (k, v) ->
                copy.put(
                    Objects.requireNonNull(k, name + " key"),
                    Objects.requireNonNull(v, () -> name + " value of " + k)));
    return Collections.unmodifiableMap(copy);
  }

  @Override
  public String toString() {
    // identities and fields hold personal data: names only
    return "SourceRecord[identities="
        + identities.keySet()
        + ", fields="
        + fields.keySet()
        + ", timestamp="
        + timestamp
        + ", source="
        + source
        + "]";
  }
}

package dev.tributary.core.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A raw event: something a user did, with its fields kept exactly as the source sent them (nested
 * maps and lists, nulls included) so that nothing unmapped is lost.
 *
 * @param name the event's name, such as {@code page_view} or {@code purchase}
 * @param occurredAt when it happened
 * @param identities identifiers of the user it belongs to, keyed by identity kind
 * @param fields the source's fields, unmapped, in their original order
 */
public record Event(
    String name,
    Instant occurredAt,
    Map<String, String> identities,
    Map<String, @Nullable Object> fields) {
  public Event {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(occurredAt, "occurredAt");
    identities = Values.orderedCopy(identities, "identities");
    fields = Values.rawCopy(fields);
  }
}

package dev.tributary.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One change a {@code Trigger} delivers: a user entered or exited an audience, or a watched field
 * of a member changed. {@link #profile()} is the profile as it was right after the change.
 *
 * @param audience the audience's name
 * @param kind what happened
 * @param profile the user's profile right after the change
 * @param changedFields for {@link Kind#FIELDS_CHANGED}, the watched fields that changed; empty
 *     otherwise
 * @param occurredAt when the change happened at the source
 */
public record AudienceChange(
    String audience, Kind kind, Profile profile, Set<String> changedFields, Instant occurredAt) {

  /** What happened. */
  public enum Kind {
    /** The user became a member of the audience. */
    ENTERED,
    /** The user stopped being a member of the audience. */
    EXITED,
    /** A watched field of a member changed. */
    FIELDS_CHANGED
  }

  public AudienceChange {
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(occurredAt, "occurredAt");
    changedFields = Set.copyOf(changedFields);
  }

  public static AudienceChange entered(String audience, Profile profile, Instant occurredAt) {
    return new AudienceChange(audience, Kind.ENTERED, profile, Set.of(), occurredAt);
  }

  public static AudienceChange exited(String audience, Profile profile, Instant occurredAt) {
    return new AudienceChange(audience, Kind.EXITED, profile, Set.of(), occurredAt);
  }

  /** The ID of the profile that changed: the key changes are ordered and coalesced by. */
  public String userId() {
    return profile.id();
  }
}

package dev.tributary.core.identity;

import java.util.Objects;
import java.util.Set;

/**
 * What identity resolution did with one record.
 *
 * @param profileId the profile the record now belongs to
 * @param outcome whether it created, updated or merged profiles
 * @param mergedAway IDs of the profiles merged into {@code profileId} (empty unless {@link
 *     Outcome#MERGED})
 */
public record Resolution(String profileId, Outcome outcome, Set<String> mergedAway) {
  /** What happened. */
  public enum Outcome {
    /** No profile matched: a new one was made. */
    CREATED,
    /** One profile matched and was updated. */
    UPDATED,
    /** The record matched several profiles, which were merged into one. */
    MERGED
  }

  public Resolution {
    Objects.requireNonNull(profileId, "profileId");
    Objects.requireNonNull(outcome, "outcome");
    mergedAway = Set.copyOf(mergedAway);
  }
}

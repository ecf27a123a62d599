package dev.tributary.connectors.amplitude;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One user of an Amplitude cohort snapshot: a member, or — when the connector compares snapshots —
 * a user who was in the previous snapshot and is not in this one ({@link #member()} false).
 *
 * @param cohortId the cohort's ID
 * @param amplitudeId Amplitude's ID of the user ({@code amplitude_id})
 * @param userId the host's user ID as Amplitude knows it ({@code user_id}), or {@code null} when
 *     the file leaves it empty (anonymous users)
 * @param member whether the user is in the cohort as of {@link #snapshotAt()}
 * @param properties the user properties the file holds (with {@code include_properties} or {@code
 *     property_keys}), by column name in the file's order; empty for users who left
 * @param snapshotAt when the snapshot was requested: the time the membership is true at
 */
public record CohortMember(
    String cohortId,
    String amplitudeId,
    @Nullable String userId,
    boolean member,
    Map<String, String> properties,
    Instant snapshotAt) {
  public CohortMember {
    Objects.requireNonNull(cohortId, "cohortId");
    Objects.requireNonNull(amplitudeId, "amplitudeId");
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties)); // file's order
    Objects.requireNonNull(snapshotAt, "snapshotAt");
  }

  public Optional<String> userIdValue() {
    return Optional.ofNullable(userId);
  }

  @Override
  public String toString() {
    // IDs and properties may be personal data: kinds only
    return "CohortMember[cohort="
        + cohortId
        + ", member="
        + member
        + ", userId="
        + (userId == null ? "none" : "present")
        + ", properties="
        + properties.keySet()
        + ", snapshotAt="
        + snapshotAt
        + "]";
  }
}

package dev.tributary.core.identity;

import java.util.Optional;
import java.util.Set;

/**
 * Where resolved profiles live, indexed by their identities: the host's database, or {@link
 * #inMemory()}. Identity values arrive normalised; the store compares them exactly.
 *
 * <p>Implementations must be thread-safe, and {@link #write} must be atomic: a reader sees the
 * profile, its identity index and the merged-away profiles either all before or all after.
 */
public interface ProfileStore {
  /** The ID of the profile that has identity {@code kind} = {@code value}, if any. */
  Optional<String> find(String kind, String value);

  Optional<StoredProfile> get(String profileId);

  /**
   * Stores {@code profile} (replacing the one with its ID), points each of its identities at it and
   * drops index entries of identities it no longer has; removes the profiles in {@code mergedAway},
   * which were merged into it.
   */
  void write(StoredProfile profile, Set<String> mergedAway);

  /** How many profiles the store holds. */
  long size();

  /**
   * The reference store: two hash maps under one lock, holding exactly the distinct profiles and
   * their identities — memory grows with profiles, not with records resolved. Thread-safe.
   */
  static ProfileStore inMemory() {
    return new InMemoryProfileStore();
  }
}

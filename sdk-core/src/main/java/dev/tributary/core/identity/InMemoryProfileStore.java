package dev.tributary.core.identity;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** {@link ProfileStore#inMemory()}. Every method holds the store's lock. */
final class InMemoryProfileStore implements ProfileStore {
  private final Map<String, StoredProfile> profiles = new HashMap<>();
  private final Map<String, Map<String, String>> index = new HashMap<>();

  @Override
  public synchronized Optional<String> find(String kind, String value) {
    Map<String, String> byValue = index.get(Objects.requireNonNull(kind, "kind"));
    return byValue == null
        ? Optional.empty()
        : Optional.ofNullable(byValue.get(Objects.requireNonNull(value, "value")));
  }

  @Override
  public synchronized Optional<StoredProfile> get(String profileId) {
    return Optional.ofNullable(profiles.get(Objects.requireNonNull(profileId, "profileId")));
  }

  @Override
  public synchronized void write(StoredProfile profile, Set<String> mergedAway) {
    Objects.requireNonNull(profile, "profile");
    for (String id : mergedAway) {
      StoredProfile gone = profiles.remove(id);
      if (gone != null) {
        unindex(gone);
      }
    }
    StoredProfile old = profiles.put(profile.id(), profile);
    if (old != null) {
      unindex(old);
    }
    profile
        .profile()
        .identities()
        .forEach(
            (kind, value) ->
                index.computeIfAbsent(kind, k -> new HashMap<>()).put(value, profile.id()));
  }

  private void unindex(StoredProfile p) {
    p.profile()
        .identities()
        .forEach(
            (kind, value) -> {
              Map<String, String> byValue = index.get(kind);
              if (byValue != null) {
                byValue.remove(value, p.id());
              }
            });
  }

  @Override
  public synchronized long size() {
    return profiles.size();
  }

  @Override
  public synchronized String toString() {
    return "ProfileStore.inMemory[" + profiles.size() + " profiles]";
  }
}

package dev.tributary.core.identity;

import dev.tributary.core.model.Profile;
import java.util.Map;
import java.util.Objects;

/**
 * A profile as a {@link ProfileStore} keeps it: the profile, and the stamp (time and source) of
 * each of its field and identity values, which later conflicts are settled by.
 *
 * @param profile the profile
 * @param fieldStamps a stamp per field of the profile
 * @param identityStamps a stamp per identity kind of the profile
 */
public record StoredProfile(
    Profile profile, Map<String, FieldStamp> fieldStamps, Map<String, FieldStamp> identityStamps) {
  public StoredProfile {
    Objects.requireNonNull(profile, "profile");
    fieldStamps = Map.copyOf(fieldStamps);
    identityStamps = Map.copyOf(identityStamps);
  }

  public String id() {
    return profile.id();
  }
}

package dev.tributary.core.trigger;

import dev.tributary.core.model.AudienceChange;
import dev.tributary.core.model.AudienceChange.Kind;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * How audience changes are ordered and coalesced. Changes are keyed by audience <em>and</em> user:
 * a user's changes in one audience stay in order and collapse to their latest state, while an entry
 * into one audience never swallows an exit from another.
 */
public final class AudienceChanges {
  private AudienceChanges() {}

  /** The ordering and coalescing key of a change: its audience and its user. */
  public record Key(String audience, String userId) {
    public Key {
      Objects.requireNonNull(audience, "audience");
      Objects.requireNonNull(userId, "userId");
    }
  }

  public static Key key(AudienceChange change) {
    return new Key(change.audience(), change.userId());
  }

  /**
   * The latest state after {@code older} then {@code newer}, for the same key, in arrival order:
   *
   * <ul>
   *   <li>an entry followed by field changes stays an entry, with the newer profile: the third
   *       party has not heard of the user yet;
   *   <li>field changes followed by field changes merge: the newer profile, the union of the
   *       changed fields;
   *   <li>anything followed by an entry or an exit is that entry or exit: enter-then-exit is sent
   *       as the exit (removing a user the third party never had is harmless), exit-then-enter as
   *       the entry.
   * </ul>
   */
  public static AudienceChange coalesce(AudienceChange older, AudienceChange newer) {
    if (newer.kind() != Kind.FIELDS_CHANGED) {
      return newer;
    }
    if (older.kind() == Kind.ENTERED) {
      return new AudienceChange(
          newer.audience(), Kind.ENTERED, newer.profile(), Set.of(), newer.occurredAt());
    }
    if (older.kind() == Kind.FIELDS_CHANGED) {
      Set<String> fields = new LinkedHashSet<>(older.changedFields());
      fields.addAll(newer.changedFields());
      return new AudienceChange(
          newer.audience(), Kind.FIELDS_CHANGED, newer.profile(), fields, newer.occurredAt());
    }
    return newer;
  }
}

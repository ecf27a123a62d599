package dev.tributary.core.connector;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where an import got to: the last cursor value committed, and the keys of the records already
 * committed <em>at</em> that cursor. Sources page by a cursor that is not unique (an update time
 * stamp, say), so reading "after the cursor" would lose records that share the boundary value and
 * reading "from the cursor" would repeat them; the import reads from the cursor inclusively and
 * skips {@link #seenAtCursor()}.
 *
 * @param cursor the source's cursor (a time stamp, an offset, a page token), or {@code null} at the
 *     start
 * @param seenAtCursor keys of records committed whose cursor value equals {@code cursor}
 */
public record Checkpoint(@Nullable String cursor, Set<String> seenAtCursor) {
  private static final Checkpoint INITIAL = new Checkpoint(null, Set.of());

  public Checkpoint {
    seenAtCursor = Set.copyOf(Objects.requireNonNull(seenAtCursor, "seenAtCursor"));
  }

  /** The start of the source: nothing read yet. */
  public static Checkpoint initial() {
    return INITIAL;
  }

  /** A checkpoint at {@code cursor} with nothing yet committed at that value. */
  public static Checkpoint at(String cursor) {
    return new Checkpoint(Objects.requireNonNull(cursor, "cursor"), Set.of());
  }

  /** The cursor, or empty at the start. */
  public Optional<String> cursorValue() {
    return Optional.ofNullable(cursor);
  }
}

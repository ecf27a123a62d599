package dev.tributary.connectors.rest;

import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The cursor-boundary bookkeeping of one REST import page: which records the checkpoint says are
 * committed already (their change cursor equals the checkpoint's value and their key was seen
 * there), and the new high-water value with the keys read at it.
 *
 * <p>The skip test compares against the checkpoint's value, never the running high: a record
 * committed at the old boundary and changed since carries a new value and must be read again, even
 * when another record has already raised the high to that value.
 */
final class Boundary {
  private final @Nullable String from;
  private final Set<String> seenAtFrom;
  private @Nullable String high;
  private final Set<String> seenAtHigh;

  Boundary(@Nullable String high, Set<String> seen) {
    this.from = high;
    this.seenAtFrom = Set.copyOf(seen);
    this.high = high;
    this.seenAtHigh = new HashSet<>(seen);
  }

  /** Whether the record was committed by an earlier page or run. */
  boolean committed(@Nullable String value, @Nullable String key) {
    return value != null
        && key != null
        && from != null
        && seenAtFrom.contains(key)
        && CursorValues.ORDER.compare(value, from) == 0;
  }

  /** Counts a record read on this page. */
  void read(@Nullable String value, @Nullable String key) {
    if (value == null) {
      return; // a record without the field cannot move the boundary
    }
    int c = high == null ? 1 : CursorValues.ORDER.compare(value, high);
    if (c > 0) {
      high = value;
      seenAtHigh.clear();
    }
    if (c >= 0 && key != null) {
      seenAtHigh.add(key);
    }
  }

  @Nullable String high() {
    return high;
  }

  /** The keys read at {@link #high()}. */
  Set<String> seenAtHigh() {
    return high == null ? Set.of() : Set.copyOf(seenAtHigh);
  }
}

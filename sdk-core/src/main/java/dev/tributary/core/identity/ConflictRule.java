package dev.tributary.core.identity;

import java.util.List;
import java.util.Objects;

/**
 * Decides which value a profile keeps when a record (or a merged profile) brings another value for
 * a field or an identity it already has. Field by field, so that an old record never overwrites a
 * newer value but still fills fields nobody has set.
 */
@FunctionalInterface
public interface ConflictRule {
  /** Whether the incoming value replaces the current one. */
  boolean incomingWins(FieldStamp current, FieldStamp incoming);

  /**
   * The latest timestamp wins; on a tie the incoming value wins (the later arrival). The default.
   */
  static ConflictRule latestWins() {
    return (current, incoming) -> !incoming.at().isBefore(current.at());
  }

  /**
   * The value from the source earlier in {@code sources} wins (a CRM over a web form, say); sources
   * not listed rank below all listed ones; between equal ranks, the latest wins.
   */
  static ConflictRule sourcePriority(List<String> sources) {
    List<String> order = List.copyOf(Objects.requireNonNull(sources, "sources"));
    return (current, incoming) -> {
      int c = rank(order, current.source());
      int i = rank(order, incoming.source());
      return i != c ? i < c : !incoming.at().isBefore(current.at());
    };
  }

  private static int rank(List<String> order, String source) {
    int i = order.indexOf(source);
    return i < 0 ? Integer.MAX_VALUE : i;
  }
}

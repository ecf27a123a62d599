package dev.tributary.testing;

import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.Page;
import dev.tributary.core.job.Source;
import java.util.List;
import java.util.Objects;

/** What export and enrichment jobs read in tests, in place of the host's audience. */
public final class TestSources {
  private TestSources() {}

  /**
   * A source over {@code items}, paged by position: the checkpoint's cursor is the index of the
   * next item, and the page holding the last item is the last page. The list is read at each page,
   * so a test may change it between runs; a restarted job resumes at the position it committed.
   */
  public static <T> Source<T> paged(List<? extends T> items) {
    Objects.requireNonNull(items, "items");
    return (from, max) -> {
      int start = from.cursorValue().map(Integer::parseInt).orElse(0);
      int end = Math.min(items.size(), start + max);
      return new Page<T>(
          List.copyOf(items.subList(start, end)),
          Checkpoint.at(String.valueOf(end)),
          end == items.size());
    };
  }
}

package dev.tributary.testing;

import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ImportConnector;
import dev.tributary.core.connector.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One pass of an import connector through its source, read page by page the way the runtime reads
 * it (each read starting at the previous page's checkpoint, until a page says it is the last), but
 * with nothing committed: for tests of a connector's paging without a job runner.
 *
 * <pre>{@code
 * ImportPass<Map<String, Object>> pass = ImportPass.read(connector, context, Checkpoint.initial());
 * assertThat(pass.pages()).hasSize(3);
 * Checkpoint resumeAt = pass.next();                // where the next pass starts
 * }</pre>
 *
 * @param pages the pages read, in order; the last one says it is the last
 * @param <T> the record type
 */
public record ImportPass<T>(List<Page<T>> pages) {
  /** How many pages a pass may read before it is taken for a connector that never ends one. */
  public static final int MAX_PAGES = 100;

  public ImportPass {
    pages = List.copyOf(pages);
    if (pages.isEmpty()) {
      throw new IllegalArgumentException("a pass reads at least one page");
    }
  }

  /**
   * Reads from {@code from} until a page is the last, throwing what the connector throws.
   *
   * @throws AssertionError if no page is the last within {@link #MAX_PAGES} pages
   */
  public static <T> ImportPass<T> read(
      ImportConnector<T> connector, ConnectorContext context, Checkpoint from) {
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(context, "context");
    List<Page<T>> pages = new ArrayList<>();
    Checkpoint at = Objects.requireNonNull(from, "from");
    while (pages.size() < MAX_PAGES) {
      Page<T> page = connector.read(context, at);
      pages.add(page);
      if (page.last()) {
        return new ImportPass<>(pages);
      }
      at = page.next();
    }
    throw new AssertionError("no page was the last of " + MAX_PAGES + " pages read from " + from);
  }

  /** The records of every page, in order. */
  public List<T> records() {
    List<T> all = new ArrayList<>();
    pages.forEach(p -> all.addAll(p.records()));
    return all;
  }

  /** The last page's checkpoint: where the next pass starts. */
  public Checkpoint next() {
    return pages.get(pages.size() - 1).next();
  }
}

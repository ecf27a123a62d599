package dev.tributary.core.job;

import dev.tributary.core.connector.BatchResult;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where an import job commits what it read: typically field mapping and identity resolution into
 * the host's profile store. The runtime saves the page's checkpoint only after this returns.
 *
 * @param <T> the record type
 */
@FunctionalInterface
public interface Sink<T> {
  /**
   * Commits {@code records} and says per record whether it was taken: a {@code VALIDATION} failure
   * rejects that record (the import goes on), a {@code TRANSIENT} one is retried, anything else
   * stops the run. Throwing fails the whole page the same way.
   */
  BatchResult commit(List<? extends T> records) throws Exception;

  /** A sink that hands each page to {@code consumer} and counts every record as committed. */
  static <T> Sink<T> of(Consumer<? super List<? extends T>> consumer) {
    return records -> {
      consumer.accept(records);
      return BatchResult.allOk(records.size());
    };
  }
}

package dev.tributary.connectors.internal;

import dev.tributary.core.ErrorClass;
import dev.tributary.core.TributaryException;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.connector.ItemResult;
import dev.tributary.core.identity.IdentityResolver;
import dev.tributary.core.identity.SourceRecord;
import dev.tributary.core.job.Sink;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link Sink} that turns each imported record into a {@link SourceRecord} and resolves it into
 * the host's profile store: a record that cannot be turned or resolved ({@code VALIDATION}, say no
 * identifier) is rejected on its own and the page goes on; other failures fail the page, as the
 * runtime expects. Thread-safe when the conversion is.
 *
 * @param <T> the record type
 */
public final class ResolvingSink<T> implements Sink<T> {
  private final IdentityResolver resolver;
  private final Function<? super T, SourceRecord> convert;

  public ResolvingSink(IdentityResolver resolver, Function<? super T, SourceRecord> convert) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.convert = Objects.requireNonNull(convert, "convert");
  }

  @Override
  public BatchResult commit(List<? extends T> records) {
    List<ItemResult> results = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      try {
        resolver.resolve(convert.apply(records.get(i)));
        results.add(ItemResult.ok(i));
      } catch (TributaryException e) {
        if (e.errorClass() != ErrorClass.VALIDATION) {
          throw e;
        }
        results.add(ItemResult.failed(i, e));
      }
    }
    return new BatchResult(results);
  }
}

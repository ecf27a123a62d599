package dev.tributary.connectors.file;

import dev.tributary.core.ValidationException;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.connector.ItemResult;
import dev.tributary.core.identity.IdentityResolver;
import dev.tributary.core.identity.Resolution;
import dev.tributary.core.job.Sink;
import dev.tributary.core.mapping.FieldMapping;
import dev.tributary.core.mapping.MappedRecord;
import dev.tributary.core.model.Event;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Commits imported rows into profiles: each {@link FileRow} goes through the {@link FieldMapping}
 * (identities, typed user fields) and the {@link IdentityResolver} into the host's profile store;
 * the columns no rule reads become a raw {@link Event} with those fields, for the host's event
 * stream. A row that cannot be read, whose value does not fit its type, or that has no identifier
 * is rejected — a {@code VALIDATION} error naming the file, the line and the field — and the rest
 * of the page is committed.
 *
 * <p>Thread-safe as far as the resolver and the event consumer are; counts outcomes in {@link
 * #stats()}.
 */
public final class RowsToProfiles implements Sink<FileRow> {
  /**
   * What was committed so far.
   *
   * @param created profiles made by a row that matched none
   * @param updated profiles a row matched and updated
   * @param merged rows that joined several profiles into one
   * @param events raw events handed on (rows with unmapped columns)
   */
  public record Stats(long created, long updated, long merged, long events) {}

  private final FieldMapping mapping;
  private final IdentityResolver resolver;
  private final String sourceName;
  private final String eventName;
  private final Consumer<? super Event> events;
  private final Clock clock;
  private final AtomicLong created = new AtomicLong();
  private final AtomicLong updated = new AtomicLong();
  private final AtomicLong merged = new AtomicLong();
  private final AtomicLong eventCount = new AtomicLong();

  private RowsToProfiles(Builder b) {
    this.mapping = b.mapping;
    this.resolver = b.resolver;
    this.sourceName = b.sourceName;
    this.eventName = b.eventName;
    this.events = b.events;
    this.clock = b.clock;
  }

  public static Builder builder(FieldMapping mapping, IdentityResolver resolver) {
    return new Builder(mapping, resolver);
  }

  @Override
  public BatchResult commit(List<? extends FileRow> rows) {
    Instant now = clock.instant();
    List<ItemResult> results = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      FileRow row = rows.get(i);
      try {
        commit(row, now);
        results.add(ItemResult.ok(i));
      } catch (ValidationException e) {
        results.add(ItemResult.failed(i, e));
      }
    }
    return new BatchResult(results);
  }

  private void commit(FileRow row, Instant now) {
    if (row.problem() != null) {
      throw new ValidationException(
          "'" + row.file() + "' " + row.problem(), null, row.line(), null);
    }
    MappedRecord mapped;
    Resolution resolution;
    try {
      mapped = mapping.apply(row.values());
      resolution = resolver.resolve(mapped.toSourceRecord(sourceName, now));
    } catch (ValidationException e) {
      throw new ValidationException(
          "'" + row.file() + "' line " + row.line() + ": " + e.getMessage(),
          e.field().orElse(null),
          row.line(),
          e);
    }
    switch (resolution.outcome()) {
      case CREATED -> created.incrementAndGet();
      case UPDATED -> updated.incrementAndGet();
      case MERGED -> merged.incrementAndGet();
    }
    if (!mapped.unmapped().isEmpty()) {
      events.accept(mapped.toEvent(eventName, now));
      eventCount.incrementAndGet();
    }
  }

  public Stats stats() {
    return new Stats(created.get(), updated.get(), merged.get(), eventCount.get());
  }

  @Override
  public String toString() {
    return "RowsToProfiles[" + mapping + ", source " + sourceName + "]";
  }

  /** Builds {@link RowsToProfiles}. Not thread-safe. */
  public static final class Builder {
    private final FieldMapping mapping;
    private final IdentityResolver resolver;
    private String sourceName = "file";
    private String eventName = "file_row";
    private Consumer<? super Event> events = e -> {};
    private Clock clock = Clock.systemUTC();

    private Builder(FieldMapping mapping, IdentityResolver resolver) {
      this.mapping = Objects.requireNonNull(mapping, "mapping");
      this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** The source name rows carry, for {@code ConflictRule.sourcePriority}. Default: file. */
    public Builder sourceName(String sourceName) {
      this.sourceName = Objects.requireNonNull(sourceName, "sourceName");
      return this;
    }

    /**
     * Where the raw events of unmapped columns go, named {@code eventName} (default {@code
     * file_row}). Default: nowhere — give a consumer to keep them.
     */
    public Builder rawEvents(String eventName, Consumer<? super Event> events) {
      this.eventName = Objects.requireNonNull(eventName, "eventName");
      this.events = Objects.requireNonNull(events, "events");
      return this;
    }

    /** The time of rows whose mapping reads no timestamp. Default: the system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public RowsToProfiles build() {
      return new RowsToProfiles(this);
    }
  }
}

package dev.tributary.connectors.enrichment;

import dev.tributary.core.SystemException;
import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import dev.tributary.core.ValidationException;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.EnrichmentConnector;
import dev.tributary.core.connector.EnrichmentResult;
import dev.tributary.core.connector.ItemResult;
import dev.tributary.core.connector.Page;
import dev.tributary.core.identity.IdentityResolver;
import dev.tributary.core.identity.SourceRecord;
import dev.tributary.core.job.JobTask;
import dev.tributary.core.job.RunContext;
import dev.tributary.core.job.Source;
import dev.tributary.core.model.Profile;
import dev.tributary.core.retry.BatchOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Enriches an audience under the {@code JobRunner}: reads the audience page by page, asks the
 * provider about each batch of users, and merges the fields it returns into their profiles through
 * identity resolution. Run it with {@code Job.custom(id, connector, config, auth, task)}; the
 * runtime gives it retries, the connector's rate limit, checkpoints and progress.
 *
 * <ul>
 *   <li>Each page's checkpoint is committed once every user of the page is merged, not found or
 *       rejected; a restarted run continues from there.
 *   <li>"Queued, ask later" answers are asked again after the hinted delay (the runtime's retry,
 *       whose Retry-After floor is the hint); users still queued after the retries fail the run as
 *       {@code TRANSIENT}, and the next run asks again. Answers received meanwhile are merged
 *       first, and with an {@link EnrichmentCache} in front of the connector are not paid for
 *       twice.
 *   <li>A user the provider cannot look up ({@code VALIDATION}: no identifier, a rejected value) is
 *       reported as rejected; the run goes on.
 *   <li>Progress: items read are users read, items written are users merged; the rest of those read
 *       were not found or rejected.
 * </ul>
 *
 * <p>Immutable; thread-safe as long as the source and resolver are (the runtime never runs two runs
 * of one job at once).
 */
public final class EnrichmentTask implements JobTask {
  private final EnrichmentConnector connector;
  private final Source<Profile> audience;
  private final IdentityResolver resolver;
  private final String sourceName;
  private final int pageSize;

  private EnrichmentTask(Builder b) {
    this.connector = b.connector;
    this.audience = b.audience;
    this.resolver = b.resolver;
    this.sourceName = b.sourceName;
    this.pageSize = b.pageSize;
  }

  /**
   * A task that enriches the profiles {@code audience} pages through, with {@code connector}, into
   * the store behind {@code resolver}.
   */
  public static Builder builder(
      EnrichmentConnector connector, Source<Profile> audience, IdentityResolver resolver) {
    return new Builder(connector, audience, resolver);
  }

  @Override
  public void run(RunContext context) throws Exception {
    Checkpoint from = context.checkpoint().orElse(Checkpoint.initial());
    while (!context.stopRequested()) {
      Checkpoint at = from;
      Page<Profile> page = context.hostRetrier().call(() -> audience.read(at, pageSize));
      context.itemsRead(page.records().size());
      List<Profile> users = page.records();
      int batch = Math.max(1, connector.maxBatchSize());
      for (int start = 0; start < users.size(); start += batch) {
        enrich(context, users.subList(start, Math.min(users.size(), start + batch)));
      }
      if (users.isEmpty() && !page.last() && page.next().equals(from)) {
        throw new SystemException(
            "the audience returned an empty page that does not move past " + from);
      }
      context.commit(page.next());
      from = page.next();
      if (page.last()) {
        return;
      }
    }
  }

  private void enrich(RunContext context, List<Profile> users) throws Exception {
    Map<Profile, Map<String, Object>> found = new IdentityHashMap<>();
    try {
      BatchOutcome<Profile> outcome =
          context.retrier().writeBatch(users, batch -> ask(context, batch, found));
      outcome.rejected().forEach(r -> context.itemRejected(r.item(), r.error()));
    } finally {
      merge(context, found); // answers already in are kept even if the rest gave up
    }
  }

  private BatchResult ask(
      RunContext context, List<Profile> batch, Map<Profile, Map<String, Object>> found) {
    List<Map<String, String>> identities = new ArrayList<>(batch.size());
    batch.forEach(p -> identities.add(p.identities()));
    List<EnrichmentResult> results = connector.enrich(context.connectorContext(), identities);
    if (results.size() != batch.size()) {
      throw new SystemException(
          connector.descriptor().id()
              + " returned "
              + results.size()
              + " results for "
              + batch.size()
              + " users; it must return one per user");
    }
    List<ItemResult> items = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      EnrichmentResult r = results.get(i);
      switch (r.status()) {
        case ENRICHED -> {
          found.put(batch.get(i), r.fields());
          items.add(ItemResult.ok(i));
        }
        case NOT_FOUND -> items.add(ItemResult.ok(i));
        case QUEUED ->
            items.add(
                ItemResult.failed(
                    i,
                    new TransientException(
                        "the provider queued the lookup; asking again", r.retryAfter(), null)));
        case FAILED -> items.add(ItemResult.failed(i, Objects.requireNonNull(r.error())));
      }
    }
    return new BatchResult(items);
  }

  private void merge(RunContext context, Map<Profile, Map<String, Object>> found)
      throws InterruptedException {
    Instant now = context.clock().instant();
    long merged = 0;
    for (Map.Entry<Profile, Map<String, Object>> e : found.entrySet()) {
      SourceRecord record =
          new SourceRecord(e.getKey().identities(), e.getValue(), now, sourceName);
      try {
        context.hostRetrier().call(() -> resolver.resolve(record));
        merged++;
      } catch (ValidationException ex) {
        context.itemRejected(e.getKey(), ex);
      } catch (TributaryException ex) {
        context.itemsWritten(merged);
        throw ex;
      }
    }
    context.itemsWritten(merged);
  }

  @Override
  public String toString() {
    return "EnrichmentTask[" + connector.descriptor().id() + " into source " + sourceName + "]";
  }

  /** Builds an {@link EnrichmentTask}. Not thread-safe. */
  public static final class Builder {
    private final EnrichmentConnector connector;
    private final Source<Profile> audience;
    private final IdentityResolver resolver;
    private String sourceName = "enrichment";
    private int pageSize = 500;

    private Builder(
        EnrichmentConnector connector, Source<Profile> audience, IdentityResolver resolver) {
      this.connector = Objects.requireNonNull(connector, "connector");
      this.audience = Objects.requireNonNull(audience, "audience");
      this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /**
     * The source name merged fields carry, for {@code ConflictRule.sourcePriority}. Default: {@code
     * enrichment}; rank it below first-party sources so that a provider never overwrites what the
     * user told you.
     */
    public Builder sourceName(String sourceName) {
      Objects.requireNonNull(sourceName, "sourceName");
      if (sourceName.isBlank()) {
        throw new IllegalArgumentException("sourceName must not be blank");
      }
      this.sourceName = sourceName;
      return this;
    }

    /**
     * Profiles read from the audience per page, and so per checkpoint; each page is asked about in
     * batches of the connector's {@code maxBatchSize()}. Default: 500.
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1) {
        throw new IllegalArgumentException("pageSize must be at least 1: " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    public EnrichmentTask build() {
      return new EnrichmentTask(this);
    }
  }
}

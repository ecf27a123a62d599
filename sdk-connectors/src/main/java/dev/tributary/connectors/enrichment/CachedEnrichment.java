package dev.tributary.connectors.enrichment;

import dev.tributary.core.SystemException;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.EnrichmentConnector;
import dev.tributary.core.connector.EnrichmentResult;
import dev.tributary.core.connector.RateLimit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** {@link EnrichmentCache#wrap}: asks the provider only about users the cache cannot answer. */
final class CachedEnrichment implements EnrichmentConnector {
  private final EnrichmentConnector delegate;
  private final EnrichmentCache cache;

  CachedEnrichment(EnrichmentConnector delegate, EnrichmentCache cache) {
    this.delegate = delegate;
    this.cache = cache;
  }

  @Override
  public List<EnrichmentResult> enrich(
      ConnectorContext context, List<Map<String, String>> identities) {
    Instant now = context.clock().instant();
    @Nullable EnrichmentResult[] results = new EnrichmentResult[identities.size()];
    List<Integer> misses = new ArrayList<>();
    for (int i = 0; i < identities.size(); i++) {
      Optional<EnrichmentResult> cached = cache.get(identities.get(i), now);
      if (cached.isPresent()) {
        results[i] = reindex(cached.get(), i);
      } else {
        misses.add(i);
      }
    }
    if (!misses.isEmpty()) {
      List<Map<String, String>> asked = new ArrayList<>(misses.size());
      misses.forEach(i -> asked.add(identities.get(i)));
      List<EnrichmentResult> answers = delegate.enrich(context, asked);
      if (answers.size() != asked.size()) {
        throw new SystemException(
            delegate.descriptor().id()
                + " returned "
                + answers.size()
                + " results for "
                + asked.size()
                + " users; it must return one per user");
      }
      for (int k = 0; k < misses.size(); k++) {
        int i = misses.get(k);
        cache.put(identities.get(i), answers.get(k), now);
        results[i] = reindex(answers.get(k), i);
      }
    }
    return List.of(results);
  }

  private static EnrichmentResult reindex(EnrichmentResult r, int index) {
    return new EnrichmentResult(index, r.status(), r.fields(), r.retryAfter(), r.error());
  }

  @Override
  public int maxBatchSize() {
    return delegate.maxBatchSize();
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return delegate.descriptor();
  }

  @Override
  public CheckResult check(ConnectorContext context) {
    return delegate.check(context);
  }

  @Override
  public RateLimit rateLimit(ConnectorConfig config) {
    return delegate.rateLimit(config);
  }

  @Override
  public String toString() {
    return "Cached[" + delegate + ", " + cache + "]";
  }
}

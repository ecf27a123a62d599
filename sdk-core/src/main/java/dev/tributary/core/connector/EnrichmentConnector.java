package dev.tributary.core.connector;

import java.util.List;
import java.util.Map;

/**
 * The enrichment pattern: identifiers of known users go to a provider, more fields come back and
 * are merged into their profiles. Providers that answer "queued, ask later" return {@link
 * EnrichmentResult.Status#QUEUED}; the runtime asks again after the hinted delay.
 */
public interface EnrichmentConnector extends Connector {
  /**
   * Looks up each user.
   *
   * @param identities one map of identifiers per user ({@code email}, {@code phone}, ...)
   * @return one result per user, in order
   */
  List<EnrichmentResult> enrich(ConnectorContext context, List<Map<String, String>> identities);

  /** The most users the provider takes in one call. Default: 1 (one request per user). */
  default int maxBatchSize() {
    return 1;
  }
}

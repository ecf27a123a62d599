package dev.tributary.connectors.enrichment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.connectors.http.HttpRequest;
import dev.tributary.connectors.http.HttpResponse;
import dev.tributary.connectors.http.HttpSettings;
import dev.tributary.connectors.http.HttpTransport;
import dev.tributary.connectors.internal.BatchSizes;
import dev.tributary.connectors.internal.ConfigProblems;
import dev.tributary.connectors.internal.EnrichmentLookups;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.EnrichmentConnector;
import dev.tributary.core.connector.EnrichmentResult;
import dev.tributary.core.connector.RateLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Generic HTTP enrichment: sends the identifiers of known users to a provider and returns the
 * fields it knows, mapped by the {@value #FIELDS} setting. Two request shapes:
 *
 * <ul>
 *   <li>{@link #perUser()}: {@code GET endpoint?email=...} per user; 200 with the person (at
 *       {@value #RESULT_POINTER}) is enriched, 404 or an empty answer is not found, 202 is queued
 *       (ask again after {@code Retry-After}, else {@value #QUEUED_RETRY_AFTER}).
 *   <li>{@link #batched(int)}: {@code POST endpoint} with {@code {"lookups": [{"email": ...},
 *       ...]}}, answered by an array (at {@value #RESULT_POINTER}, default {@code /results}) with
 *       one element per lookup (in order, or by {@code "index"}): {@code "status"} {@code found}
 *       (fields in {@code "data"}, or the element itself), {@code not_found}, {@code queued}
 *       (optional {@code "retry_after"} seconds) or {@code error} ({@code "message"}); a 202 for
 *       the whole request queues every lookup.
 * </ul>
 *
 * A user without any of the {@value #IDENTIFIERS} fails with a {@code VALIDATION} error and is not
 * sent. Rate limits come from the {@code rate_limit_*} settings; retries, the re-asking of queued
 * users, caching ({@link EnrichmentCache}) and merging into profiles ({@link EnrichmentTask}) are
 * layered on top. Immutable and thread-safe.
 */
public final class HttpEnrichmentConnector implements EnrichmentConnector {
  /** What this connector is; listed in {@code ConnectorCatalogue}. */
  public static final ConnectorDescriptor DESCRIPTOR = EnrichmentDescriptor.DESCRIPTOR;

  public static final String IDENTIFIERS = "identifiers";
  public static final String IDENTIFIER_PARAMS = "identifier_params";
  public static final String FIELDS = "fields";
  public static final String RESULT_POINTER = "result_pointer";
  public static final String QUEUED_RETRY_AFTER = "queued_retry_after";

  private final HttpTransport transport;
  private final int maxBatchSize;
  private final boolean batched;

  private HttpEnrichmentConnector(HttpTransport transport, int maxBatchSize, boolean batched) {
    this.transport = transport;
    this.maxBatchSize = maxBatchSize;
    this.batched = batched;
  }

  /** One {@code GET} per user, on a transport of its own. */
  public static HttpEnrichmentConnector perUser() {
    return perUser(HttpTransport.create());
  }

  /** One {@code GET} per user, on {@code transport}. */
  public static HttpEnrichmentConnector perUser(HttpTransport transport) {
    return new HttpEnrichmentConnector(Objects.requireNonNull(transport, "transport"), 1, false);
  }

  /** One {@code POST} per batch of at most {@code maxBatchSize} users. */
  public static HttpEnrichmentConnector batched(int maxBatchSize) {
    return batched(HttpTransport.create(), maxBatchSize);
  }

  /** One {@code POST} per batch of at most {@code maxBatchSize} users, on {@code transport}. */
  public static HttpEnrichmentConnector batched(HttpTransport transport, int maxBatchSize) {
    BatchSizes.atLeastOne(maxBatchSize);
    return new HttpEnrichmentConnector(
        Objects.requireNonNull(transport, "transport"), maxBatchSize, true);
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return EnrichmentDescriptor.DESCRIPTOR;
  }

  @Override
  public int maxBatchSize() {
    return maxBatchSize;
  }

  @Override
  public RateLimit rateLimit(ConnectorConfig config) {
    return HttpSettings.rateLimit(config);
  }

  /**
   * Looks the users up. Throws for failures of the whole call ({@code CONFIG}: a refused
   * credential; and, in batched mode, anything that fails the request); per-user failures, such as
   * a 429 for one user in per-user mode, are {@code FAILED} results.
   */
  @Override
  public List<EnrichmentResult> enrich(
      ConnectorContext context, List<Map<String, String>> identities) {
    EnrichmentSettings s = EnrichmentSettings.of(context.config(), batched ? "/results" : "");
    @Nullable EnrichmentResult[] results = new EnrichmentResult[identities.size()];
    List<Integer> sendable = new ArrayList<>();
    for (int i = 0; i < identities.size(); i++) {
      if (s.lookup(identities.get(i)).isEmpty()) {
        results[i] =
            EnrichmentResult.failed(
                i, EnrichmentLookups.noIdentifier(s.identifiers(), IDENTIFIERS));
      } else {
        sendable.add(i);
      }
    }
    if (batched) {
      BatchLookup.run(transport, context, s, identities, sendable, results);
    } else {
      for (int i : sendable) {
        results[i] = lookupOne(context, s, i, identities.get(i));
      }
    }
    return List.of(results); // every slot is set: List.of would throw on a null
  }

  private EnrichmentResult lookupOne(
      ConnectorContext context, EnrichmentSettings s, int index, Map<String, String> identities) {
    HttpRequest.Builder request = HttpRequest.get(s.endpoint());
    s.lookup(identities).forEach(request::query);
    HttpSettings.withHeaders(request, context.config());
    HttpResponse response = transport.exchange(context, request.build());
    int status = response.status();
    if (status == 202) {
      return EnrichmentResult.queued(index, retryAfter(context, s, response));
    }
    if (status == 404 || status == 204) {
      return EnrichmentResult.notFound(index);
    }
    if (status >= 400) {
      return EnrichmentLookups.failed(index, response);
    }
    return found(index, s, response.json().at(s.resultPointer()));
  }

  static EnrichmentResult found(int index, EnrichmentSettings s, JsonNode person) {
    return EnrichmentLookups.found(index, person, s::map);
  }

  static Duration retryAfter(ConnectorContext context, EnrichmentSettings s, HttpResponse r) {
    return EnrichmentLookups.retryAfter(r, context.clock(), s.queuedRetryAfter());
  }

  /**
   * Checks the settings and the authorization (an OAuth token; a GET of {@value
   * HttpSettings#CHECK_URL} when set). Looks nobody up.
   */
  @Override
  public CheckResult check(ConnectorContext context) {
    List<CheckResult.Problem> problems = new ArrayList<>();
    ConfigProblems.collect(
        problems, IDENTIFIERS, () -> EnrichmentSettings.of(context.config(), ""));
    return HttpSettings.check(this, transport, context, problems);
  }

  @Override
  public String toString() {
    return "HttpEnrichmentConnector[" + (batched ? "batched " + maxBatchSize : "per user") + "]";
  }
}

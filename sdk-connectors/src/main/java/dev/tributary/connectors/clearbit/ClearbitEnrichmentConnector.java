package dev.tributary.connectors.clearbit;

import dev.tributary.connectors.enrichment.HttpEnrichmentConnector;
import dev.tributary.connectors.http.HttpError;
import dev.tributary.connectors.http.HttpSettings;
import dev.tributary.connectors.http.HttpTransport;
import dev.tributary.connectors.internal.ConfigProblems;
import dev.tributary.core.ConfigException;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.EnrichmentConnector;
import dev.tributary.core.connector.EnrichmentResult;
import dev.tributary.core.connector.RateLimit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Clearbit Enrichment: looks known users up by e-mail ({@code combined}, the default: the person
 * and their company in one call; or {@code person}) or their company by a {@code domain} identity
 * ({@code company}), and maps the answer to user fields ({@link #FIELDS}, or a default mapping per
 * lookup). The secret key is a {@code BearerToken}, sent as {@code Authorization: Bearer}, which
 * Clearbit documents alongside basic authentication with the key as user name (this SDK keeps user
 * names out of secrets, so it sends the bearer form).
 *
 * <p>Built on {@link HttpEnrichmentConnector#perUser}: 200 is found; 404 (and an answer with
 * nothing mapped, as for a personal e-mail's company) not found; <b>202 queued</b> — Clearbit is
 * looking the record up — asked again after {@code Retry-After}, else {@value #QUEUED_RETRY_AFTER}
 * (Clearbit advises "a few minutes"); 422 (an invalid e-mail or domain) a {@code VALIDATION}
 * failure of that user; 401 and 402 (over quota) {@code CONFIG} errors that stop the run; 429 and
 * 5xx {@code TRANSIENT}. The rate limit defaults to 600 requests a minute, the limit Clearbit
 * documented for its Enrichment API; lookups are counted per unique record and billing period, so
 * an {@code EnrichmentCache} in front saves little money but many requests.
 *
 * <p>Clearbit is now part of HubSpot and its standalone APIs are offered to existing customers
 * only; the endpoints and shapes here follow Clearbit's v2 documentation. One request per user.
 * Immutable and thread-safe.
 */
public final class ClearbitEnrichmentConnector implements EnrichmentConnector {
  /** What this connector is, does and needs; the user guide's catalogue is built from it. */
  public static final ConnectorDescriptor DESCRIPTOR = ClearbitDescriptor.DESCRIPTOR;

  public static final String LOOKUP = "lookup";
  public static final String API_URL = "api_url";
  public static final String FIELDS = "fields";
  public static final String QUEUED_RETRY_AFTER = "queued_retry_after";

  private final HttpTransport transport;
  private final HttpEnrichmentConnector lookups;

  private ClearbitEnrichmentConnector(HttpTransport transport) {
    this.transport = transport;
    // 402 is Clearbit's "over quota": stop and tell the user rather than reject the user
    this.lookups =
        HttpEnrichmentConnector.perUser(
            transport.withStatusPolicy(transport.statusPolicy().with(402, ErrorClass.CONFIG)));
  }

  /** A connector on a transport of its own. */
  public static ClearbitEnrichmentConnector create() {
    return create(HttpTransport.create());
  }

  /** A connector on {@code transport}. */
  public static ClearbitEnrichmentConnector create(HttpTransport transport) {
    return new ClearbitEnrichmentConnector(Objects.requireNonNull(transport, "transport"));
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public int maxBatchSize() {
    return 1;
  }

  @Override
  public RateLimit rateLimit(ConnectorConfig config) {
    return HttpSettings.rateLimit(config);
  }

  /**
   * Looks each user up. Throws {@code CONFIG} for a refused key or an account over its quota;
   * anything else is the user's own result.
   */
  @Override
  public List<EnrichmentResult> enrich(
      ConnectorContext context, List<Map<String, String>> identities) {
    ClearbitSettings s = ClearbitSettings.of(context.config(), lookups.descriptor());
    ConnectorContext inner =
        new ConnectorContext(
            s.generic(), context.authorization(), context.clock(), context.reporter());
    try {
      return lookups.enrich(inner, identities);
    } catch (ConfigException e) {
      throw explained(e);
    }
  }

  private static ConfigException explained(ConfigException e) {
    if (e instanceof HttpError h && h.status() == 402) {
      return new ConfigException(
          "authorization",
          "Clearbit answered 402 to "
              + h.request()
              + ": the account is over its lookup quota; raise the plan's quota or wait for the"
              + " next billing period",
          e);
    }
    return e;
  }

  /** Checks the settings and the kind of credential; looks nobody up. */
  @Override
  public CheckResult check(ConnectorContext context) {
    List<CheckResult.Problem> problems = new ArrayList<>();
    ConfigProblems.collect(
        problems, LOOKUP, () -> ClearbitSettings.of(context.config(), lookups.descriptor()));
    return HttpSettings.check(this, transport, context, problems);
  }

  @Override
  public String toString() {
    return "ClearbitEnrichmentConnector[" + transport + "]";
  }
}

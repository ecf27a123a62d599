package dev.tributary.connectors.rest;

import dev.tributary.connectors.http.HttpRequest;
import dev.tributary.connectors.http.HttpResponse;
import dev.tributary.connectors.http.HttpSettings;
import dev.tributary.connectors.http.HttpTransport;
import dev.tributary.connectors.internal.BatchSizes;
import dev.tributary.connectors.internal.json.JsonPath;
import dev.tributary.core.ConfigException;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConfigField;
import dev.tributary.core.connector.ConfigFieldType;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.ExportConnector;
import dev.tributary.core.connector.FieldSpec;
import dev.tributary.core.connector.Frequency;
import dev.tributary.core.connector.IntegrationPattern;
import dev.tributary.core.connector.IntegrationType;
import dev.tributary.core.connector.RateLimit;
import dev.tributary.core.connector.ResultingData;
import dev.tributary.core.connector.Technique;
import dev.tributary.core.model.AudienceChange;
import dev.tributary.core.model.Profile;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * REST export: sends profiles (a scheduled or one-time {@code Job.exporting}) or audience changes
 * (a {@code TriggeredJob}, with optional backfill) in JSON batches to a configurable endpoint, with
 * any HTTP authorization, and reports per-item results where the API gives them.
 *
 * <p>The body is {@code {"items": [...]}} (see the user guide for the JSON of a profile and of a
 * change), or what the {@value #BODY_TEMPLATE} renders. Each call makes one request; batching,
 * retries, rate limits ({@code rate_limit_*} settings) and checkpoints are the runtime's. A batch
 * the API rejects whole as bad ({@code 400}, {@code 422}) without naming items is split by the
 * runtime to isolate the bad items.
 *
 * <p>Immutable and thread-safe; one instance serves any number of jobs.
 *
 * @param <T> {@link Profile} or {@link AudienceChange}
 */
public final class RestExportConnector<T> implements ExportConnector<T> {
  /** The REST export of profiles; listed in {@code ConnectorCatalogue}. */
  public static final ConnectorDescriptor DESCRIPTOR_PROFILES = Descriptors.PROFILES;

  /** The REST export of audience changes; listed in {@code ConnectorCatalogue}. */
  public static final ConnectorDescriptor DESCRIPTOR_CHANGES = Descriptors.CHANGES;

  public static final String METHOD = "method";
  public static final String FIELDS = "fields";
  public static final String BODY_TEMPLATE = "body_template";
  public static final String RESULTS_POINTER = "results_pointer";
  public static final String GZIP = "gzip";

  private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH");

  private final ConnectorDescriptor descriptor;
  private final HttpTransport transport;
  private final int maxBatchSize;
  private final ItemResultsReader results;

  private RestExportConnector(Builder<T> b) {
    this.descriptor = b.descriptor;
    this.transport = b.transport != null ? b.transport : HttpTransport.create();
    this.maxBatchSize = b.maxBatchSize;
    this.results = b.results;
  }

  /** A REST export of profiles, for {@code Job.exporting}. */
  public static Builder<Profile> profiles() {
    return new Builder<>(Descriptors.PROFILES);
  }

  /** A REST export of audience changes, for a {@code TriggeredJob}. */
  public static Builder<AudienceChange> audienceChanges() {
    return new Builder<>(Descriptors.CHANGES);
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public int maxBatchSize() {
    return maxBatchSize;
  }

  @Override
  public RateLimit rateLimit(ConnectorConfig config) {
    return HttpSettings.rateLimit(config);
  }

  @Override
  public BatchResult write(ConnectorContext context, List<T> batch) {
    if (batch.isEmpty()) {
      return BatchResult.allOk(0);
    }
    ConnectorConfig config = context.config();
    HttpRequest request = request(config, batch, context.clock());
    HttpResponse response = transport.exchange(context, request);
    if (response.isSuccessful() || perItemAnswer(response)) {
      Optional<BatchResult> perItem = results.read(config, response, batch.size());
      if (perItem.isPresent()) {
        return perItem.get();
      }
    }
    if (response.status() >= 400) {
      throw response.toException();
    }
    return BatchResult.allOk(batch.size());
  }

  private static boolean perItemAnswer(HttpResponse response) {
    return response.status() >= 400
        && response.status() <= 599
        && response.statusPolicy().classify(response.status()) == ErrorClass.VALIDATION;
  }

  private HttpRequest request(ConnectorConfig config, List<T> batch, Clock clock) {
    List<String> fields = config.list(FIELDS);
    List<Object> items = new ArrayList<>(batch.size());
    for (T item : batch) {
      items.add(ItemJson.of(item, fields));
    }
    HttpRequest.Builder request =
        HttpRequest.builder(method(config), HttpSettings.endpoint(config)).gzip(config.bool(GZIP));
    HttpSettings.withHeaders(request, config);
    Bodies.write(config, items, clock, transport.objectMapper(), request);
    return request.build();
  }

  static String method(ConnectorConfig config) {
    String method = config.string(METHOD).strip().toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw new ConfigException(
          METHOD, "\"method\" must be POST, PUT or PATCH, not " + config.string(METHOD), null);
    }
    return method;
  }

  /**
   * Checks the settings (endpoint, method, headers, rate limit, results pointer, body template
   * against a sample batch) and the authorization: an OAuth token is fetched, and {@value
   * HttpSettings#CHECK_URL} is read when set. Sends no data.
   */
  @Override
  public CheckResult check(ConnectorContext context) {
    List<CheckResult.Problem> problems = new ArrayList<>();
    ConnectorConfig config = context.config();
    try {
      method(config);
    } catch (ConfigException e) {
      problems.add(new CheckResult.Problem(METHOD, e.getMessage()));
    }
    String pointer = config.optionalString(RESULTS_POINTER).orElse("");
    if (!JsonPath.isPointer(pointer)) {
      problems.add(
          new CheckResult.Problem(
              RESULTS_POINTER, "\"results_pointer\" must be a JSON pointer such as /results"));
    }
    Bodies.check(config, descriptor == Descriptors.CHANGES, transport.objectMapper())
        .ifPresent(problems::add);
    return HttpSettings.check(this, transport, context, problems);
  }

  @Override
  public String toString() {
    return "RestExportConnector[" + descriptor.id() + ", maxBatchSize=" + maxBatchSize + "]";
  }

  /** Builds a {@link RestExportConnector}. Not thread-safe. */
  public static final class Builder<T> {
    private final ConnectorDescriptor descriptor;
    private @Nullable HttpTransport transport;
    private int maxBatchSize = 100;
    private ItemResultsReader results = ItemResultsReader.standard();

    private Builder(ConnectorDescriptor descriptor) {
      this.descriptor = descriptor;
    }

    /**
     * The HTTP layer (client, {@code ObjectMapper}, status policy, token cache). Default: a
     * transport of the connector's own on the shared default client; share one between connectors
     * that call the same provider.
     */
    public Builder<T> transport(HttpTransport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    /**
     * The most items the API takes per request; jobs and triggers send smaller batches if they ask
     * for them. Default: 100, which most batch APIs accept.
     */
    public Builder<T> maxBatchSize(int maxBatchSize) {
      this.maxBatchSize = BatchSizes.atLeastOne(maxBatchSize);
      return this;
    }

    /** How per-item outcomes are read. Default: {@link ItemResultsReader#standard()}. */
    public Builder<T> itemResults(ItemResultsReader reader) {
      this.results = Objects.requireNonNull(reader, "reader");
      return this;
    }

    public RestExportConnector<T> build() {
      return new RestExportConnector<>(this);
    }
  }

  /** The two descriptors: one per item type. */
  static final class Descriptors {
    static final ConnectorDescriptor PROFILES =
        base("rest-export", "REST export")
            .description(
                "Sends profiles in JSON batches to a REST endpoint: once, on a cadence or at a"
                    + " time of day. Any HTTP authorization, rate limits, per-item results.")
            .frequencies(Frequency.ONE_TIME, Frequency.CONTINUOUS, Frequency.SCHEDULED)
            .techniques(Technique.REST_API)
            .build();
    static final ConnectorDescriptor CHANGES =
        base("rest-audience-export", "REST audience export")
            .description(
                "Sends audience enter/exit (and watched field) changes in JSON batches to a REST"
                    + " endpoint as they happen, micro-batched for rate limits, after an optional"
                    + " backfill of the whole audience.")
            .frequencies(Frequency.NEAR_REAL_TIME, Frequency.BACKFILL)
            .techniques(Technique.REST_API, Technique.AUDIENCE_TRIGGER)
            .build();

    private Descriptors() {}

    private static ConnectorDescriptor.Builder base(String id, String name) {
      ConnectorDescriptor.Builder b =
          ConnectorDescriptor.builder(id)
              .name(name)
              .type(IntegrationType.SERVER_TO_SERVER)
              .patterns(IntegrationPattern.EXPORT)
              .resultingData(ResultingData.USER_FIELDS)
              .field(FieldSpec.reads("identities", "Every identity of the profile."))
              .field(FieldSpec.reads("user fields", "Those named in \"fields\", or all of them."))
              .config(HttpSettings.endpoint("The URL batches are sent to."))
              .config(
                  ConfigField.optional(
                      METHOD, ConfigFieldType.STRING, "POST, PUT or PATCH.", "POST"))
              .config(HttpSettings.headers())
              .config(
                  ConfigField.optional(
                      FIELDS,
                      ConfigFieldType.LIST,
                      "The user fields to send; empty sends every field.",
                      null))
              .config(Bodies.templateField())
              .config(
                  ConfigField.optional(
                      RESULTS_POINTER,
                      ConfigFieldType.STRING,
                      "JSON pointer to the per-item results array in the API's answer, such as"
                          + " /results; unset when the API answers for the batch as a whole.",
                      null))
              .config(
                  ConfigField.optional(
                      GZIP, ConfigFieldType.BOOLEAN, "Compress request bodies with gzip.", "false"))
              .config(HttpSettings.checkUrl());
      HttpSettings.rateLimit().forEach(b::config);
      return HttpSettings.acceptHttpAuthorizations(b);
    }
  }
}

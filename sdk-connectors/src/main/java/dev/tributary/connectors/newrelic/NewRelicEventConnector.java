package dev.tributary.connectors.newrelic;

import dev.tributary.connectors.http.HttpRequest;
import dev.tributary.connectors.http.HttpResponse;
import dev.tributary.connectors.http.HttpSettings;
import dev.tributary.connectors.http.HttpTransport;
import dev.tributary.connectors.internal.BatchSizes;
import dev.tributary.connectors.internal.ConfigProblems;
import dev.tributary.connectors.internal.SplitRequests;
import dev.tributary.connectors.internal.json.JsonCodec;
import dev.tributary.connectors.metrics.Telemetry;
import dev.tributary.core.ConfigException;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.TributaryException;
import dev.tributary.core.ValidationException;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.ExportConnector;
import dev.tributary.core.connector.RateLimit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * New Relic Event API ({@code POST
 * https://insights-collector.newrelic.com/v1/accounts/{id}/events}, or the EU or FedRAMP
 * collector): sends {@link Telemetry} — run metrics and monitoring events from a {@code
 * MetricsReporter}, or the host's own — as custom events, a JSON array gzipped as New Relic asks.
 * Metrics become events of type {@value #METRIC_EVENT_TYPE}'s value ({@code TributaryMetric}:
 * {@code metricName}, {@code value}, {@code unit}, the dimensions), monitoring events of type
 * {@value #EVENT_EVENT_TYPE}'s value ({@code TributaryEvent}: {@code type}, {@code severity},
 * {@code message}, the attributes); every event has {@code timestamp} (ms) and {@code source}.
 *
 * <p>Limits, as documented: a POST carries at most 1 MB (10^6 bytes) gzipped — a larger batch is
 * split into several POSTs within one call, each item's result its own POST's; events keep to 255
 * attributes, 255-character names and 4096-character values (longer values are cut; an event that
 * cannot fit is refused alone). New Relic answers 200 before it parses a payload and drops bad
 * events later (visible as {@code NrIntegrationError}), so these checks happen here.
 *
 * <p>Answers: 200 sent; 403 {@code CONFIG} (a wrong or wrong-kind key); 408, 429, 503 {@code
 * TRANSIENT} — that POST and those not yet sent are retried by the runtime, the ones sent before
 * are not; 400 and 413 split the POST further, down to the one event New Relic will not take. The
 * rate limit defaults to New Relic's 100,000 POSTs a minute per account. Immutable and thread-safe.
 */
public final class NewRelicEventConnector implements ExportConnector<Telemetry> {
  /** What this connector is, does and needs; the user guide's catalogue is built from it. */
  public static final ConnectorDescriptor DESCRIPTOR = NewRelicDescriptor.DESCRIPTOR;

  public static final String ACCOUNT_ID = "account_id";
  public static final String REGION = "region";
  public static final String API_URL = "api_url";
  public static final String METRIC_EVENT_TYPE = "metric_event_type";
  public static final String EVENT_EVENT_TYPE = "event_type";
  public static final String SOURCE = "source";

  private static final Logger log = LoggerFactory.getLogger(NewRelicEventConnector.class);

  private final HttpTransport transport;
  private final int maxBatchSize;

  private NewRelicEventConnector(HttpTransport transport, int maxBatchSize) {
    this.transport = transport;
    this.maxBatchSize = maxBatchSize;
  }

  /** At most 1,000 items per call, on a transport of its own. */
  public static NewRelicEventConnector create() {
    return create(HttpTransport.create(), 1000);
  }

  /**
   * At most {@code maxBatchSize} items per call on {@code transport}; a call sends as many POSTs as
   * the 1 MB limit needs.
   */
  public static NewRelicEventConnector create(HttpTransport transport, int maxBatchSize) {
    BatchSizes.atLeastOne(maxBatchSize);
    return new NewRelicEventConnector(Objects.requireNonNull(transport, "transport"), maxBatchSize);
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
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
  public BatchResult write(ConnectorContext context, List<Telemetry> batch) {
    NewRelicSettings.checkKey(context.authorization());
    NewRelicSettings s = NewRelicSettings.of(context.config());
    Instant now = context.clock().instant();
    List<byte[]> events = new ArrayList<>(Arrays.asList(new byte[batch.size()][]));
    List<Integer> sendable = new ArrayList<>();
    Map<Integer, TributaryException> unsent = new LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      try {
        events.set(i, json(NewRelicEvents.of(batch.get(i), s.types(), now)));
        sendable.add(i);
      } catch (ValidationException e) {
        unsent.put(i, e);
      }
    }
    return SplitRequests.send(
        batch.size(),
        unsent,
        GzipChunks.split(sendable, events, GzipChunks.MAX_GZIPPED_BYTES),
        items -> post(context, s, items, events));
  }

  private byte[] json(Object event) {
    return JsonCodec.writeWith(transport.objectMapper(), event, "the event");
  }

  /** Sends one POST of {@code items}; New Relic reports no per-event failures. */
  private Map<Integer, TributaryException> post(
      ConnectorContext context, NewRelicSettings s, List<Integer> items, List<byte[]> events) {
    byte[] body = GzipChunks.array(items, events);
    if (items.size() == 1 && !GzipChunks.fits(body, GzipChunks.MAX_GZIPPED_BYTES)) {
      throw new ValidationException("the event is larger than New Relic's 1 MB gzipped payload");
    }
    HttpRequest.Builder request =
        HttpRequest.post(s.eventsUrl()).body(body, "application/json").gzip(true);
    HttpSettings.withHeaders(request, context.config());
    HttpResponse response = transport.exchange(context, request.build());
    if (response.isSuccessful()) {
      log.debug(
          "New Relic took {} events (request {})", items.size(), response.json().path("uuid"));
      return Map.of();
    }
    TributaryException e = response.status() >= 400 ? response.toException() : unexpected(response);
    throw e.errorClass() == ErrorClass.CONFIG ? refused(response, e) : e;
  }

  private static TributaryException unexpected(HttpResponse response) {
    return new ValidationException(
        "New Relic answered HTTP " + response.status() + " to " + response.request());
  }

  private static ConfigException refused(HttpResponse response, TributaryException e) {
    return new ConfigException(
        "authorization",
        "New Relic refused the key (HTTP "
            + response.status()
            + " from "
            + response.request()
            + "): use a license key of this account in Api-Key, or an insert key in"
            + " X-Insert-Key; browser, mobile and user keys do not work",
        e);
  }

  /** Checks the settings and the key's kind and header; sends nothing. */
  @Override
  public CheckResult check(ConnectorContext context) {
    List<CheckResult.Problem> problems = new ArrayList<>();
    ConfigProblems.collect(problems, ACCOUNT_ID, () -> NewRelicSettings.of(context.config()));
    if (descriptor().accepts(context.authorization())) {
      try {
        NewRelicSettings.checkKey(context.authorization());
      } catch (ConfigException e) {
        problems.add(new CheckResult.Problem("authorization", e.getMessage()));
      }
    }
    return HttpSettings.check(this, transport, context, problems);
  }

  @Override
  public String toString() {
    return "NewRelicEventConnector[maxBatchSize=" + maxBatchSize + "]";
  }
}

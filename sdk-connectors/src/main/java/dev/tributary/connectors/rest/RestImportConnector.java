package dev.tributary.connectors.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.connectors.http.HttpRequest;
import dev.tributary.connectors.http.HttpResponse;
import dev.tributary.connectors.http.HttpSettings;
import dev.tributary.connectors.http.HttpTransport;
import dev.tributary.connectors.internal.ConfigProblems;
import dev.tributary.connectors.internal.json.JsonCodec;
import dev.tributary.connectors.rest.ImportSettings.Pagination;
import dev.tributary.core.ConfigException;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.TributaryException;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.ImportConnector;
import dev.tributary.core.connector.Page;
import dev.tributary.core.connector.RateLimit;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * REST import: pages through a JSON API and returns each record as a map, for the host's sink to
 * map ({@code FieldMapping}) and resolve into profiles. Pages follow the API's way of paging —
 * {@code offset}, {@code page_token}, {@code cursor} (the last record's key, Stripe's {@code
 * starting_after}), RFC 8288 {@code link} headers, or {@code none} — and the import is incremental
 * when the records carry a change cursor ({@value #INCREMENTAL_FIELD}, such as {@code updated_at})
 * that the API filters by ({@value #INCREMENTAL_PARAM}, inclusive, sorted ascending).
 *
 * <p>Checkpoints follow the runtime's cursor-boundary rule: a page's checkpoint holds the highest
 * change cursor committed and the keys of the records committed at exactly that value; the next
 * pass asks from that value and skips those keys, so records sharing the boundary value are neither
 * lost nor repeated. Within a pass the checkpoint also holds the continuation, so a restarted job
 * goes on from the last committed page; if the API no longer takes that continuation (4xx: an
 * expired token), the pass starts again from its beginning — some records arrive twice, none is
 * lost. Without an incremental field, each run reads everything (cursor paging continues after the
 * last key instead). A cadence is the job's {@code Schedule}: {@code Job.importing(...).schedule(
 * Schedule.parse("every 15m"))}.
 *
 * <p>Immutable and thread-safe.
 */
public final class RestImportConnector implements ImportConnector<Map<String, @Nullable Object>> {
  /** What this connector is; listed in {@code ConnectorCatalogue}. */
  public static final ConnectorDescriptor DESCRIPTOR = ImportDescriptor.DESCRIPTOR;

  public static final String PAGINATION = "pagination";
  public static final String RECORDS_POINTER = "records_pointer";
  public static final String PAGE_SIZE = "page_size";
  public static final String PAGE_SIZE_PARAM = "page_size_param";
  public static final String OFFSET_PARAM = "offset_param";
  public static final String TOKEN_PARAM = "token_param";
  public static final String NEXT_TOKEN_POINTER = "next_token_pointer";
  public static final String CURSOR_PARAM = "cursor_param";
  public static final String HAS_MORE_POINTER = "has_more_pointer";
  public static final String KEY_FIELD = "key_field";
  public static final String INCREMENTAL_FIELD = "incremental_field";
  public static final String INCREMENTAL_PARAM = "incremental_param";

  private static final Logger log = LoggerFactory.getLogger(RestImportConnector.class);

  private final HttpTransport transport;

  private RestImportConnector(HttpTransport transport) {
    this.transport = transport;
  }

  /** An import on a transport of its own. */
  public static RestImportConnector create() {
    return new RestImportConnector(HttpTransport.create());
  }

  /** An import on {@code transport} (shared client, {@code ObjectMapper} and token cache). */
  public static RestImportConnector create(HttpTransport transport) {
    return new RestImportConnector(Objects.requireNonNull(transport, "transport"));
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return ImportDescriptor.DESCRIPTOR;
  }

  @Override
  public RateLimit rateLimit(ConnectorConfig config) {
    return HttpSettings.rateLimit(config);
  }

  @Override
  public Page<Map<String, @Nullable Object>> read(ConnectorContext context, Checkpoint from) {
    ImportSettings s = ImportSettings.of(context.config());
    ImportPosition pos = ImportPosition.decode(from.cursor(), transport.objectMapper());
    HttpResponse response;
    try {
      response = fetch(context, s, pos);
    } catch (TributaryException e) {
      if (pos.next() == null || pos.restarted() || e.errorClass() != ErrorClass.VALIDATION) {
        throw e; // a pass started again once and refused again is not a stale token
      }
      log.debug(
          "the API refused the saved continuation ({}); the pass starts again", e.getMessage());
      pos = pos.restart();
      response = fetch(context, s, pos);
    }
    return page(s, pos, from.seenAtCursor(), response);
  }

  private HttpResponse fetch(ConnectorContext context, ImportSettings s, ImportPosition pos) {
    HttpRequest.Builder request;
    if (s.pagination() == Pagination.LINK && pos.next() != null) {
      request = HttpRequest.get(sameOrigin(s.endpoint(), URI.create(pos.next())));
    } else {
      request = HttpRequest.get(s.endpoint());
      if (s.pageSizeParam() != null) {
        request.query(s.pageSizeParam(), Long.toString(s.pageSize()));
      }
      if (s.incrementalParam() != null && pos.since() != null) {
        request.query(s.incrementalParam(), pos.since());
      }
      String next = pos.next();
      if (next != null) {
        switch (s.pagination()) {
          case OFFSET -> request.query(s.offsetParam(), next);
          case PAGE_TOKEN -> request.query(s.tokenParam(), next);
          case CURSOR -> request.query(s.cursorParam(), next);
          case NONE, LINK -> {}
        }
      }
    }
    HttpSettings.withHeaders(request, context.config());
    return transport.execute(context, request.build());
  }

  private Page<Map<String, @Nullable Object>> page(
      ImportSettings s, ImportPosition pos, Set<String> seen, HttpResponse response) {
    JsonNode records = response.json().at(s.recordsPointer());
    if (!records.isArray()) {
      throw new ConfigException(
          RECORDS_POINTER,
          "\"records_pointer\" "
              + (s.recordsPointer().isEmpty() ? "(the whole body)" : s.recordsPointer())
              + " is not an array in the response to "
              + response.request(),
          null);
    }
    List<Map<String, @Nullable Object>> out = new ArrayList<>(records.size());
    Boundary boundary = new Boundary(pos.high(), seen);
    for (JsonNode record : records) {
      String key = text(record, s.keyField());
      String value = s.incremental() ? text(record, s.incrementalField()) : null;
      if (!boundary.committed(value, key)) {
        out.add(JsonCodec.objectOrWrapped(record));
        boundary.read(value, key);
      }
    }
    String high = boundary.high();
    String next = Continuations.next(s, pos, records, response);
    ImportPosition after =
        next != null
            ? pos.withNext(next, high)
            : new ImportPosition(
                s.incremental() ? high : null,
                Continuations.keepAfterLastPage(s, pos, records),
                high);
    Set<String> keys = s.incremental() ? boundary.seenAtHigh() : Set.of();
    return new Page<>(
        out, new Checkpoint(after.encode(transport.objectMapper()), keys), next == null);
  }

  static @Nullable String text(JsonNode record, String field) {
    JsonNode node = field.startsWith("/") ? record.at(field) : record.path(field);
    return node.isValueNode() && !node.isNull() ? node.asText() : null;
  }

  private static URI sameOrigin(URI endpoint, URI next) {
    if (!Objects.equals(endpoint.getScheme(), next.getScheme())
        || !Objects.equals(endpoint.getHost(), next.getHost())
        || endpoint.getPort() != next.getPort()) {
      throw new ConfigException(
          "endpoint",
          "the API's Link to the next page leaves "
              + endpoint.getScheme()
              + "://"
              + endpoint.getHost()
              + "; it is not followed, so the credential is not sent elsewhere",
          null);
    }
    return next;
  }

  /**
   * Checks the settings and the authorization, then reads the first page (committing nothing) to
   * prove that the endpoint answers with records where {@value #RECORDS_POINTER} says.
   */
  @Override
  public CheckResult check(ConnectorContext context) {
    List<CheckResult.Problem> problems = new ArrayList<>();
    ConfigProblems.collect(problems, PAGINATION, () -> ImportSettings.of(context.config()));
    CheckResult settings = HttpSettings.check(this, transport, context, problems);
    if (!settings.isOk()) {
      return settings;
    }
    try {
      read(context, Checkpoint.initial());
      return CheckResult.ok();
    } catch (TributaryException e) {
      String setting =
          e instanceof ConfigException c
              ? c.setting().orElse(HttpSettings.ENDPOINT)
              : HttpSettings.ENDPOINT;
      return CheckResult.problem(setting, e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "RestImportConnector";
  }
}

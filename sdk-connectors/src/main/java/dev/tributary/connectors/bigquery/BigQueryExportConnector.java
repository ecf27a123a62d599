package dev.tributary.connectors.bigquery;

import dev.tributary.connectors.http.HttpRequest;
import dev.tributary.connectors.http.HttpResponse;
import dev.tributary.connectors.http.HttpSettings;
import dev.tributary.connectors.http.HttpTransport;
import dev.tributary.connectors.internal.ConfigProblems;
import dev.tributary.connectors.internal.SplitRequests;
import dev.tributary.connectors.internal.json.JsonCodec;
import dev.tributary.core.ConfigException;
import dev.tributary.core.TributaryException;
import dev.tributary.core.ValidationException;
import dev.tributary.core.connector.BatchResult;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.ExportConnector;
import dev.tributary.core.connector.RateLimit;
import dev.tributary.core.model.Event;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Google BigQuery streaming inserts ({@code POST
 * https://bigquery.googleapis.com/bigquery/v2/projects/{p}/datasets/{d}/tables/{t}/insertAll}):
 * writes raw {@link Event}s into an existing table, one row per event in the chosen {@link
 * #LAYOUT}, each with an {@code insertId} so that BigQuery can drop a row sent twice (best effort).
 *
 * <p>Per-row errors ({@code insertErrors}) are per-item results: rows BigQuery could not take
 * ({@code invalid}) are rejected, rows it did not insert for a reason that may pass ({@code
 * stopped} because another row was invalid, {@code timeout}, {@code backendError}, ...) are retried
 * by the runtime alone. Requests keep to BigQuery's documented limits — 10 MB per request and per
 * row, 50,000 rows (500 recommended, the default batch) — and a batch that would exceed them is
 * sent as several requests in one call, each row's result its own request's. A 400 or 413 for a
 * whole request splits it until the row BigQuery refuses is rejected alone.
 *
 * <p>Authorization: a service account's key ({@link GoogleServiceAccount#fromJson}, the OAuth 2 JWT
 * bearer grant), a bearer access token obtained elsewhere, or an OAuth 2 refresh token. 401 after a
 * fresh token and 403 are {@code CONFIG}, except a 403 {@code rateLimitExceeded} or {@code
 * quotaExceeded}, which is {@code TRANSIENT}; 404 (no such table) is {@code CONFIG}. Immutable and
 * thread-safe.
 */
public final class BigQueryExportConnector implements ExportConnector<Event> {
  /** What this connector is, does and needs; the user guide's catalogue is built from it. */
  public static final ConnectorDescriptor DESCRIPTOR = BigQueryDescriptor.DESCRIPTOR;

  public static final String PROJECT_ID = "project_id";
  public static final String DATASET_ID = "dataset_id";
  public static final String TABLE_ID = "table_id";
  public static final String API_URL = "api_url";
  public static final String LAYOUT = "layout";
  public static final String INSERT_ID_FIELD = "insert_id_field";
  public static final String SKIP_INVALID_ROWS = "skip_invalid_rows";
  public static final String IGNORE_UNKNOWN_VALUES = "ignore_unknown_values";
  public static final String TEMPLATE_SUFFIX = "template_suffix";

  /** BigQuery's HTTP request size limit (10 MB), which also bounds a row. */
  static final int MAX_REQUEST_BYTES = 10_000_000;

  /** BigQuery's maximum rows per request. */
  static final int MAX_ROWS = 50_000;

  private final HttpTransport transport;
  private final int maxBatchSize;

  private BigQueryExportConnector(HttpTransport transport, int maxBatchSize) {
    this.transport = transport;
    this.maxBatchSize = maxBatchSize;
  }

  /** At most 500 rows per call (Google's recommendation), on a transport of its own. */
  public static BigQueryExportConnector create() {
    return create(HttpTransport.create(), 500);
  }

  /**
   * At most {@code maxBatchSize} rows per call (1 to 50,000) on {@code transport}; rows beyond 10
   * MB go in further requests of the same call.
   */
  public static BigQueryExportConnector create(HttpTransport transport, int maxBatchSize) {
    if (maxBatchSize < 1 || maxBatchSize > MAX_ROWS) {
      throw new IllegalArgumentException(
          "maxBatchSize must be 1 to " + MAX_ROWS + " (BigQuery's limit): " + maxBatchSize);
    }
    return new BigQueryExportConnector(
        Objects.requireNonNull(transport, "transport"), maxBatchSize);
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
  public BatchResult write(ConnectorContext context, List<Event> batch) {
    BigQuerySettings s = BigQuerySettings.of(context.config());
    List<byte @Nullable []> rows = new ArrayList<>(batch.size());
    Map<Integer, TributaryException> unsent = new LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      rows.add(null);
      try {
        byte[] row = json(BigQueryRows.row(batch.get(i), s));
        if (row.length > InsertAllBody.MAX_ROW_BYTES) {
          throw new ValidationException(
              "the row is " + row.length + " bytes; BigQuery takes rows of up to 10 MB");
        }
        rows.set(i, row);
      } catch (ValidationException e) {
        unsent.put(i, e);
      }
    }
    return SplitRequests.send(
        batch.size(),
        unsent,
        InsertAllBody.split(rows, MAX_REQUEST_BYTES),
        items -> insert(context, s, items, rows));
  }

  private byte[] json(Map<String, Object> row) {
    return JsonCodec.writeWith(transport.objectMapper(), row, "the row");
  }

  /** Sends one insertAll request: the rows BigQuery did not insert, by batch index. */
  private Map<Integer, TributaryException> insert(
      ConnectorContext context,
      BigQuerySettings s,
      List<Integer> items,
      List<byte @Nullable []> rows) {
    HttpRequest.Builder request =
        HttpRequest.post(s.insertAllUrl())
            .body(InsertAllBody.of(s, items, rows, transport.objectMapper()), "application/json");
    HttpSettings.withHeaders(request, context.config());
    HttpResponse response = transport.exchange(context, request.build());
    if (!response.isSuccessful()) {
      throw BigQueryErrors.of(response, s, context.clock());
    }
    Map<Integer, TributaryException> failed = new LinkedHashMap<>();
    InsertErrors.read(response, items.size()).forEach((k, e) -> failed.put(items.get(k), e));
    return failed;
  }

  /**
   * Checks the settings, the credential (an OAuth token is fetched) and that the table exists
   * ({@code tables.get}, which needs {@code bigquery.tables.get}). Inserts nothing.
   */
  @Override
  public CheckResult check(ConnectorContext context) {
    List<CheckResult.Problem> problems = new ArrayList<>();
    BigQuerySettings s =
        ConfigProblems.collect(problems, TABLE_ID, () -> BigQuerySettings.of(context.config()));
    CheckResult basic = HttpSettings.check(this, transport, context, problems);
    if (!basic.isOk() || s == null) {
      return basic;
    }
    HttpResponse table = transport.exchange(context, HttpRequest.get(s.tableUrl()).build());
    if (table.isSuccessful()) {
      return CheckResult.ok();
    }
    TributaryException e = BigQueryErrors.of(table, s, context.clock());
    String setting = e instanceof ConfigException c ? c.setting().orElse(TABLE_ID) : API_URL;
    return CheckResult.problem(setting, e.getMessage());
  }

  @Override
  public String toString() {
    return "BigQueryExportConnector[maxBatchSize=" + maxBatchSize + "]";
  }
}

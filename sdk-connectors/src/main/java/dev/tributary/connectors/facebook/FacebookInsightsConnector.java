package dev.tributary.connectors.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.connectors.http.HttpSettings;
import dev.tributary.connectors.http.HttpTransport;
import dev.tributary.connectors.internal.ConfigProblems;
import dev.tributary.core.ConfigException;
import dev.tributary.core.ErrorClass;
import dev.tributary.core.TributaryException;
import dev.tributary.core.auth.ApiKey;
import dev.tributary.core.auth.Authorization;
import dev.tributary.core.connector.CheckResult;
import dev.tributary.core.connector.Checkpoint;
import dev.tributary.core.connector.ConnectorConfig;
import dev.tributary.core.connector.ConnectorContext;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.ImportConnector;
import dev.tributary.core.connector.Page;
import dev.tributary.core.connector.RateLimit;
import dev.tributary.core.model.Metric;
import dev.tributary.core.retry.Sleeper;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Facebook / Meta ad insights as {@link Metric}s: the Marketing API's {@code GET|POST
 * /<version>/act_<id>/insights} for the configured {@code fields}, {@code level} and {@code
 * breakdowns}, one row per day, each numeric field a metric (see the guide's "Facebook" section for
 * the mapping, and {@link GraphError} for how Meta's error codes and throttling headers are
 * classified).
 *
 * <p><b>Incremental, day by day.</b> Each run reads from the day after the last one read (the first
 * run: {@code start_date}, or the last {@code initial_days} days) through yesterday in the
 * account's {@code time_zone} ({@code include_today} adds today's partial figures), and first reads
 * the last {@code restate_days} days again, because Meta revises recent figures as conversions are
 * attributed late: the host's sink should upsert metrics by name, time stamp and dimensions. Days
 * are asked for in chunks of {@code days_per_report}, each an async report run by default ({@code
 * report_mode = sync} reads plain pages instead); the checkpoint holds the chunk, the report run's
 * id and the page cursor, so a restarted job goes on with the same report and page. With {@code
 * date_preset}, each run reads that period whole instead.
 *
 * <p><b>Credential.</b> A {@link dev.tributary.core.auth.BearerToken} (a system user's token, which
 * does not expire, is best), sent as {@code Authorization: Bearer}: it keeps the token out of URLs,
 * which proxies log. Meta's examples pass {@code access_token} as a query parameter instead; an
 * {@link ApiKey} placed in the query as {@code access_token} does exactly that, for gateways that
 * strip the header. {@code app_secret} adds {@code appsecret_proof} for apps that require it.
 *
 * <p><b>Uncertain vendor behaviour, handled conservatively</b>: how long Meta keeps a report run's
 * results (a vanished run is asked for again), the HTTP statuses of throttling errors (the body's
 * code decides, not the status) and the exact units of less common fields (unknown fields get no
 * unit rather than a wrong one).
 *
 * <p>Immutable and thread-safe. Waiting for a report sleeps the calling thread through the {@link
 * Sleeper} (tests pass their own) and looks at {@code context.reporter().stopRequested()} between
 * looks.
 */
public final class FacebookInsightsConnector implements ImportConnector<Metric> {
  /** The descriptor, for catalogues: settings, credential kinds and what the import yields. */
  public static final ConnectorDescriptor DESCRIPTOR = InsightsDescriptor.DESCRIPTOR;

  private final HttpTransport transport;
  private final GraphApi api;
  private final InsightsImport reader;

  private FacebookInsightsConnector(HttpTransport transport, Sleeper sleeper) {
    this.transport = transport;
    this.api = new GraphApi(transport);
    this.reader = new InsightsImport(api, new ReportRuns(api, sleeper), transport.objectMapper());
  }

  /** An import on a transport of its own, sleeping the thread while reports are prepared. */
  public static FacebookInsightsConnector create() {
    return builder().build();
  }

  /** An import on {@code transport} (shared client, {@code ObjectMapper}, settings). */
  public static FacebookInsightsConnector create(HttpTransport transport) {
    return builder().transport(transport).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** The shared rate-limit settings; Meta's own limits are scores it enforces itself. */
  @Override
  public RateLimit rateLimit(ConnectorConfig config) {
    return HttpSettings.rateLimit(config);
  }

  @Override
  public Page<Metric> read(ConnectorContext context, Checkpoint from) {
    Objects.requireNonNull(from, "from");
    String problem = authorizationProblem(context.authorization());
    if (problem != null) {
      throw new ConfigException("authorization", problem, null);
    }
    return reader.read(context, InsightsSettings.of(context.config()), from);
  }

  /**
   * Checks the settings and the credential, then reads the ad account's node ({@code GET
   * /act_<id>?fields=name,account_status,timezone_name,currency}): it proves the token works and
   * may read the account, and that {@code time_zone} is the account's.
   */
  @Override
  public CheckResult check(ConnectorContext context) {
    List<CheckResult.Problem> problems = new ArrayList<>();
    InsightsSettings settings =
        ConfigProblems.collect(
            problems, "configuration", () -> InsightsSettings.of(context.config()));
    String auth = authorizationProblem(context.authorization());
    if (auth != null && descriptor().accepts(context.authorization())) {
      problems.add(new CheckResult.Problem("authorization", auth));
    }
    CheckResult base = HttpSettings.check(this, transport, context, problems);
    if (!base.isOk() || settings == null) {
      return base;
    }
    try {
      return compareZone(settings, api.account(context, settings));
    } catch (TributaryException e) {
      String setting =
          e instanceof ConfigException c
              ? c.setting().orElse(InsightsDescriptor.AD_ACCOUNT_ID)
              : e.errorClass() == ErrorClass.VALIDATION
                  ? InsightsDescriptor.AD_ACCOUNT_ID
                  : HttpSettings.ENDPOINT;
      return CheckResult.problem(setting, e.getMessage());
    }
  }

  private static CheckResult compareZone(InsightsSettings s, JsonNode account) {
    String name = account.path("timezone_name").asText("");
    try {
      if (!name.isEmpty() && !ZoneId.of(name).normalized().equals(s.zone().normalized())) {
        return CheckResult.problem(
            InsightsDescriptor.TIME_ZONE,
            "the ad account reports in "
                + name
                + ", not "
                + s.zone()
                + ": set time_zone to "
                + name
                + " so that each day's metrics are stamped at that day's start");
      }
    } catch (DateTimeException e) {
      return CheckResult.ok(); // a zone name Java does not know: nothing to compare
    }
    return CheckResult.ok();
  }

  private static @Nullable String authorizationProblem(Authorization auth) {
    if (auth instanceof ApiKey k
        && (k.placement() != ApiKey.Placement.QUERY || !k.name().equals("access_token"))) {
      return "an API key for the Graph API must be the access_token query parameter"
          + " (Authorization.apiKeyQuery(\"access_token\", token)); a bearer token is better";
    }
    return null;
  }

  @Override
  public String toString() {
    return "FacebookInsightsConnector";
  }

  /** Builds a {@link FacebookInsightsConnector}. Not thread-safe. */
  public static final class Builder {
    private @Nullable HttpTransport transport;
    private Sleeper sleeper = Sleeper.system();

    private Builder() {}

    /** The HTTP transport. Default: one of its own ({@link HttpTransport#create()}). */
    public Builder transport(HttpTransport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    /**
     * How to wait between looks at a running report. Default: {@link Sleeper#system()}; tests pass
     * one that advances a fake clock.
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    public FacebookInsightsConnector build() {
      return new FacebookInsightsConnector(
          transport != null ? transport : HttpTransport.create(), sleeper);
    }
  }
}

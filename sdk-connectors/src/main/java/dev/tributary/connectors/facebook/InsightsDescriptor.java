package dev.tributary.connectors.facebook;

import dev.tributary.connectors.http.HttpSettings;
import dev.tributary.core.auth.ApiKey;
import dev.tributary.core.auth.BearerToken;
import dev.tributary.core.connector.ConfigField;
import dev.tributary.core.connector.ConfigFieldType;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.Frequency;
import dev.tributary.core.connector.IntegrationPattern;
import dev.tributary.core.connector.IntegrationType;
import dev.tributary.core.connector.ResultingData;
import dev.tributary.core.connector.Technique;
import org.jspecify.annotations.Nullable;

/** The Facebook insights import's descriptor and the names of its settings. */
final class InsightsDescriptor {
  static final String AD_ACCOUNT_ID = "ad_account_id";
  static final String API_VERSION = "api_version";
  static final String FIELDS = "fields";
  static final String LEVEL = "level";
  static final String BREAKDOWNS = "breakdowns";
  static final String ACTION_BREAKDOWNS = "action_breakdowns";
  static final String DATE_PRESET = "date_preset";
  static final String TIME_INCREMENT = "time_increment";
  static final String START_DATE = "start_date";
  static final String INITIAL_DAYS = "initial_days";
  static final String RESTATE_DAYS = "restate_days";
  static final String INCLUDE_TODAY = "include_today";
  static final String DAYS_PER_REPORT = "days_per_report";
  static final String TIME_ZONE = "time_zone";
  static final String REPORT_MODE = "report_mode";
  static final String PAGE_SIZE = "page_size";
  static final String REPORT_TIMEOUT = "report_timeout";
  static final String POLL_INTERVAL = "poll_interval";
  static final String APP_SECRET = "app_secret";

  /** The Graph API version the connector was written and tested against. */
  static final String DEFAULT_VERSION = "v23.0";

  static final ConnectorDescriptor DESCRIPTOR = build();

  private InsightsDescriptor() {}

  private static ConfigField text(String name, String description, @Nullable String value) {
    return ConfigField.optional(name, ConfigFieldType.STRING, description, value);
  }

  private static ConfigField integer(String name, String description, String value) {
    return ConfigField.optional(name, ConfigFieldType.INTEGER, description, value);
  }

  private static ConnectorDescriptor build() {
    return ConnectorDescriptor.builder("facebook-insights-import")
        .name("Facebook / Meta ad insights import")
        .description(
            "Imports ad performance (impressions, clicks, spend, actions, ...) of a Meta ad"
                + " account as daily metrics per campaign, ad set or ad and breakdown, from the"
                + " Marketing API's Insights through async report runs: incrementally day by day"
                + " with checkpoints, re-reading recent days that Meta still revises, or once for"
                + " a date preset. Uncertain in Meta's documentation, so handled conservatively:"
                + " how long a finished report run's results stay readable (a vanished run is"
                + " requested again), which HTTP status a throttling error comes with (the"
                + " error code in the body decides) and the units of less common fields (left"
                + " without a unit).")
        .type(IntegrationType.SERVER_TO_SERVER)
        .patterns(IntegrationPattern.IMPORT)
        .techniques(Technique.REST_API)
        .frequencies(Frequency.ONE_TIME, Frequency.CONTINUOUS, Frequency.SCHEDULED)
        .resultingData(ResultingData.METRICS)
        .config(
            ConfigField.required(
                AD_ACCOUNT_ID,
                ConfigFieldType.STRING,
                "The ad account, as act_<digits> or its digits alone."))
        .config(
            text(
                API_VERSION,
                "The Graph API version, such as v23.0; Meta retires each about two years after"
                    + " its release.",
                DEFAULT_VERSION))
        .config(
            ConfigField.optional(
                HttpSettings.ENDPOINT,
                ConfigFieldType.URL,
                "The Graph API's base URL; change it only for a proxy or a test server.",
                "https://graph.facebook.com"))
        .config(
            ConfigField.optional(
                FIELDS,
                ConfigFieldType.LIST,
                "Insights fields to import, each a metric (or, for ids, names and text, a"
                    + " dimension of the others).",
                "impressions, reach, clicks, spend, actions"))
        .config(text(LEVEL, "account, campaign, adset or ad: what each row is about.", "campaign"))
        .config(
            ConfigField.optional(
                BREAKDOWNS,
                ConfigFieldType.LIST,
                "Breakdowns such as age, gender, country or publisher_platform; each becomes a"
                    + " dimension.",
                ""))
        .config(
            ConfigField.optional(
                ACTION_BREAKDOWNS,
                ConfigFieldType.LIST,
                "Action breakdowns such as action_type or action_device (Meta's default:"
                    + " action_type).",
                ""))
        .config(
            text(
                DATE_PRESET,
                "A Meta date preset such as last_30d: each run then reads that period whole"
                    + " instead of importing day by day.",
                null))
        .config(
            text(
                TIME_INCREMENT,
                "With date_preset only: days per row (1-90), monthly or all_days.",
                "1"))
        .config(
            text(
                START_DATE,
                "The first day the import reads (YYYY-MM-DD); unset, the first run reads the"
                    + " last initial_days days.",
                null))
        .config(integer(INITIAL_DAYS, "Days the first run reads when start_date is unset.", "30"))
        .config(
            integer(
                RESTATE_DAYS,
                "Days already imported that each run reads again, because Meta revises recent"
                    + " figures as late conversions are attributed; 0 reads only new days.",
                "7"))
        .config(
            ConfigField.optional(
                INCLUDE_TODAY,
                ConfigFieldType.BOOLEAN,
                "Whether to read today's partial figures too (read again by every run).",
                "false"))
        .config(
            integer(
                DAYS_PER_REPORT,
                "Days asked for per report (1-90); a report Meta cannot finish is split.",
                "7"))
        .config(
            text(
                TIME_ZONE,
                "The ad account's time zone (its timezone_name): a day's metrics are stamped at"
                    + " that day's start there; check compares it with the account.",
                "UTC"))
        .config(
            text(
                REPORT_MODE,
                "async (report runs, Meta's advice for large requests) or sync (plain pages).",
                "async"))
        .config(integer(PAGE_SIZE, "Rows asked for per page (limit).", "500"))
        .config(
            ConfigField.optional(
                REPORT_TIMEOUT,
                ConfigFieldType.DURATION,
                "How long to wait for a report run before it counts as failed and is split.",
                "1h"))
        .config(
            ConfigField.optional(
                POLL_INTERVAL,
                ConfigFieldType.DURATION,
                "The longest wait between two looks at a running report (waits start at 2 s and"
                    + " double).",
                "30s"))
        .config(
            ConfigField.optional(
                    APP_SECRET,
                    ConfigFieldType.STRING,
                    "The app secret, when the app requires appsecret_proof on every call.",
                    null)
                .asSecret())
        .configAll(HttpSettings.rateLimit())
        .accepts(BearerToken.class)
        .accepts(ApiKey.class)
        .build();
  }
}

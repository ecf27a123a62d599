package dev.tributary.connectors.amplitude;

import dev.tributary.connectors.http.HttpSettings;
import dev.tributary.connectors.internal.ApiUrls;
import dev.tributary.core.ConfigException;
import dev.tributary.core.connector.ConfigField;
import dev.tributary.core.connector.ConfigFieldType;
import dev.tributary.core.connector.ConnectorConfig;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The settings of {@link AmplitudeCohortImportConnector}, read and checked. */
record AmplitudeSettings(
    URI endpoint,
    String cohortId,
    boolean properties,
    List<String> propertyKeys,
    Duration pollInterval,
    Duration maxWait,
    int pageSize,
    Path directory,
    boolean trackExits) {

  static final String COHORT_ID = "cohort_id";
  static final String INCLUDE_PROPERTIES = "include_properties";
  static final String PROPERTY_KEYS = "property_keys";
  static final String POLL_INTERVAL = "poll_interval";
  static final String MAX_WAIT = "max_wait";
  static final String PAGE_SIZE = "page_size";
  static final String DOWNLOAD_DIRECTORY = "download_directory";
  static final String TRACK_EXITS = "track_exits";

  static List<ConfigField> fields() {
    return List.of(
        ConfigField.optional(
            HttpSettings.ENDPOINT,
            ConfigFieldType.URL,
            "Amplitude's REST host for the project's data residency: https://amplitude.com, or"
                + " https://analytics.eu.amplitude.com for the EU data center.",
            "https://amplitude.com"),
        ConfigField.required(
            COHORT_ID, ConfigFieldType.STRING, "The cohort's ID, as in the cohort's URL."),
        ConfigField.optional(
            INCLUDE_PROPERTIES,
            ConfigFieldType.BOOLEAN,
            "Whether the file holds every user property as well (props=1).",
            "false"),
        ConfigField.optional(
            PROPERTY_KEYS,
            ConfigFieldType.LIST,
            "Only these user properties (propKeys); implies include_properties.",
            null),
        ConfigField.optional(
            POLL_INTERVAL,
            ConfigFieldType.DURATION,
            "How long to wait between two looks at a cohort Amplitude is still computing.",
            "15s"),
        ConfigField.optional(
            MAX_WAIT,
            ConfigFieldType.DURATION,
            "How long a request may stay unfinished before it is given up and the cohort"
                + " requested again.",
            "6h"),
        ConfigField.optional(
            PAGE_SIZE, ConfigFieldType.INTEGER, "Members per page handed to the sink.", "1000"),
        ConfigField.optional(
            DOWNLOAD_DIRECTORY,
            ConfigFieldType.STRING,
            "Where downloaded snapshots are kept while they are read, and the previous snapshot"
                + " between runs (to find who left). Keep it on a persistent local disk. Default:"
                + " tributary-amplitude in the temporary directory.",
            null),
        ConfigField.optional(
            TRACK_EXITS,
            ConfigFieldType.BOOLEAN,
            "Whether users of the previous snapshot who are not in this one are imported as"
                + " having left the cohort.",
            "true"),
        ConfigField.optional(
            HttpSettings.RATE_LIMIT_REQUESTS,
            ConfigFieldType.INTEGER,
            "Requests allowed per rate_limit_interval for this credential; 0 for no limit.",
            "0"),
        ConfigField.optional(
            HttpSettings.RATE_LIMIT_INTERVAL,
            ConfigFieldType.DURATION,
            "The interval rate_limit_requests is counted over.",
            "1s"),
        ConfigField.optional(
            HttpSettings.MAX_CONCURRENCY,
            ConfigFieldType.INTEGER,
            "Calls at the same time for this credential; Amplitude allows 4 parallel cohort"
                + " requests and 5 concurrent downloads and dashboard calls.",
            "4"));
  }

  static AmplitudeSettings of(ConnectorConfig config) {
    String cohort = config.string(COHORT_ID).strip();
    if (!cohort.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new ConfigException(
          COHORT_ID, "\"cohort_id\" must be letters and digits, as in the cohort's URL", null);
    }
    long pageSize = config.integer(PAGE_SIZE);
    if (pageSize < 1 || pageSize > 100_000) {
      throw new ConfigException(PAGE_SIZE, "\"page_size\" must be 1 to 100000", null);
    }
    Duration poll = config.duration(POLL_INTERVAL);
    Duration maxWait = config.duration(MAX_WAIT);
    if (maxWait.compareTo(poll) < 0) {
      throw new ConfigException(
          MAX_WAIT, "\"max_wait\" must not be shorter than \"poll_interval\"", null);
    }
    List<String> keys = config.list(PROPERTY_KEYS);
    return new AmplitudeSettings(
        HttpSettings.endpoint(config),
        cohort,
        config.bool(INCLUDE_PROPERTIES) || !keys.isEmpty(),
        keys,
        poll,
        maxWait,
        (int) pageSize,
        directory(config),
        config.bool(TRACK_EXITS));
  }

  private static Path directory(ConnectorConfig config) {
    try {
      return config
          .optionalString(DOWNLOAD_DIRECTORY)
          .map(String::strip)
          .map(Path::of)
          .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "tributary-amplitude"));
    } catch (InvalidPathException e) {
      throw new ConfigException(
          DOWNLOAD_DIRECTORY, "\"download_directory\" is not a path: " + e.getReason(), e);
    }
  }

  /** {@code path} under the endpoint: {@code /api/5/cohorts/request/abc}. */
  URI url(String path) {
    return ApiUrls.under(endpoint, path);
  }
}

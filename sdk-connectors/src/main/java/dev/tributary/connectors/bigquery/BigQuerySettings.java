package dev.tributary.connectors.bigquery;

import static dev.tributary.connectors.bigquery.BigQueryExportConnector.*;

import dev.tributary.core.ConfigException;
import dev.tributary.core.connector.ConnectorConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A BigQuery export's settings, read and checked once per call. */
record BigQuerySettings(
    URI tableUrl,
    String table,
    RowLayout layout,
    @Nullable String insertIdField,
    boolean skipInvalidRows,
    boolean ignoreUnknownValues,
    @Nullable String templateSuffix) {

  static final String DEFAULT_API_URL = "https://bigquery.googleapis.com";

  /** BigQuery table names have up to 1,024 characters; a suffix cannot be longer. */
  static final int MAX_SUFFIX_LENGTH = 1024;

  static BigQuerySettings of(ConnectorConfig c) {
    String project = name(c, PROJECT_ID, "[a-z0-9][a-z0-9.:-]{0,127}");
    String dataset = name(c, DATASET_ID, "[A-Za-z0-9_]{1,1024}");
    String table = name(c, TABLE_ID, "[^/\\p{Cntrl}]{1,1024}");
    URI base = c.optionalUrl(API_URL).orElse(URI.create(DEFAULT_API_URL));
    String scheme = base.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new ConfigException(API_URL, "\"api_url\" must be an http or https URL: " + base, null);
    }
    RowLayout layout;
    try {
      layout = RowLayout.valueOf(c.string(LAYOUT).strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          LAYOUT, "\"layout\" is columns or json, not " + c.string(LAYOUT), null);
    }
    String root = base.toString().replaceAll("/+$", "");
    URI url =
        URI.create(
            root
                + "/bigquery/v2/projects/"
                + segment(project)
                + "/datasets/"
                + segment(dataset)
                + "/tables/"
                + segment(table));
    String suffix =
        c.optionalString(TEMPLATE_SUFFIX).map(String::strip).filter(f -> !f.isEmpty()).orElse(null);
    if (suffix != null && suffix.length() > MAX_SUFFIX_LENGTH) {
      throw new ConfigException(
          TEMPLATE_SUFFIX,
          "\"template_suffix\" has "
              + suffix.length()
              + " characters; table names have 1024 at most",
          null);
    }
    return new BigQuerySettings(
        url,
        project + "." + dataset + "." + table,
        layout,
        c.optionalString(INSERT_ID_FIELD).map(String::strip).filter(f -> !f.isEmpty()).orElse(null),
        c.bool(SKIP_INVALID_ROWS),
        c.bool(IGNORE_UNKNOWN_VALUES),
        suffix);
  }

  private static String name(ConnectorConfig c, String setting, String syntax) {
    String value = c.string(setting).strip();
    if (!value.matches(syntax)) {
      throw new ConfigException(
          setting, "\"" + setting + "\" is not a BigQuery " + setting + ": " + value, null);
    }
    return value;
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  URI insertAllUrl() {
    return URI.create(tableUrl + "/insertAll");
  }
}

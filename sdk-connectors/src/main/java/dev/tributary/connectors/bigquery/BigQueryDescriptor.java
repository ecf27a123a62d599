package dev.tributary.connectors.bigquery;

import static dev.tributary.connectors.bigquery.BigQueryExportConnector.*;

import dev.tributary.connectors.http.HttpSettings;
import dev.tributary.core.auth.BearerToken;
import dev.tributary.core.auth.OAuth2JwtBearer;
import dev.tributary.core.auth.OAuth2RefreshToken;
import dev.tributary.core.connector.ConfigField;
import dev.tributary.core.connector.ConfigFieldType;
import dev.tributary.core.connector.ConnectorDescriptor;
import dev.tributary.core.connector.FieldSpec;
import dev.tributary.core.connector.Frequency;
import dev.tributary.core.connector.IntegrationPattern;
import dev.tributary.core.connector.IntegrationType;
import dev.tributary.core.connector.ResultingData;
import dev.tributary.core.connector.Technique;

/** The BigQuery export's descriptor and settings. */
final class BigQueryDescriptor {
  static final ConnectorDescriptor DESCRIPTOR = build();

  private BigQueryDescriptor() {}

  private static ConnectorDescriptor build() {
    return ConnectorDescriptor.builder("bigquery-events")
        .name("Google BigQuery streaming insert")
        .description(
            "Streams raw events into a BigQuery table with insertAll: one row per event, insert IDs"
                + " for best-effort de-duplication, per-row errors reported per event and only"
                + " retryable rows (stopped, backendError, ...) sent again; requests within"
                + " 10 MB and 50,000 rows (500 by default); 403 rateLimitExceeded/quotaExceeded,"
                + " 429 and 5xx are retried; a refused service-account assertion (invalid_grant)"
                + " stops the run. Authorized by a service account key (OAuth 2 JWT bearer)."
                + " Uncertain: insertId de-duplication is best effort (about a minute), so a"
                + " retried row may rarely be stored twice; Google recommends the Storage Write"
                + " API for new work.")
        .type(IntegrationType.SERVER_TO_SERVER)
        .patterns(IntegrationPattern.EXPORT)
        .techniques(Technique.REST_API)
        .frequencies(Frequency.NEAR_REAL_TIME, Frequency.CONTINUOUS, Frequency.SCHEDULED)
        .resultingData(ResultingData.RAW_EVENTS)
        .field(FieldSpec.reads("event_name", "The event's name, in column event_name."))
        .field(FieldSpec.reads("occurred_at", "When it happened, in TIMESTAMP column occurred_at."))
        .field(FieldSpec.reads("identities", "Columns user_<kind>, or JSON column identities."))
        .field(FieldSpec.reads("fields", "One column each, or JSON column fields, unmapped."))
        .config(
            ConfigField.required(
                PROJECT_ID, ConfigFieldType.STRING, "The Google Cloud project of the table."))
        .config(ConfigField.required(DATASET_ID, ConfigFieldType.STRING, "The table's dataset."))
        .config(
            ConfigField.required(
                TABLE_ID, ConfigFieldType.STRING, "The table rows go to; it must exist."))
        .config(
            ConfigField.optional(
                LAYOUT,
                ConfigFieldType.STRING,
                "columns (a column per identity kind and per field) or json (identities and fields"
                    + " as JSON text in two columns).",
                "columns"))
        .config(
            ConfigField.optional(
                INSERT_ID_FIELD,
                ConfigFieldType.STRING,
                "An event field holding a unique event ID to use as insertId; without it the"
                    + " insertId is a SHA-256 of the event.",
                null))
        .config(
            ConfigField.optional(
                SKIP_INVALID_ROWS,
                ConfigFieldType.BOOLEAN,
                "Insert the valid rows of a request that has invalid ones (else BigQuery inserts"
                    + " none, and the valid ones are sent again).",
                "false"))
        .config(
            ConfigField.optional(
                IGNORE_UNKNOWN_VALUES,
                ConfigFieldType.BOOLEAN,
                "Drop values for columns the table does not have instead of refusing the row.",
                "false"))
        .config(
            ConfigField.optional(
                TEMPLATE_SUFFIX,
                ConfigFieldType.STRING,
                "Treat the table as a template and insert into table_id + suffix, created as"
                    + " needed.",
                null))
        .config(
            ConfigField.optional(
                API_URL,
                ConfigFieldType.URL,
                "A base URL instead of https://bigquery.googleapis.com, for a proxy or a test"
                    + " server.",
                null))
        .config(HttpSettings.headers())
        .configAll(HttpSettings.rateLimit())
        .accepts(OAuth2JwtBearer.class)
        .accepts(BearerToken.class)
        .accepts(OAuth2RefreshToken.class)
        .build();
  }
}

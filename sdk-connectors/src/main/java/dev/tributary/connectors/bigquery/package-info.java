/**
 * Google BigQuery: {@link dev.tributary.connectors.bigquery.BigQueryExportConnector} streams raw
 * events into a table with {@code tabledata.insertAll} (insert IDs for best-effort de-duplication,
 * per-row errors as per-item results); {@link
 * dev.tributary.connectors.bigquery.GoogleServiceAccount} turns a service account's JSON key file
 * into the JWT bearer credential the HTTP layer trades for access tokens.
 */
@NullMarked
package dev.tributary.connectors.bigquery;

import org.jspecify.annotations.NullMarked;

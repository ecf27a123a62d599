package dev.tributary.connectors.bigquery;

/** How an event becomes a row. */
enum RowLayout {
  /**
   * {@code event_name}, {@code occurred_at}, one {@code user_<kind>} column per identity, and one
   * column per field, nested maps and lists as RECORD and REPEATED values.
   */
  COLUMNS,
  /**
   * {@code event_name}, {@code occurred_at}, and the identities and fields as JSON text in {@code
   * identities} and {@code fields} (JSON or STRING columns): a schema that never changes.
   */
  JSON
}

package dev.tributary.core.connector;

/** The type of a configuration value; {@link ConnectorConfig} checks values against it. */
public enum ConfigFieldType {
  /** Any text. */
  STRING,
  /** A whole number ({@code long}). */
  INTEGER,
  /** A decimal number. */
  NUMBER,
  /** {@code true} or {@code false}. */
  BOOLEAN,
  /** An absolute {@code http}, {@code https}, {@code sftp} or {@code file} URL. */
  URL,
  /** A duration: {@code 30s}, {@code 5m}, {@code 1h} or ISO-8601 {@code PT5M}. */
  DURATION,
  /** A schedule in the grammar of {@code Schedule.parse}. */
  SCHEDULE,
  /** A comma-separated list of text values. */
  LIST,
  /** A Go text/template, rendered by sdk-templates. */
  TEMPLATE
}

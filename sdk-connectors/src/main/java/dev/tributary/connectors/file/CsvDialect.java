package dev.tributary.connectors.file;

import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.tributary.core.ConfigException;
import dev.tributary.core.connector.ConnectorConfig;
import java.util.Locale;

/**
 * How CSV is written or read: separator, quote character, header row, line ending, quoting of every
 * value, and formula escaping (exports).
 */
record CsvDialect(
    char delimiter, char quote, boolean header, boolean crlf, boolean quoteAll, boolean escape) {

  /**
   * @throws ConfigException naming the setting that is wrong
   */
  static CsvDialect forExport(ConnectorConfig config) {
    return new CsvDialect(
            delimiter(config.string("delimiter")),
            oneChar(config.string("quote"), "quote"),
            config.bool("header"),
            config.bool("crlf"),
            config.bool("quote_all"),
            config.bool("escape_formulas"))
        .checked();
  }

  /**
   * @throws ConfigException naming the setting that is wrong
   */
  static CsvDialect forImport(ConnectorConfig config) {
    return new CsvDialect(
            delimiter(config.string("delimiter")),
            oneChar(config.string("quote"), "quote"),
            config.bool("header"),
            false,
            false,
            false)
        .checked();
  }

  private CsvDialect checked() {
    if (delimiter == quote) {
      throw new ConfigException(
          "quote", "the quote character must differ from the delimiter", null);
    }
    return this;
  }

  private static char delimiter(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    if (v.equals("tab") || v.equals("\\t")) {
      return '\t';
    }
    return oneChar(value, "delimiter");
  }

  private static char oneChar(String value, String setting) {
    if (value.length() != 1 || value.charAt(0) == '\n' || value.charAt(0) == '\r') {
      throw new ConfigException(
          setting,
          "\""
              + setting
              + "\" must be exactly one character (tab may be written as tab), not \""
              + value
              + "\"",
          null);
    }
    return value.charAt(0);
  }

  /** The Jackson schema for rows written or read as arrays (the header is an ordinary row). */
  CsvSchema schema() {
    return CsvSchema.emptySchema()
        .withColumnSeparator(delimiter)
        .withQuoteChar(quote)
        .withoutEscapeChar()
        .withLineSeparator(crlf ? "\r\n" : "\n");
  }
}

package dev.tributary.connectors.rest;

import static dev.tributary.connectors.rest.RestImportConnector.*;

import dev.tributary.connectors.http.HttpSettings;
import dev.tributary.connectors.internal.json.JsonPath;
import dev.tributary.core.ConfigException;
import dev.tributary.core.connector.ConnectorConfig;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A REST import's settings, read and checked once per call. */
record ImportSettings(
    URI endpoint,
    Pagination pagination,
    String recordsPointer,
    long pageSize,
    @Nullable String pageSizeParam,
    String offsetParam,
    String tokenParam,
    String nextTokenPointer,
    String cursorParam,
    @Nullable String hasMorePointer,
    String keyField,
    @Nullable String incrementalField,
    @Nullable String incrementalParam) {

  /** How the API pages. */
  enum Pagination {
    NONE,
    OFFSET,
    PAGE_TOKEN,
    CURSOR,
    LINK
  }

  static ImportSettings of(ConnectorConfig c) {
    String mode = c.string(PAGINATION).strip().toUpperCase(Locale.ROOT).replace('-', '_');
    Pagination pagination;
    try {
      pagination = Pagination.valueOf(mode);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          PAGINATION,
          "\"pagination\" must be none, offset, page_token, cursor or link, not "
              + c.string(PAGINATION),
          null);
    }
    long pageSize = c.integer(PAGE_SIZE);
    if (pageSize < 1) {
      throw new ConfigException(PAGE_SIZE, "\"page_size\" must be at least 1", null);
    }
    String field = c.optionalString(INCREMENTAL_FIELD).orElse(null);
    String param = c.optionalString(INCREMENTAL_PARAM).orElse(null);
    if ((field == null) != (param == null)) {
      throw new ConfigException(
          field == null ? INCREMENTAL_FIELD : INCREMENTAL_PARAM,
          "\"incremental_field\" and \"incremental_param\" go together: the field names the"
              + " records' change cursor, the parameter asks the API for records from a value",
          null);
    }
    return new ImportSettings(
        HttpSettings.endpoint(c),
        pagination,
        pointer(c, RECORDS_POINTER, ""),
        pageSize,
        c.optionalString(PAGE_SIZE_PARAM).orElse(null),
        c.string(OFFSET_PARAM),
        c.string(TOKEN_PARAM),
        pointer(c, NEXT_TOKEN_POINTER, null),
        c.string(CURSOR_PARAM),
        c.optionalString(HAS_MORE_POINTER)
            .map(p -> pointer(c, HAS_MORE_POINTER, null))
            .orElse(null),
        c.string(KEY_FIELD),
        field,
        param);
  }

  private static String pointer(ConnectorConfig c, String name, @Nullable String absent) {
    String p = c.optionalString(name).orElse(absent);
    if (p == null || !JsonPath.isPointer(p)) {
      throw new ConfigException(
          name,
          "\"" + name + "\" must be a JSON pointer such as /data (empty for the whole body)",
          null);
    }
    return p;
  }

  boolean incremental() {
    return incrementalField != null;
  }
}

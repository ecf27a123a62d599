package dev.tributary.connectors.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.connectors.http.HttpResponse;
import dev.tributary.core.ConfigException;
import org.jspecify.annotations.Nullable;

/** The continuation of a REST import pass after a page, by the API's way of paging. */
final class Continuations {
  private Continuations() {}

  /** The next page's continuation, or null when this page ends the pass. */
  static @Nullable String next(
      ImportSettings s, ImportPosition pos, JsonNode records, HttpResponse response) {
    if (s.hasMorePointer() != null) {
      JsonNode more = response.json().at(s.hasMorePointer());
      if (more.isBoolean() && !more.asBoolean()) {
        return null;
      }
    }
    int count = records.size();
    boolean shortPage = count == 0 || (s.pageSizeParam() != null && count < s.pageSize());
    return switch (s.pagination()) {
      case NONE -> null;
      case LINK -> response.link("next").map(Object::toString).orElse(null);
      case PAGE_TOKEN -> {
        JsonNode token = response.json().at(s.nextTokenPointer());
        yield token.isValueNode() && !token.isNull() && !token.asText().isEmpty()
            ? token.asText()
            : null;
      }
      case OFFSET -> shortPage ? null : Long.toString(offset(pos) + count);
      case CURSOR -> shortPage ? null : lastKey(s, records);
    };
  }

  /**
   * What continuation survives the end of a pass: for cursor paging without an incremental field,
   * the last key, so that the next run reads only what came after it; otherwise none.
   */
  static @Nullable String keepAfterLastPage(
      ImportSettings s, ImportPosition pos, JsonNode records) {
    if (s.pagination() != ImportSettings.Pagination.CURSOR || s.incremental()) {
      return null;
    }
    return records.isEmpty() ? pos.next() : lastKey(s, records);
  }

  private static long offset(ImportPosition pos) {
    try {
      return pos.next() == null ? 0 : Long.parseLong(pos.next());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String lastKey(ImportSettings s, JsonNode records) {
    String key = RestImportConnector.text(records.get(records.size() - 1), s.keyField());
    if (key == null) {
      throw new ConfigException(
          RestImportConnector.KEY_FIELD,
          "cursor paging needs \"key_field\" ("
              + s.keyField()
              + ") in every record; the last"
              + " record of the page has none",
          null);
    }
    return key;
  }
}

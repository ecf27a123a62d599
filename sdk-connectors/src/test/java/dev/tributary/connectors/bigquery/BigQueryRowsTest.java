package dev.tributary.connectors.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tributary.connectors.testutil.OddValues.Point;
import dev.tributary.core.ValidationException;
import dev.tributary.core.model.Event;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What BigQuery receives for an event's field values. */
class BigQueryRowsTest {
  private static Event event(Map<String, Object> fields) {
    return new Event("measure", Instant.EPOCH, Map.of("user_id", "u-1"), fields);
  }

  private static BigQuerySettings settings(RowLayout layout) {
    return new BigQuerySettings(
        URI.create("https://bigquery.test/t"), "t", layout, null, false, false, null);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> columns(Event e, RowLayout layout) {
    return (Map<String, Object>) BigQueryRows.row(e, settings(layout)).get("json");
  }

  /** Unchanged: BigQuery's streaming insert takes these strings for FLOAT64. */
  @Test
  void nonFiniteNumbers_goAsTheTextBigQueryTakes() throws Exception {
    Event e = event(Map.of("ratio", Double.NaN, "peak", Double.POSITIVE_INFINITY));

    assertThat(new ObjectMapper().writeValueAsString(columns(e, RowLayout.COLUMNS)))
        .contains("\"ratio\":\"NaN\"")
        .contains("\"peak\":\"Infinity\"");
    assertThat(BigQueryRows.insertId(e, null))
        .isEqualTo(BigQueryRows.insertId(event(Map.of("ratio", "NaN", "peak", "Infinity")), null));
  }

  @Test
  void exactNumbersAndDates_goAsBefore() {
    Event e = event(Map.of("price", new BigDecimal("12.50"), "at", Instant.EPOCH));

    assertThat(columns(e, RowLayout.COLUMNS))
        .containsEntry("price", new BigDecimal("12.50"))
        .containsEntry("at", "1970-01-01T00:00:00Z");
  }

  /** Before, the record's toString() was stored and hashed. */
  @Test
  void aRecord_isAValidationErrorNamingTheField() {
    Event e = event(Map.of("where", new Point(1)));

    assertThatThrownBy(() -> BigQueryRows.row(e, settings(RowLayout.JSON)))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("field \"where\" holds a ");
  }
}

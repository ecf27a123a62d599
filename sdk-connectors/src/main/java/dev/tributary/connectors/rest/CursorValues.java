package dev.tributary.connectors.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * Orders incremental cursor values as an API means them: numbers by value ({@code 9 < 10}),
 * ISO-8601 instants and offset date-times by the instant they name (whatever the offset), dates by
 * day; anything else as text.
 */
final class CursorValues implements Comparator<String> {
  static final CursorValues ORDER = new CursorValues();

  private CursorValues() {}

  @Override
  public int compare(String a, String b) {
    BigDecimal na = number(a);
    BigDecimal nb = number(b);
    if (na != null && nb != null) {
      return na.compareTo(nb);
    }
    Instant ia = instant(a);
    Instant ib = instant(b);
    if (ia != null && ib != null) {
      return ia.compareTo(ib);
    }
    return a.compareTo(b);
  }

  private static @Nullable BigDecimal number(String s) {
    if (!s.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
      return null;
    }
    return new BigDecimal(s);
  }

  private static @Nullable Instant instant(String s) {
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      // not an offset date-time
    }
    try {
      return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}

package dev.tributary.connectors.file;

import dev.tributary.connectors.internal.json.JsonCodec;
import dev.tributary.core.ValidationException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * The text of one CSV cell: text as it is, numbers in plain notation ({@code 10000000000}, never
 * {@code 1.0E10}), booleans as {@code true}/{@code false}, instants and dates in ISO-8601, lists
 * and sets joined by commas (what {@code FieldType.SET} reads back), maps as JSON; missing values
 * empty. With formula escaping, text that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, tab or CR) gets a leading {@code '}.
 */
final class CellText {
  private CellText() {}

  static String of(@Nullable Object value, String column, boolean escapeFormulas) {
    if (value == null) {
      return "";
    }
    if (value instanceof Boolean || value instanceof Number) {
      return number(value, column);
    }
    String text = text(value, column);
    return escapeFormulas ? escaped(text) : text;
  }

  private static String number(Object value, String column) {
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (!Double.isFinite(d)) {
        throw new ValidationException(
            "field \"" + column + "\" is " + value + ", which a file cannot carry",
            column,
            -1,
            null);
      }
      return BigDecimal.valueOf(d).toPlainString();
    }
    return value.toString();
  }

  private static String text(Object value, String column) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof TemporalAccessor || value instanceof Enum<?>) {
      return value instanceof Enum<?> e ? e.name() : value.toString();
    }
    if (value instanceof Collection<?> c) {
      StringJoiner joined = new StringJoiner(",");
      for (Object item : c) {
        joined.add(item == null ? "" : of(item, column, false));
      }
      return joined.toString();
    }
    if (value instanceof Map<?, ?>) {
      return new String(
          JsonCodec.write(JsonCodec.jsonReady(value, column)), StandardCharsets.UTF_8);
    }
    throw new ValidationException(
        "field \""
            + column
            + "\" holds a "
            + value.getClass().getName()
            + "; exported values must be text, numbers, booleans, instants, lists or maps",
        column,
        -1,
        null);
  }

  static String escaped(String text) {
    if (text.isEmpty()) {
      return text;
    }
    char first = text.charAt(0);
    boolean formula =
        first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r';
    return formula ? "'" + text : text;
  }
}

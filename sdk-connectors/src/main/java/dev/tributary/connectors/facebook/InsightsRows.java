package dev.tributary.connectors.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tributary.core.SystemException;
import dev.tributary.core.model.Metric;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns insights rows into {@link Metric}s. A row such as
 *
 * <pre>{@code
 * {"campaign_id": "238", "impressions": "1200", "spend": "56.78", "account_currency": "EUR",
 *  "actions": [{"action_type": "link_click", "value": "30"}],
 *  "date_start": "2026-11-24", "date_stop": "2026-11-24"}
 * }</pre>
 *
 * gives one metric per numeric field ({@code impressions} 1200 count, {@code spend} 56.78 EUR) and
 * one per element of a list of actions ({@code actions} 30 count, dimension {@code action_type} =
 * {@code link_click}), all stamped at the start of {@code date_start} in the account's time zone
 * and dimensioned by the level's ids, the breakdowns, the fields that are not numbers (ids, names,
 * objective, rankings) and {@code date} (plus {@code date_stop} when a row spans several days).
 * Numbers arrive as text and are read exactly before becoming {@code double}s.
 */
final class InsightsRows {
  private static final Set<String> CURRENCY = Set.of("spend", "social_spend", "cpc", "cpm", "cpp");
  private static final Set<String> TEXT_FIELDS =
      Set.of(
          "account_currency",
          "objective",
          "buying_type",
          "optimization_goal",
          "attribution_setting",
          "quality_ranking",
          "engagement_rate_ranking",
          "conversion_rate_ranking",
          "date_start",
          "date_stop");

  /** Keys of action attribution windows ({@code 7d_click}): other values, not dimensions. */
  private static final Pattern WINDOW = Pattern.compile("\\d+d_(click|view)|dda|default");

  private InsightsRows() {}

  static List<Metric> metrics(JsonNode data, InsightsSettings s) {
    if (!data.isArray()) {
      throw new SystemException("the insights page has no data array");
    }
    List<Metric> out = new ArrayList<>();
    for (JsonNode row : data) {
      row(row, s, out);
    }
    return out;
  }

  private static void row(JsonNode row, InsightsSettings s, List<Metric> out) {
    LocalDate day = date(row, "date_start");
    String stop = row.path("date_stop").asText(day.toString());
    Instant at = day.atStartOfDay(s.zone()).toInstant();
    String currency = row.path("account_currency").asText("");
    Map<String, String> dims = new LinkedHashMap<>();
    for (String id : s.level().ids) {
      text(row, id, dims);
    }
    List<String> measured = new ArrayList<>();
    for (String field : s.fields()) {
      JsonNode value = row.get(field);
      if (value == null || value.isNull()) {
        continue;
      }
      if (isText(field) || (value.isValueNode() && number(value) == null)) {
        text(row, field, dims);
      } else {
        measured.add(field);
      }
    }
    for (String breakdown : s.breakdowns()) {
      text(row, breakdown, dims);
    }
    dims.put("date", day.toString());
    if (!stop.equals(day.toString())) {
      dims.put("date_stop", stop);
    }
    for (String field : measured) {
      measure(field, row.get(field), unit(field, currency), at, dims, out);
    }
  }

  private static void measure(
      String field,
      JsonNode value,
      String unit,
      Instant at,
      Map<String, String> dims,
      List<Metric> out) {
    if (value.isValueNode()) {
      BigDecimal n = number(value);
      if (n != null) {
        out.add(new Metric(field, n.doubleValue(), unit, at, dims));
      }
      return;
    }
    if (!value.isArray()) {
      return; // an object-valued field has no single number: Meta documents none for insights
    }
    for (JsonNode element : value) {
      BigDecimal n = number(element.path("value"));
      if (!element.isObject() || n == null) {
        continue;
      }
      Map<String, String> elementDims = new LinkedHashMap<>(dims);
      Iterator<Map.Entry<String, JsonNode>> keys = element.fields();
      while (keys.hasNext()) {
        Map.Entry<String, JsonNode> e = keys.next();
        if (!e.getKey().equals("value")
            && !WINDOW.matcher(e.getKey()).matches()
            && e.getValue().isValueNode()
            && !e.getValue().isNull()) {
          elementDims.put(e.getKey(), e.getValue().asText());
        }
      }
      out.add(new Metric(field, n.doubleValue(), unit, at, elementDims));
    }
  }

  static boolean isText(String field) {
    return field.endsWith("_id") || field.endsWith("_name") || TEXT_FIELDS.contains(field);
  }

  /** The unit of {@code field}: the account's currency for money, percent, count or none. */
  static String unit(String field, String currency) {
    if (CURRENCY.contains(field)
        || field.startsWith("cost_per_")
        || field.endsWith("_value")
        || field.endsWith("_values")) {
      return currency;
    }
    if (field.endsWith("ctr")) {
      return "percent";
    }
    if (field.equals("frequency") || field.endsWith("roas")) {
      return "";
    }
    if (field.equals("reach")
        || field.endsWith("impressions")
        || field.endsWith("clicks")
        || field.endsWith("actions")
        || field.endsWith("conversions")) {
      return "count";
    }
    return "";
  }

  private static void text(JsonNode row, String field, Map<String, String> dims) {
    JsonNode value = row.get(field);
    if (value != null && value.isValueNode() && !value.isNull()) {
      dims.put(field, value.asText());
    }
  }

  private static LocalDate date(JsonNode row, String field) {
    try {
      return LocalDate.parse(row.path(field).asText(""));
    } catch (DateTimeException e) {
      throw new SystemException("an insights row has no " + field + " date: " + e.getMessage());
    }
  }

  private static @Nullable BigDecimal number(JsonNode value) {
    if (value.isNumber()) {
      return value.decimalValue();
    }
    if (value.isTextual()) {
      String text = value.asText().strip();
      if (text.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
        return new BigDecimal(text);
      }
    }
    return null;
  }
}

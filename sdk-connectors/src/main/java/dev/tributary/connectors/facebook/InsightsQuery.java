package dev.tributary.connectors.facebook;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of an insights request (Marketing API "Insights API" reference: {@code fields},
 * {@code level}, {@code time_range} or {@code date_preset}, {@code time_increment}, {@code
 * breakdowns}, {@code action_breakdowns}), for a chunk of days or, without days, the date preset.
 */
final class InsightsQuery {
  private InsightsQuery() {}

  static Map<String, String> params(
      InsightsSettings s, @Nullable LocalDate from, @Nullable LocalDate to) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("level", s.level().param());
    p.put("fields", String.join(",", s.requestFields()));
    if (from != null && to != null) {
      p.put("time_range", "{\"since\":\"" + from + "\",\"until\":\"" + to + "\"}");
      p.put("time_increment", "1");
    } else {
      p.put("date_preset", String.valueOf(s.datePreset()));
      p.put("time_increment", s.timeIncrement());
    }
    if (!s.breakdowns().isEmpty()) {
      p.put("breakdowns", String.join(",", s.breakdowns()));
    }
    if (!s.actionBreakdowns().isEmpty()) {
      p.put("action_breakdowns", String.join(",", s.actionBreakdowns()));
    }
    return p;
  }

  /**
   * The parameters that page through rows: {@code limit} and, after the first page, {@code after}.
   */
  static Map<String, String> page(InsightsSettings s, @Nullable String after) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("limit", Integer.toString(s.pageSize()));
    if (after != null) {
      p.put("after", after);
    }
    return p;
  }
}

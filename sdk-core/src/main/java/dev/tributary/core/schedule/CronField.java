package dev.tributary.core.schedule;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/** The five fields of a cron expression, each with its range and names. */
enum CronField {
  MINUTE("minute", 0, 59, List.of()),
  HOUR("hour", 0, 23, List.of()),
  DAY_OF_MONTH("day-of-month", 1, 31, List.of()),
  MONTH(
      "month",
      1,
      12,
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
  DAY_OF_WEEK("day-of-week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));

  /** The values a field matches, and whether it was written as a star (see the OR rule). */
  record Parsed(BitSet values, boolean star) {}

  private final String label;
  private final int min;
  private final int max;

  @SuppressWarnings("ImmutableEnumChecker") // List.of(...) is immutable
  private final List<String> names;

  CronField(String label, int min, int max, List<String> names) {
    this.label = label;
    this.min = min;
    this.max = max;
    this.names = names;
  }

  Parsed parse(String field, String input, int column) {
    BitSet values = new BitSet(max + 1);
    int offset = 0;
    for (String element : field.split(",", -1)) {
      if (element.isEmpty()) {
        throw error(input, field, column, "the " + label + " field has an empty list element");
      }
      parseElement(element, values, input, column + offset);
      offset += element.length() + 1;
    }
    if (this == DAY_OF_WEEK && values.get(7)) {
      values.clear(7);
      values.set(0);
    }
    boolean star = field.startsWith("*") || field.equals("?");
    return new Parsed(values, star);
  }

  private void parseElement(String element, BitSet values, String input, int column) {
    String range = element;
    int step = 1;
    int slash = element.indexOf('/');
    if (slash >= 0) {
      range = element.substring(0, slash);
      step = number(element.substring(slash + 1), input, column + slash + 1, "step");
      if (step < 1 || step > max) {
        throw error(input, element, column, "the step must be between 1 and " + max);
      }
    }
    int low;
    int high;
    if (range.equals("*") || (range.equals("?") && isDayField())) {
      low = min;
      high = max;
    } else {
      int dash = range.indexOf('-', 1);
      low = value(dash < 0 ? range : range.substring(0, dash), input, column);
      if (dash >= 0) {
        high = value(range.substring(dash + 1), input, column + dash + 1);
        if (this == DAY_OF_WEEK && high == 0) {
          high = 7; // SAT-SUN: Sunday closes the week
        }
      } else {
        high = slash >= 0 ? max : low;
      }
      if (low > high) {
        throw error(input, element, column, "a range must go from low to high, as in 9-17");
      }
    }
    for (int v = low; v <= high; v += step) {
      values.set(v);
    }
  }

  private boolean isDayField() {
    return this == DAY_OF_MONTH || this == DAY_OF_WEEK;
  }

  private int value(String token, String input, int column) {
    int named = names.indexOf(token.toUpperCase(Locale.ROOT));
    if (named >= 0) {
      return named + (this == MONTH ? 1 : 0);
    }
    return number(token, input, column, "value");
  }

  private int number(String token, String input, int column, String what) {
    if (!token.isEmpty() && token.length() <= 4 && token.chars().allMatch(Character::isDigit)) {
      int n = Integer.parseInt(token);
      if (what.equals("step") || (n >= min && n <= max)) {
        return n;
      }
    }
    throw error(input, token, column, expectation(what));
  }

  private String expectation(String what) {
    String range = "a number from " + min + " to " + max;
    if (what.equals("step")) {
      return "the " + label + " step must be a whole number, as in */15";
    }
    if (names.isEmpty()) {
      return "the " + label + " field takes " + range + ", *, ranges (a-b), steps (*/n) or lists";
    }
    return "the "
        + label
        + " field takes "
        + range
        + " or a name ("
        + names.get(0)
        + "-"
        + names.get(names.size() - 1)
        + "), *, ranges, steps or lists";
  }

  private static ScheduleParseException error(
      String input, String token, int column, String problem) {
    return new ScheduleParseException(input, token, column, problem);
  }
}

package dev.tributary.core.mapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** The conversions of {@link FieldType}; failures throw IAE with what was expected. */
final class Coercion {
  private Coercion() {}

  static Object coerce(FieldType type, Object value) {
    return switch (type) {
      case STRING -> string(value);
      case INTEGER -> integer(value);
      case NUMBER -> number(value);
      case BOOLEAN -> bool(value);
      case TIMESTAMP -> timestamp(value);
      case SET -> set(value);
    };
  }

  private static String string(Object value) {
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    throw new IllegalArgumentException("is not text");
  }

  private static Long integer(Object value) {
    try {
      BigDecimal d = value instanceof String s ? new BigDecimal(s.strip()) : decimal(value);
      return d.stripTrailingZeros().scale() > 0 ? notWhole() : d.longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      return notWhole();
    }
  }

  private static Long notWhole() {
    throw new IllegalArgumentException("is not a whole number (64-bit)");
  }

  private static BigDecimal number(Object value) {
    try {
      return value instanceof String s ? new BigDecimal(s.strip()) : decimal(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("is not a number", e);
    }
  }

  private static BigDecimal decimal(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new NumberFormatException("not finite");
      }
      return new BigDecimal(Double.toString(d));
    }
    if (value instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    throw new NumberFormatException("not a number");
  }

  private static Boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    String s = value instanceof Number n ? n.toString() : value instanceof String t ? t : "";
    return switch (s.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "1" -> true;
      case "false", "no", "n", "0" -> false;
      default -> throw new IllegalArgumentException("is not true/false, yes/no or 1/0");
    };
  }

  private static Instant timestamp(Object value) {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof Long || value instanceof Integer) {
      return Instant.ofEpochMilli(((Number) value).longValue());
    }
    if (value instanceof String s) {
      String t = s.strip();
      try {
        return OffsetDateTime.parse(t).toInstant();
      } catch (DateTimeParseException e) {
        // not a date-time; a date?
      }
      try {
        return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e) {
        // fall through
      }
    }
    throw new IllegalArgumentException(
        "is not an ISO-8601 timestamp (2026-12-01T10:00:00Z), date or epoch milliseconds");
  }

  private static Set<String> set(Object value) {
    Set<String> out = new LinkedHashSet<>();
    if (value instanceof Collection<?> c) {
      for (Object o : c) {
        if (o != null && !o.toString().isBlank()) {
          out.add(o instanceof String ? ((String) o).strip() : string(o));
        }
      }
    } else if (value instanceof String s) {
      for (String part : s.split(",")) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
    } else {
      throw new IllegalArgumentException("is not a list or comma-separated text");
    }
    return Collections.unmodifiableSet(out);
  }
}

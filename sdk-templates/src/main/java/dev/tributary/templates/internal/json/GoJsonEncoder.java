package dev.tributary.templates.internal.json;

import dev.tributary.templates.internal.fmt.FmtSort;
import dev.tributary.templates.internal.fmt.GoFmt;
import dev.tributary.templates.internal.gotime.GoTimes;
import dev.tributary.templates.internal.json.GoJsonDecoder.JsonException;
import dev.tributary.templates.internal.value.GoComplex;
import dev.tributary.templates.internal.value.GoInt;
import dev.tributary.templates.internal.value.GoNil;
import dev.tributary.templates.internal.value.GoStrings;
import dev.tributary.templates.internal.value.GoTime;
import dev.tributary.templates.internal.value.Records;
import dev.tributary.templates.internal.value.Values;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Encodes template values as Go's {@code json.Marshal} does: map keys sorted, {@code <>&} escaped
 * unless told otherwise, floats as {@code 1e+21} only from 1e21 on, records as objects. Not
 * thread-safe; one per document.
 */
public final class GoJsonEncoder {
  private static final String HEX = "0123456789abcdef";

  private final StringBuilder sb = new StringBuilder();
  private final boolean escapeHtml;
  private final @Nullable String indent;
  private int level;

  private GoJsonEncoder(boolean escapeHtml, @Nullable String indent) {
    this.escapeHtml = escapeHtml;
    this.indent = indent;
  }

  /** Go's {@code json.Marshal}, or {@code MarshalIndent(v, "", indent)} when indent is set. */
  public static String marshal(@Nullable Object v, boolean escapeHtml, @Nullable String indent)
      throws JsonException {
    GoJsonEncoder e = new GoJsonEncoder(escapeHtml, indent);
    e.value(v);
    return e.sb.toString();
  }

  private void value(@Nullable Object v) throws JsonException {
    if (v == null || v instanceof GoNil) {
      sb.append("null");
    } else if (v instanceof String s) {
      string(s);
    } else if (v instanceof Boolean b) {
      sb.append(b.booleanValue());
    } else if (v instanceof Double d) {
      number(d);
    } else if (v instanceof Long || v instanceof Integer) {
      sb.append(v);
    } else if (v instanceof GoInt i) {
      sb.append(i);
    } else if (v instanceof Map<?, ?> m) {
      object(m);
    } else if (v instanceof List<?> l) {
      array(l);
    } else if (v instanceof GoComplex) {
      throw new JsonException("json: unsupported type: complex128");
    } else if (v instanceof Record r) {
      record(r);
    } else if (v instanceof GoTime t) {
      sb.append('"').append(GoTimes.format(t, "2006-01-02T15:04:05.999999999Z07:00")).append('"');
    } else {
      throw new JsonException("json: unsupported type: " + Values.typeOf(v));
    }
  }

  private void number(double f) throws JsonException {
    if (Double.isNaN(f) || Double.isInfinite(f)) {
      throw new JsonException("json: unsupported value: " + GoFmt.formatFloat(f, 'g', -1));
    }
    double abs = Math.abs(f);
    boolean exp = abs != 0 && (abs < 1e-6 || abs >= 1e21);
    String s = GoFmt.formatFloat(f, exp ? 'e' : 'f', -1);
    int n = s.length();
    if (exp
        && n >= 4
        && s.charAt(n - 4) == 'e'
        && s.charAt(n - 3) == '-'
        && s.charAt(n - 2) == '0') {
      s = s.substring(0, n - 2) + s.charAt(n - 1);
    }
    sb.append(s);
  }

  private void newline() {
    if (indent != null) {
      sb.append('\n');
      for (int k = 0; k < level; k++) {
        sb.append(indent);
      }
    }
  }

  private void object(Map<?, ?> m) throws JsonException {
    if (m.isEmpty()) {
      sb.append("{}");
      return;
    }
    sb.append('{');
    level++;
    boolean first = true;
    for (Object[] entry : FmtSort.sortedEntries(m)) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      newline();
      string(String.valueOf(entry[0]));
      sb.append(indent != null ? ": " : ":");
      value(Values.element(entry[1]));
    }
    level--;
    newline();
    sb.append('}');
  }

  private void array(List<?> l) throws JsonException {
    if (l.isEmpty()) {
      sb.append("[]");
      return;
    }
    sb.append('[');
    level++;
    for (int k = 0; k < l.size(); k++) {
      if (k > 0) {
        sb.append(',');
      }
      newline();
      value(Values.element(l.get(k)));
    }
    level--;
    newline();
    sb.append(']');
  }

  private void record(Record r) throws JsonException {
    Records.Info info = Records.info(r.getClass());
    List<String> names = info.fieldNames();
    if (names.isEmpty()) {
      sb.append("{}");
      return;
    }
    sb.append('{');
    level++;
    for (int k = 0; k < names.size(); k++) {
      if (k > 0) {
        sb.append(',');
      }
      newline();
      string(names.get(k));
      sb.append(indent != null ? ": " : ":");
      value(Values.element(info.get(r, k)));
    }
    level--;
    newline();
    sb.append('}');
  }

  private void string(String s) {
    sb.append('"');
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        asciiChar(c);
      } else if (Character.isHighSurrogate(c) && GoStrings.charCount(s, i) == 2) {
        sb.append(c).append(s.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        sb.append("\\ufffd"); // an invalid byte or a broken pair
      } else if (c == '\u2028' || c == '\u2029') {
        sb.append("\\u202").append(HEX.charAt(c & 0xF));
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }

  private void asciiChar(char c) {
    switch (c) {
      case '"', '\\' -> {
        sb.append('\\').append(c);
        return;
      }
      case '\n' -> {
        sb.append("\\n");
        return;
      }
      case '\r' -> {
        sb.append("\\r");
        return;
      }
      case '\t' -> {
        sb.append("\\t");
        return;
      }
      case '<', '>', '&' -> {
        if (escapeHtml) {
          sb.append("\\u00").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
        } else {
          sb.append(c);
        }
        return;
      }
      default -> {
        if (c < 0x20) {
          sb.append("\\u00").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
        } else {
          sb.append(c);
        }
      }
    }
  }
}

package dev.tributary.templates.internal.exec;

import dev.tributary.templates.internal.value.GoNil;
import dev.tributary.templates.internal.value.GoType;
import dev.tributary.templates.internal.value.GoValue;
import dev.tributary.templates.internal.value.Records;
import dev.tributary.templates.internal.value.TypedMap;
import dev.tributary.templates.internal.value.Values;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Field access on data: a map's entry (honouring {@code missingkey}) or a record's component. This
 * is all of the data a template can reach: no getters, no other methods.
 */
final class Fields {
  /** Returned when the receiver has no field of that name. */
  static final Object NOT_FOUND = new Object();

  private Fields() {}

  static @Nullable Object lookup(ExecState s, Object receiver, String fieldName, boolean hasArgs) {
    Map<?, ?> generic = Values.genericMap(receiver);
    if (generic != null) {
      return mapEntry(s, generic, fieldName, hasArgs, false);
    }
    if (receiver instanceof TypedMap typed) {
      return mapEntry(s, typed, fieldName, hasArgs, true);
    }
    if (receiver instanceof Record record) {
      Records.Info info = Records.info(record.getClass());
      int index = info.indexOf(fieldName);
      if (index >= 0) {
        if (hasArgs) {
          throw s.errorf(fieldName + " has arguments but cannot be invoked as function");
        }
        s.resultIface = true;
        return Values.element(info.get(record, index));
      }
    }
    return NOT_FOUND;
  }

  private static @Nullable Object mapEntry(
      ExecState s, Map<?, ?> map, String key, boolean hasArgs, boolean typed) {
    if (hasArgs) {
      throw s.errorf(key + " is not a method but has arguments");
    }
    Object raw = map.get(key);
    if (raw == null && !map.containsKey(key)) {
      switch (s.opts.missingKey()) {
        case ExecOptions.MISSING_ZERO -> {
          GoType elem = typed ? ((GoValue) map).goType().elem() : GoType.INTERFACE;
          s.resultIface = elem == GoType.INTERFACE;
          return Arguments.zero(elem);
        }
        case ExecOptions.MISSING_ERROR ->
            throw s.errorf("map has no entry for key " + ExecState.quote(key));
        default -> {
          return null;
        }
      }
    }
    if (typed) {
      return raw == null ? GoNil.INTERFACE : raw;
    }
    s.resultIface = true;
    return Values.element(raw);
  }
}

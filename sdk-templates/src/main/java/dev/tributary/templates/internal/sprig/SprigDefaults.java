package dev.tributary.templates.internal.sprig;

import dev.tributary.templates.internal.func.GoFunction;
import dev.tributary.templates.internal.value.GoType;
import dev.tributary.templates.internal.value.Values;
import java.util.List;

/** sprig's defaults: {@code default empty coalesce ternary} (placeholder, grown below). */
final class SprigDefaults {
  private SprigDefaults() {}

  static List<GoFunction> functions() {
    return List.of(
        GoFunction.variadic(
            "default",
            GoType.INTERFACE,
            List.of(GoType.INTERFACE, GoType.INTERFACE),
            (env, a) -> {
              Object given = a.length > 1 ? a[1] : null;
              return Values.truth(given) ? given : a[0];
            }));
  }
}

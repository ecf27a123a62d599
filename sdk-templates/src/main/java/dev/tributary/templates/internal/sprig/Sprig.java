package dev.tributary.templates.internal.sprig;

import dev.tributary.templates.internal.func.FunctionTable;
import dev.tributary.templates.internal.func.GoFunction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sprig v3 function table ({@code sprig.TxtFuncMap()}), without the functions that reach the
 * environment, the network or cryptographic key material. Immutable and shared by every engine.
 */
public final class Sprig {
  /** Every sprig function this module implements, by name. */
  public static final FunctionTable TABLE = build();

  private Sprig() {}

  private static FunctionTable build() {
    Map<String, GoFunction> m = new LinkedHashMap<>();
    List<List<GoFunction>> groups =
        List.of(
            SprigDefaults.functions(),
            SprigStrings.functions(),
            SprigLists.functions(),
            SprigDicts.functions(),
            SprigMath.functions(),
            SprigEncoding.functions(),
            SprigDates.functions(),
            SprigRegex.functions(),
            SprigUrls.functions());
    for (List<GoFunction> group : groups) {
      for (GoFunction f : group) {
        if (m.put(f.name(), f) != null) {
          throw new IllegalStateException("sprig function defined twice: " + f.name());
        }
      }
    }
    return FunctionTable.of(m);
  }
}

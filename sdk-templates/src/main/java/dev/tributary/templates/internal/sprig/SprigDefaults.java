package dev.tributary.templates.internal.sprig;

import static dev.tributary.templates.internal.sprig.Fn.A;
import static dev.tributary.templates.internal.sprig.Fn.B;
import static dev.tributary.templates.internal.sprig.Fn.S;
import static dev.tributary.templates.internal.sprig.Fn.fn;
import static dev.tributary.templates.internal.sprig.Fn.s;
import static dev.tributary.templates.internal.sprig.Fn.va;

import dev.tributary.templates.internal.fmt.GoFmt;
import dev.tributary.templates.internal.func.FuncException;
import dev.tributary.templates.internal.func.GoFunction;
import dev.tributary.templates.internal.json.GoJsonDecoder;
import dev.tributary.templates.internal.json.GoJsonEncoder;
import dev.tributary.templates.internal.value.Kind;
import dev.tributary.templates.internal.value.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/** sprig's defaults, JSON, reflection and flow-control functions. */
final class SprigDefaults {
  private SprigDefaults() {}

  static List<GoFunction> functions() {
    List<GoFunction> f = new ArrayList<>();
    f.add(
        va("default", A, List.of(A, A), (e, a) -> a.length < 2 || Cast.empty(a[1]) ? a[0] : a[1]));
    f.add(fn("empty", B, List.of(A), (e, a) -> Cast.empty(a[0])));
    f.add(va("coalesce", A, List.of(A), (e, a) -> coalesce(a)));
    f.add(va("all", B, List.of(A), (e, a) -> all(a)));
    f.add(va("any", B, List.of(A), (e, a) -> any(a)));
    f.add(fn("ternary", A, List.of(A, A, B), (e, a) -> (Boolean) a[2] ? a[0] : a[1]));
    f.add(fn("fromJson", A, List.of(S), (e, a) -> fromJson(s(a[0]), false)));
    f.add(fn("mustFromJson", A, List.of(S), (e, a) -> fromJson(s(a[0]), true)));
    f.add(fn("toJson", S, List.of(A), (e, a) -> toJson(a[0], true, null, false)));
    f.add(fn("mustToJson", S, List.of(A), (e, a) -> toJson(a[0], true, null, true)));
    f.add(fn("toPrettyJson", S, List.of(A), (e, a) -> toJson(a[0], true, "  ", false)));
    f.add(fn("mustToPrettyJson", S, List.of(A), (e, a) -> toJson(a[0], true, "  ", true)));
    f.add(fn("toRawJson", S, List.of(A), (e, a) -> toJson(a[0], false, null, true)));
    f.add(fn("mustToRawJson", S, List.of(A), (e, a) -> toJson(a[0], false, null, true)));
    f.add(fn("typeOf", S, List.of(A), (e, a) -> typeOf(a[0])));
    f.add(fn("typeIs", B, List.of(S, A), (e, a) -> s(a[0]).equals(typeOf(a[1]))));
    f.add(fn("typeIsLike", B, List.of(S, A), (e, a) -> typeIsLike(s(a[0]), a[1])));
    f.add(fn("kindOf", S, List.of(A), (e, a) -> kindOf(a[0])));
    f.add(fn("kindIs", B, List.of(S, A), (e, a) -> s(a[0]).equals(kindOf(a[1]))));
    f.add(fn("deepEqual", B, List.of(A, A), (e, a) -> Cast.deepEqual(a[0], a[1])));
    f.add(
        GoFunction.of(
            "fail",
            S,
            List.of(S),
            (e, a) -> {
              throw new FuncException(s(a[0]));
            }));
    f.add(fn("uuidv4", S, List.of(), (e, a) -> UUID.randomUUID().toString()));
    return f;
  }

  private static Object coalesce(Object[] v) {
    for (Object val : v) {
      if (!Cast.empty(val)) {
        return val;
      }
    }
    return null;
  }

  private static boolean all(Object[] v) {
    for (Object val : v) {
      if (Cast.empty(val)) {
        return false;
      }
    }
    return true;
  }

  private static boolean any(Object[] v) {
    for (Object val : v) {
      if (!Cast.empty(val)) {
        return true;
      }
    }
    return false;
  }

  private static Object fromJson(String v, boolean must) throws FuncException {
    try {
      return GoJsonDecoder.decode(v);
    } catch (GoJsonDecoder.JsonException e) {
      if (must) {
        throw new FuncException(e.getMessage());
      }
      return null;
    }
  }

  private static Object toJson(Object v, boolean escapeHtml, String indent, boolean must)
      throws FuncException {
    try {
      return GoJsonEncoder.marshal(v, escapeHtml, indent);
    } catch (GoJsonDecoder.JsonException e) {
      if (must) {
        throw new FuncException(e.getMessage());
      }
      return "";
    }
  }

  static String typeOf(Object v) {
    return GoFmt.sprintf("%T", Collections.singletonList(v));
  }

  private static boolean typeIsLike(String target, Object src) {
    String t = typeOf(src);
    return target.equals(t) || ("*" + target).equals(t);
  }

  static String kindOf(Object v) {
    return v == null ? Kind.INVALID.toString() : Values.kindOf(v).toString();
  }
}

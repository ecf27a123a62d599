package dev.tributary.templates.internal.exec;

import dev.tributary.templates.internal.fmt.FmtSort;
import dev.tributary.templates.internal.fmt.GoFmt;
import dev.tributary.templates.internal.func.FuncException;
import dev.tributary.templates.internal.value.GoComplex;
import dev.tributary.templates.internal.value.GoNil;
import dev.tributary.templates.internal.value.Kind;
import dev.tributary.templates.internal.value.Values;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Go's comparison builtins with its {@code basicKind} rules: values compare only within a kind (an
 * {@code int} never equals a {@code float64}: "incompatible types for comparison"), except signed
 * and unsigned integers; {@code lt} rejects booleans and complex numbers.
 */
final class Compare {
  private static final int INVALID = 0;
  private static final int BOOL = 1;
  private static final int COMPLEX = 2;
  private static final int INT = 3;
  private static final int FLOAT = 4;
  private static final int STRING = 5;
  private static final int UINT = 6;

  private static final String BAD_TYPE = "invalid type for comparison";
  private static final String INCOMPATIBLE = "incompatible types for comparison";

  private Compare() {}

  static int basicKind(Object v) {
    if (v instanceof String) {
      return STRING;
    } else if (v instanceof Double) {
      return FLOAT;
    } else if (v instanceof Long || v instanceof Integer) {
      return INT;
    } else if (v instanceof Boolean) {
      return BOOL;
    }
    Kind k = Values.kindOf(v);
    if (k.isSignedInt()) {
      return INT;
    } else if (k.isUnsignedInt()) {
      return UINT;
    } else if (k.isFloat()) {
      return FLOAT;
    } else if (k.isComplex()) {
      return COMPLEX;
    }
    return INVALID;
  }

  /** {@code eq arg1 arg2...}: arg1 equals any of the others. */
  static boolean eq(Object[] args) throws FuncException {
    Object arg1 = Values.indirectInterface(args[0]);
    if (args.length < 2) {
      throw new FuncException("missing argument for comparison");
    }
    int k1 = basicKind(arg1);
    for (int i = 1; i < args.length; i++) {
      Object arg = Values.indirectInterface(args[i]);
      int k2 = basicKind(arg);
      boolean truth;
      if (k1 != k2) {
        if (k1 == INT && k2 == UINT) {
          truth = bits(arg1) >= 0 && bits(arg1) == bits(arg);
        } else if (k1 == UINT && k2 == INT) {
          truth = bits(arg) >= 0 && bits(arg1) == bits(arg);
        } else if (arg1 != null && arg != null) {
          throw new FuncException(INCOMPATIBLE);
        } else {
          truth = false;
        }
      } else {
        truth = sameKindEqual(k1, arg1, arg);
      }
      if (truth) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameKindEqual(int kind, Object a, Object b) throws FuncException {
    switch (kind) {
      case BOOL -> {
        return a.equals(b);
      }
      case COMPLEX -> {
        GoComplex x = (GoComplex) a;
        GoComplex y = (GoComplex) b;
        return x.real() == y.real() && x.imag() == y.imag();
      }
      case FLOAT -> {
        return ((Number) a).doubleValue() == ((Number) b).doubleValue();
      }
      case INT, UINT -> {
        return bits(a) == bits(b);
      }
      case STRING -> {
        return a.equals(b);
      }
      default -> {
        return otherEqual(a, b);
      }
    }
  }

  /** Maps, slices, records, nils: Go's comparable/nil rules. */
  private static boolean otherEqual(Object a, Object b) throws FuncException {
    Kind ka = Values.kindOf(a);
    Kind kb = Values.kindOf(b);
    if (ka != kb && ka != Kind.INVALID && kb != Kind.INVALID) {
      throw new FuncException(
          GoFmt.sprintf(
              "non-comparable types %s: %v, %s: %v",
              List.of(a, Values.typeOf(a).name(), Values.typeOf(b).name(), b)));
    }
    if (isNil(a) || isNil(b)) {
      return isNil(a) == isNil(b);
    }
    if (b instanceof Map || b instanceof List || kb == Kind.FUNC) {
      throw new FuncException(
          GoFmt.sprintf("non-comparable type %s: %v", List.of(b, Values.typeOf(b).name())));
    }
    return Objects.equals(a, b);
  }

  private static boolean isNil(Object v) {
    return v == null || v instanceof GoNil;
  }

  private static long bits(Object v) {
    return Values.intBits(v);
  }

  /** {@code lt arg1 arg2}. */
  static boolean lt(Object a1, Object a2) throws FuncException {
    Object arg1 = Values.indirectInterface(a1);
    int k1 = basicKind(arg1);
    if (k1 == INVALID) {
      throw new FuncException(BAD_TYPE);
    }
    Object arg2 = Values.indirectInterface(a2);
    int k2 = basicKind(arg2);
    if (k2 == INVALID) {
      throw new FuncException(BAD_TYPE);
    }
    if (k1 != k2) {
      if (k1 == INT && k2 == UINT) {
        return bits(arg1) < 0 || Long.compareUnsigned(bits(arg1), bits(arg2)) < 0;
      } else if (k1 == UINT && k2 == INT) {
        return bits(arg2) >= 0 && Long.compareUnsigned(bits(arg1), bits(arg2)) < 0;
      }
      throw new FuncException(INCOMPATIBLE);
    }
    switch (k1) {
      case BOOL, COMPLEX -> throw new FuncException(BAD_TYPE);
      case FLOAT -> {
        return ((Number) arg1).doubleValue() < ((Number) arg2).doubleValue();
      }
      case INT -> {
        return bits(arg1) < bits(arg2);
      }
      case STRING -> {
        return FmtSort.compareStrings((String) arg1, (String) arg2) < 0;
      }
      default -> {
        return Long.compareUnsigned(bits(arg1), bits(arg2)) < 0;
      }
    }
  }

  /** {@code le arg1 arg2}: lt, or else eq. */
  static boolean le(Object a1, Object a2) throws FuncException {
    return lt(a1, a2) || eq(new Object[] {a1, a2});
  }
}

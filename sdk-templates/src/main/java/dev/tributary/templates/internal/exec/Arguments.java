package dev.tributary.templates.internal.exec;

import dev.tributary.templates.internal.parse.BoolNode;
import dev.tributary.templates.internal.parse.Node;
import dev.tributary.templates.internal.parse.NumberNode;
import dev.tributary.templates.internal.parse.StringNode;
import dev.tributary.templates.internal.value.GoComplex;
import dev.tributary.templates.internal.value.GoInt;
import dev.tributary.templates.internal.value.GoNil;
import dev.tributary.templates.internal.value.GoType;
import dev.tributary.templates.internal.value.Kind;
import dev.tributary.templates.internal.value.Values;
import org.jspecify.annotations.Nullable;

/**
 * Converting arguments to parameter types as Go's {@code evalArg} and {@code validateType} do, with
 * their errors ({@code expected integer; found 1.5}, {@code wrong type for value; expected string;
 * got float64}).
 */
final class Arguments {
  private Arguments() {}

  static @Nullable Object validateType(ExecState s, @Nullable Object value, @Nullable GoType typ) {
    if (value == null) {
      if (typ == null || typ == GoType.REFLECT_VALUE) {
        return null;
      }
      if (typ.kind().canBeNil()) {
        return zero(typ);
      }
      throw s.errorf("invalid value; expected " + typ);
    }
    if (typ == null || typ == GoType.REFLECT_VALUE) {
      return value;
    }
    GoType actual = Values.typeOf(value);
    if (!typ.isAssignableFrom(actual)) {
      throw s.errorf("wrong type for value; expected " + typ + "; got " + actual);
    }
    if (typ == GoType.INT && value instanceof Integer i) {
      return i.longValue();
    }
    return value;
  }

  /** The zero value of a type: nil for nillable kinds, 0, "" or false otherwise. */
  static @Nullable Object zero(@Nullable GoType typ) {
    if (typ == null || typ == GoType.REFLECT_VALUE) {
      return null;
    }
    Kind k = typ.kind();
    if (k == Kind.INTERFACE) {
      return GoNil.INTERFACE;
    } else if (k.canBeNil()) {
      return GoNil.of(typ);
    } else if (typ == GoType.INT) {
      return 0L;
    } else if (k.isSignedInt() || k.isUnsignedInt()) {
      return new GoInt(0, typ);
    } else if (k.isFloat()) {
      return 0.0;
    } else if (k == Kind.STRING) {
      return "";
    } else if (k == Kind.BOOL) {
      return false;
    } else if (k.isComplex()) {
      return new GoComplex(0, 0);
    }
    return null;
  }

  /** A literal argument (bool, number, string) for a parameter of type {@code typ}. */
  static @Nullable Object literal(Evaluator s, Object dot, @Nullable GoType typ, Node n) {
    Kind k = typ == null ? Kind.INVALID : typ.kind();
    if (typ == GoType.REFLECT_VALUE || k == Kind.INTERFACE) {
      return s.evalEmptyInterface(dot, n);
    }
    switch (k) {
      case BOOL -> {
        s.node = n;
        if (n instanceof BoolNode b) {
          return b.value;
        }
        throw s.errorf("expected bool; found " + n);
      }
      case STRING -> {
        s.node = n;
        if (n instanceof StringNode str) {
          return str.text;
        }
        throw s.errorf("expected string; found " + n);
      }
      case FLOAT32, FLOAT64 -> {
        s.node = n;
        if (n instanceof NumberNode num && num.isFloat) {
          return num.float64;
        }
        throw s.errorf("expected float; found " + n);
      }
      case COMPLEX64, COMPLEX128 -> {
        if (n instanceof NumberNode num && num.isComplex) {
          return new GoComplex(num.real, num.imag);
        }
        throw s.errorf("expected complex; found " + n);
      }
      default -> {
        return integer(s, typ, k, n);
      }
    }
  }

  private static Object integer(Evaluator s, @Nullable GoType typ, Kind k, Node n) {
    if (k.isSignedInt()) {
      s.node = n;
      if (n instanceof NumberNode num && num.isInt) {
        return typ == GoType.INT ? (Object) num.int64 : new GoInt(num.int64, typ);
      }
      throw s.errorf("expected integer; found " + n);
    }
    if (k.isUnsignedInt()) {
      s.node = n;
      if (n instanceof NumberNode num && num.isUint) {
        return new GoInt(num.uint64, typ);
      }
      throw s.errorf("expected unsigned integer; found " + n);
    }
    throw s.errorf("can't handle " + n + " for arg of type " + typ);
  }
}

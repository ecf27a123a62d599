package dev.tributary.templates.internal.sprig;

import static dev.tributary.templates.internal.sprig.Fn.A;
import static dev.tributary.templates.internal.sprig.Fn.F;
import static dev.tributary.templates.internal.sprig.Fn.I;
import static dev.tributary.templates.internal.sprig.Fn.I64;
import static dev.tributary.templates.internal.sprig.Fn.S;
import static dev.tributary.templates.internal.sprig.Fn.fn;
import static dev.tributary.templates.internal.sprig.Fn.i;
import static dev.tributary.templates.internal.sprig.Fn.s;
import static dev.tributary.templates.internal.sprig.Fn.va;

import dev.tributary.templates.internal.fmt.GoFmt;
import dev.tributary.templates.internal.fmt.GoNumbers;
import dev.tributary.templates.internal.func.FuncEnv;
import dev.tributary.templates.internal.func.FuncException;
import dev.tributary.templates.internal.func.GoFunction;
import dev.tributary.templates.internal.value.GoInt;
import dev.tributary.templates.internal.value.GoType;
import dev.tributary.templates.internal.value.TypedList;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * sprig's arithmetic: integer functions that convert with {@code cast.ToInt64} and return {@code
 * int64}, float functions that compute in shopspring decimals, and ranges ({@code until}, {@code
 * seq}).
 */
final class SprigMath {
  private static final SecureRandom RANDOM = new SecureRandom();

  private SprigMath() {}

  static List<GoFunction> functions() {
    List<GoFunction> f = new ArrayList<>();
    f.add(fn("atoi", I, List.of(S), (e, a) -> atoi(s(a[0]))));
    f.add(fn("int64", I64, List.of(A), (e, a) -> i64(Cast.toInt64(a[0]))));
    f.add(fn("int", I, List.of(A), (e, a) -> Cast.toInt64(a[0])));
    f.add(fn("float64", F, List.of(A), (e, a) -> Cast.toFloat64(a[0])));
    f.add(fn("toDecimal", I64, List.of(A), (e, a) -> i64(toDecimal(a[0]))));
    f.add(fn("add1", I64, List.of(A), (e, a) -> i64(Cast.toInt64(a[0]) + 1)));
    f.add(va("add", I64, List.of(A), (e, a) -> i64(sum(a))));
    f.add(fn("sub", I64, List.of(A, A), (e, a) -> i64(Cast.toInt64(a[0]) - Cast.toInt64(a[1]))));
    f.add(fn("div", I64, List.of(A, A), (e, a) -> i64(divide(a[0], a[1], false))));
    f.add(fn("mod", I64, List.of(A, A), (e, a) -> i64(divide(a[0], a[1], true))));
    f.add(va("mul", I64, List.of(A, A), (e, a) -> i64(product(a))));
    f.add(fn("randInt", I, List.of(I, I), (e, a) -> randInt(i(a[0]), i(a[1]))));
    f.add(
        fn("add1f", F, List.of(A), (e, a) -> decimalOp(a[0], new Object[] {1L}, BigDecimal::add)));
    f.add(va("addf", F, List.of(A), (e, a) -> decimalOp(0.0, a, BigDecimal::add)));
    f.add(va("subf", F, List.of(A, A), (e, a) -> decimalOp(a[0], tail(a), BigDecimal::subtract)));
    f.add(va("mulf", F, List.of(A, A), (e, a) -> decimalOp(a[0], tail(a), BigDecimal::multiply)));
    f.add(va("divf", F, List.of(A, A), (e, a) -> divf(a)));
    f.add(va("biggest", I64, List.of(A, A), (e, a) -> i64(extreme(a, true))));
    f.add(va("max", I64, List.of(A, A), (e, a) -> i64(extreme(a, true))));
    f.add(va("min", I64, List.of(A, A), (e, a) -> i64(extreme(a, false))));
    f.add(va("maxf", F, List.of(A, A), (e, a) -> extremeF(a, true)));
    f.add(va("minf", F, List.of(A, A), (e, a) -> extremeF(a, false)));
    f.add(fn("ceil", F, List.of(A), (e, a) -> Math.ceil(Cast.toFloat64(a[0]))));
    f.add(fn("floor", F, List.of(A), (e, a) -> Math.floor(Cast.toFloat64(a[0]))));
    f.add(va("round", F, List.of(A, I, F), (e, a) -> round(a)));
    f.add(fn("until", GoType.SLICE_INT, List.of(I), (e, a) -> until(e, i(a[0]))));
    f.add(
        fn(
            "untilStep",
            GoType.SLICE_INT,
            List.of(I, I, I),
            (e, a) -> untilStep(e, i(a[0]), i(a[1]), i(a[2]))));
    f.add(va("seq", S, List.of(I), SprigMath::seq));
    return f;
  }

  private static GoInt i64(long v) {
    return GoInt.int64(v);
  }

  private static Object[] tail(Object[] a) {
    Object[] t = new Object[a.length - 1];
    System.arraycopy(a, 1, t, 0, t.length);
    return t;
  }

  private static long atoi(String s) {
    try {
      return GoNumbers.parseInt(s, 10);
    } catch (GoNumbers.NumberError e) {
      return 0;
    }
  }

  private static long toDecimal(Object v) {
    try {
      return GoNumbers.parseInt(GoFmt.sprint(java.util.Collections.singletonList(v)), 8);
    } catch (GoNumbers.NumberError e) {
      return 0;
    }
  }

  private static long sum(Object[] a) {
    long s = 0;
    for (Object b : a) {
      s += Cast.toInt64(b);
    }
    return s;
  }

  private static long product(Object[] a) {
    long p = Cast.toInt64(a[0]);
    for (int k = 1; k < a.length; k++) {
      p *= Cast.toInt64(a[k]);
    }
    return p;
  }

  private static long divide(Object x, Object y, boolean mod) throws FuncException {
    long a = Cast.toInt64(x);
    long b = Cast.toInt64(y);
    if (b == 0) {
      throw new FuncException("runtime error: integer divide by zero");
    }
    return mod ? a % b : a / b;
  }

  private static long randInt(long min, long max) throws FuncException {
    long n = max - min;
    if (n <= 0) {
      throw new FuncException("invalid argument to Intn");
    }
    return min + (long) (RANDOM.nextDouble() * n);
  }

  private static long extreme(Object[] a, boolean max) {
    long aa = Cast.toInt64(a[0]);
    for (int k = 1; k < a.length; k++) {
      long bb = Cast.toInt64(a[k]);
      if (max ? bb > aa : bb < aa) {
        aa = bb;
      }
    }
    return aa;
  }

  private static double extremeF(Object[] a, boolean max) {
    double aa = Cast.toFloat64(a[0]);
    for (int k = 1; k < a.length; k++) {
      double bb = Cast.toFloat64(a[k]);
      aa = max ? Math.max(aa, bb) : Math.min(aa, bb);
    }
    return aa;
  }

  /** shopspring's {@code NewFromFloat}: the shortest decimal that reads back as the float. */
  private static BigDecimal decimal(Object v) throws FuncException {
    double f = Cast.toFloat64(v);
    if (Double.isNaN(f) || Double.isInfinite(f)) {
      throw new FuncException("Cannot create a Decimal from " + GoFmt.formatFloat(f, 'g', -1));
    }
    return new BigDecimal(GoFmt.formatFloat(f, 'e', -1));
  }

  private static double decimalOp(Object first, Object[] rest, BinaryOperator<BigDecimal> op)
      throws FuncException {
    BigDecimal acc = decimal(first);
    for (Object x : rest) {
      acc = op.apply(acc, decimal(x));
    }
    return Double.parseDouble(acc.toString());
  }

  /** shopspring's {@code DivRound(d2, 16)}: 16 decimal places, half away from zero. */
  private static double divf(Object[] a) throws FuncException {
    BigDecimal acc = decimal(a[0]);
    for (int k = 1; k < a.length; k++) {
      BigDecimal d = decimal(a[k]);
      if (d.signum() == 0) {
        throw new FuncException("decimal division by 0");
      }
      acc = acc.divide(d, 16, RoundingMode.HALF_UP);
    }
    return Double.parseDouble(acc.toString());
  }

  private static double round(Object[] a) {
    double roundOn = a.length > 2 ? (Double) a[2] : .5;
    double val = Cast.toFloat64(a[0]);
    double pow = Math.pow(10, (double) (Long) a[1]);
    double digit = pow * val;
    double frac = digit - (digit < 0 ? Math.ceil(digit) : Math.floor(digit));
    double r = frac >= roundOn ? Math.ceil(digit) : Math.floor(digit);
    return r / pow;
  }

  private static Object until(FuncEnv env, long count) throws FuncException {
    return untilStep(env, 0, count, count < 0 ? -1 : 1);
  }

  private static Object untilStep(FuncEnv env, long start, long stop, long step)
      throws FuncException {
    List<Object> v = new ArrayList<>();
    if (stop < start) {
      if (step >= 0) {
        return TypedList.of(GoType.SLICE_INT, v);
      }
      env.checkSize((start - stop) / -step);
      for (long i = start; i > stop; i += step) {
        v.add(i);
      }
      return TypedList.of(GoType.SLICE_INT, v);
    }
    if (step <= 0) {
      return TypedList.of(GoType.SLICE_INT, v);
    }
    env.checkSize((stop - start) / step);
    for (long i = start; i < stop; i += step) {
      v.add(i);
    }
    return TypedList.of(GoType.SLICE_INT, v);
  }

  private static Object seq(FuncEnv env, Object[] a) throws FuncException {
    long[] p = new long[a.length];
    for (int k = 0; k < a.length; k++) {
      p[k] = i(a[k]);
    }
    List<?> nums;
    switch (p.length) {
      case 1 -> {
        long inc = p[0] < 1 ? -1 : 1;
        nums = (List<?>) untilStep(env, 1, p[0] + inc, inc);
      }
      case 2 -> {
        long step = p[1] < p[0] ? -1 : 1;
        nums = (List<?>) untilStep(env, p[0], p[1] + step, step);
      }
      case 3 -> {
        long increment = 1;
        if (p[2] < p[0]) {
          increment = -1;
          if (p[1] > 0) {
            return "";
          }
        }
        nums = (List<?>) untilStep(env, p[0], p[2] + increment, p[1]);
      }
      default -> {
        return "";
      }
    }
    StringBuilder sb = new StringBuilder();
    for (Object n : nums) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(n);
    }
    return sb.toString();
  }
}

package dev.tributary.templates.internal.fmt;

import dev.tributary.templates.internal.value.GoStrings;
import java.util.List;

/**
 * Go's {@code fmt.Sprint}, {@code Sprintln} and {@code Sprintf}, and {@code strconv} number
 * formatting, over template values. Printers are reused per thread; all methods are thread-safe.
 */
public final class GoFmt {
  private static final ThreadLocal<Printer> PRINTERS = ThreadLocal.withInitial(Printer::new);
  private static final ThreadLocal<FloatFormat> FLOATS = ThreadLocal.withInitial(FloatFormat::new);

  private GoFmt() {}

  /** Go's {@code fmt.Sprint}. Arguments are {@code interface{}} values: null is nil. */
  public static String sprint(List<?> args) {
    Printer p = PRINTERS.get();
    String s = p.sprint(args);
    release(p);
    return s;
  }

  /** Go's {@code fmt.Sprintln}. */
  public static String sprintln(List<?> args) {
    Printer p = PRINTERS.get();
    String s = p.sprintln(args);
    release(p);
    return s;
  }

  /** Go's {@code fmt.Sprintf}. */
  public static String sprintf(String format, List<?> args) {
    Printer p = PRINTERS.get();
    String s = p.sprintf(format, args);
    release(p);
    return s;
  }

  /** {@code %v} of a single non-null value, as a template prints an action's result. */
  public static String sprint(Object value) {
    return sprint(List.of(value));
  }

  /** Drops a printer whose buffer grew large, as Go's fmt does, so threads do not hoard memory. */
  private static void release(Printer p) {
    if (p.buf.capacity() > 64 * 1024) {
      PRINTERS.remove();
    }
  }

  /** Appends {@code %v} of a float64: Go's shortest 'g' with exponents from 1e+06 on. */
  public static void appendFloat(StringBuilder sb, double v) {
    long asLong = (long) v;
    if (asLong == v && asLong > -1_000_000 && asLong < 1_000_000 && (asLong != 0 || 1 / v > 0)) {
      sb.append(asLong);
      return;
    }
    FLOATS.get().append(sb, v, 'g', -1);
  }

  /** Go's {@code strconv.FormatFloat(v, fmt, prec, 64)}. */
  public static String formatFloat(double v, char fmt, int prec) {
    StringBuilder sb = new StringBuilder(24);
    FLOATS.get().append(sb, v, fmt, prec);
    return sb.toString();
  }

  /** Go's {@code strconv.Quote}. */
  public static String quote(String s) {
    return Strconv.quote(s);
  }

  /** The Go bytes' length, as {@code len} counts them. */
  public static int byteLength(String s) {
    return GoStrings.byteLength(s);
  }
}

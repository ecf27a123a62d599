package dev.tributary.templates.internal.fmt;

import dev.tributary.templates.internal.value.GoInt;
import dev.tributary.templates.internal.value.Values;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One run of Go's {@code doPrintf}: walks the format, parses flags, widths, precisions and explicit
 * argument indexes ({@code %[2]d}, {@code %*d}), and prints each argument with its verb.
 */
final class Printf {
  private static final int TOO_LARGE = 1_000_000;

  private final Printer p;
  private final String format;
  private final List<?> a;
  private final int end;
  private int argNum;
  private int i;
  private boolean afterIndex;

  Printf(Printer p, String format, List<?> args) {
    this.p = p;
    this.format = format;
    this.a = args;
    this.end = format.length();
  }

  void run() {
    p.setReordered(false);
    while (i < end) {
      p.setGoodArgNum(true);
      int lasti = i;
      while (i < end && format.charAt(i) != '%') {
        i++;
      }
      if (i > lasti) {
        p.buf.append(format, lasti, i);
      }
      if (i >= end) {
        break;
      }
      i++;
      p.clearFlags();
      if (simpleFlags()) {
        continue;
      }
      if (!widthAndPrecision()) {
        break;
      }
      printVerb();
    }
    if (!p.reordered() && argNum < a.size()) {
      extraArgs();
    }
  }

  /** Parses flags; returns true if a simple verb was printed straight away. */
  private boolean simpleFlags() {
    for (; i < end; i++) {
      char c = format.charAt(i);
      switch (c) {
        case '#' -> p.sharp = true;
        case '0' -> p.zero = !p.minus;
        case '+' -> p.plus = true;
        case '-' -> {
          p.minus = true;
          p.zero = false;
        }
        case ' ' -> p.space = true;
        default -> {
          if ('a' <= c && c <= 'z' && argNum < a.size()) {
            if (c == 'v') {
              p.sharpV = p.sharp;
              p.sharp = false;
              p.plusV = p.plus;
              p.plus = false;
            }
            p.printArg(arg(argNum), c);
            argNum++;
            i++;
            return true;
          }
          return false;
        }
      }
    }
    return false;
  }

  /** Parses {@code [n]}, width and precision; false when the format ends without a verb. */
  private boolean widthAndPrecision() {
    argNumber();
    if (i < end && format.charAt(i) == '*') {
      i++;
      long[] w = intFromArg();
      p.widPresent = w[1] != 0;
      p.wid = (int) w[0];
      if (!p.widPresent) {
        p.buf.append("%!(BADWIDTH)");
      }
      if (p.wid < 0) {
        p.wid = -p.wid;
        p.minus = true;
        p.zero = false;
      }
      afterIndex = false;
    } else {
      parseNum(true);
      if (afterIndex && p.widPresent) {
        p.setGoodArgNum(false);
      }
    }
    if (i + 1 < end && format.charAt(i) == '.') {
      i++;
      if (afterIndex) {
        p.setGoodArgNum(false);
      }
      argNumber();
      if (i < end && format.charAt(i) == '*') {
        i++;
        long[] pr = intFromArg();
        p.precPresent = pr[1] != 0;
        p.prec = (int) pr[0];
        if (p.prec < 0) {
          p.prec = 0;
          p.precPresent = false;
        }
        if (!p.precPresent) {
          p.buf.append("%!(BADPREC)");
        }
        afterIndex = false;
      } else {
        parseNum(false);
        if (!p.precPresent) {
          p.prec = 0;
          p.precPresent = true;
        }
      }
    }
    if (!afterIndex) {
      argNumber();
    }
    if (i >= end) {
      p.buf.append("%!(NOVERB)");
      return false;
    }
    return true;
  }

  private void printVerb() {
    int verb = p.runeAt(format, i);
    i += Character.charCount(verb);
    if (verb == '%') {
      p.buf.append('%');
    } else if (!p.goodArgNum()) {
      p.buf.append("%!").appendCodePoint(verb).append("(BADINDEX)");
    } else if (argNum >= a.size()) {
      p.buf.append("%!").appendCodePoint(verb).append("(MISSING)");
    } else {
      if (verb == 'v') {
        p.sharpV = p.sharp;
        p.sharp = false;
        p.plusV = p.plus;
        p.plus = false;
      }
      p.printArg(arg(argNum), verb);
      argNum++;
    }
  }

  private void extraArgs() {
    p.clearFlags();
    p.buf.append("%!(EXTRA ");
    for (int k = argNum; k < a.size(); k++) {
      if (k > argNum) {
        p.buf.append(", ");
      }
      Object x = arg(k);
      if (x == null) {
        p.buf.append("<nil>");
      } else {
        p.buf.append(Values.typeOf(x).name()).append('=');
        p.printArg(x, 'v');
      }
    }
    p.buf.append(')');
  }

  private @Nullable Object arg(int k) {
    return Printer.nilToNull(a.get(k));
  }

  /** Parses a decimal number at {@code i} into the width or precision. */
  private void parseNum(boolean width) {
    int num = 0;
    boolean isNum = false;
    int j = i;
    for (; j < end && format.charAt(j) >= '0' && format.charAt(j) <= '9'; j++) {
      if (num > TOO_LARGE) {
        num = 0;
        isNum = false;
        j = end;
        break;
      }
      num = num * 10 + (format.charAt(j) - '0');
      isNum = true;
    }
    i = j;
    if (width) {
      p.wid = num;
      p.widPresent = isNum;
    } else {
      p.prec = num;
      p.precPresent = isNum;
    }
  }

  /** Go's {@code argNumber}: an explicit {@code [n]} index at {@code i}. */
  private void argNumber() {
    if (i >= end || format.charAt(i) != '[') {
      afterIndex = false;
      return;
    }
    p.setReordered(true);
    int close = -1;
    for (int k = i + 1; k < end; k++) {
      if (format.charAt(k) == ']') {
        close = k;
        break;
      }
    }
    if (end - i < 3 || close < 0) {
      i += 1;
      p.setGoodArgNum(false);
      afterIndex = false;
      return;
    }
    int num = 0;
    boolean ok = close > i + 1;
    for (int k = i + 1; k < close && ok; k++) {
      char c = format.charAt(k);
      if (c < '0' || c > '9' || num > TOO_LARGE) {
        ok = false;
      } else {
        num = num * 10 + (c - '0');
      }
    }
    int index = num - 1;
    i = close + 1;
    if (ok && 0 <= index && index < a.size()) {
      argNum = index;
      afterIndex = true;
      return;
    }
    p.setGoodArgNum(false);
    afterIndex = ok;
  }

  /** Go's {@code intFromArg}: {value, ok} for a {@code *} width or precision. */
  private long[] intFromArg() {
    long num = 0;
    boolean isInt = false;
    if (argNum < a.size()) {
      Object x = arg(argNum);
      if (x instanceof Long || x instanceof Integer) {
        num = ((Number) x).longValue();
        isInt = true;
      } else if (x instanceof GoInt g) {
        num = g.bits();
        isInt = !g.isUnsigned() || num >= 0;
      }
      argNum++;
      if (num > TOO_LARGE || num < -TOO_LARGE) {
        num = 0;
        isInt = false;
      }
    }
    return new long[] {num, isInt ? 1 : 0};
  }
}

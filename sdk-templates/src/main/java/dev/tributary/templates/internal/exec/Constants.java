package dev.tributary.templates.internal.exec;

import dev.tributary.templates.internal.parse.NumberNode;
import dev.tributary.templates.internal.value.GoComplex;
import org.jspecify.annotations.Nullable;

/** Go's {@code idealConstant}: the type a number literal has when nothing else decides it. */
final class Constants {
  private Constants() {}

  record Ideal(@Nullable Object value, @Nullable String error) {}

  static Ideal ideal(NumberNode c) {
    return new Ideal(c.ideal, c.idealError);
  }

  /** Computes and stores the ideal value of a number node. */
  static void link(NumberNode c) {
    String text = c.text;
    if (c.isComplex) {
      c.ideal = new GoComplex(c.real, c.imag);
    } else if (c.isFloat && !isHexInt(text) && !isRuneInt(text) && containsAny(text, ".eEpP")) {
      c.ideal = c.float64;
    } else if (c.isInt) {
      c.ideal = c.int64;
    } else if (c.isUint) {
      c.idealError = text + " overflows int";
    }
  }

  private static boolean isRuneInt(String s) {
    return !s.isEmpty() && s.charAt(0) == '\'';
  }

  private static boolean isHexInt(String s) {
    return s.length() > 2
        && s.charAt(0) == '0'
        && (s.charAt(1) == 'x' || s.charAt(1) == 'X')
        && !containsAny(s, "pP");
  }

  private static boolean containsAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }
}

package dev.tributary.templates.internal.parse;

import dev.tributary.templates.internal.fmt.GoNumbers;
import dev.tributary.templates.internal.fmt.Strconv;
import org.jspecify.annotations.Nullable;

/**
 * A numeric constant with every interpretation Go allows for it — a character constant is an int, a
 * uint and a float at once, {@code 1e3} is a float and an int — as Go's {@code parse.NumberNode}.
 */
public final class NumberNode extends Node {
  private static final double TWO_63 = 0x1p63;

  public boolean isInt;
  public boolean isUint;
  public boolean isFloat;
  public boolean isComplex;
  public long int64;
  public long uint64;
  public double float64;
  public double real;
  public double imag;
  public final String text;

  /** The value without a type context (Go's idealConstant), set when the tree is linked. */
  public @Nullable Object ideal;

  /** Why there is no such value ({@code 1e400 overflows int}), or null. */
  public @Nullable String idealError;

  private NumberNode(int pos, Tree tree, String text) {
    super(NUMBER, pos, tree);
    this.text = text;
  }

  /** Thrown for a number Go rejects; the message is Go's. */
  static final class NumberException extends Exception {
    private static final long serialVersionUID = 1L;

    NumberException(String message) {
      super(message, null, false, false);
    }
  }

  /** Go's {@code newNumber}. */
  static NumberNode parse(int pos, Tree tree, String text, int itemType) throws NumberException {
    NumberNode n = new NumberNode(pos, tree, text);
    if (itemType == Item.CHAR_CONSTANT) {
      n.charConstant(text);
      return n;
    }
    if (itemType == Item.COMPLEX) {
      n.complexConstant(text);
      return n;
    }
    if (text.endsWith("i")) {
      try {
        n.imag = GoNumbers.parseFloat(text.substring(0, text.length() - 1));
        n.isComplex = true;
        n.simplifyComplex();
        return n;
      } catch (GoNumbers.NumberError e) {
        // not an imaginary number after all; Go falls through to the integer rules
      }
    }
    n.realConstant(text);
    if (!n.isInt && !n.isUint && !n.isFloat) {
      throw new NumberException("illegal number syntax: " + Strconv.quote(text));
    }
    return n;
  }

  private void charConstant(String text) throws NumberException {
    int[] at = {1};
    long r;
    try {
      r = Strconv.unquoteChar(text, at, text.charAt(0));
    } catch (Strconv.SyntaxException e) {
      throw new NumberException("invalid syntax");
    }
    if (!text.substring(at[0]).equals("'")) {
      throw new NumberException("malformed character constant: " + text);
    }
    if (r < 0) {
      r += 256; // a \x or octal byte is the rune of that value
    }
    int64 = r;
    isInt = true;
    uint64 = r;
    isUint = true;
    float64 = r;
    isFloat = true;
  }

  private void complexConstant(String text) throws NumberException {
    int split = -1;
    for (int i = text.length() - 2; i > 0; i--) {
      char c = text.charAt(i);
      char before = Character.toLowerCase(text.charAt(i - 1));
      if ((c == '+' || c == '-') && before != 'e' && before != 'p') {
        split = i;
        break;
      }
    }
    try {
      real = GoNumbers.parseFloat(text.substring(0, split));
      imag = GoNumbers.parseFloat(text.substring(split, text.length() - 1));
    } catch (GoNumbers.NumberError | RuntimeException e) {
      throw new NumberException("expected integer");
    }
    isComplex = true;
    simplifyComplex();
  }

  private void simplifyComplex() {
    isFloat = imag == 0;
    if (isFloat) {
      float64 = real;
      isInt = fitsInt64(real) && (double) (long) real == real;
      if (isInt) {
        int64 = (long) real;
      }
      isUint = fitsUint64(real);
      if (isUint) {
        uint64 = toUint64(real);
      }
    }
  }

  private void realConstant(String text) throws NumberException {
    long u = 0;
    try {
      u = GoNumbers.parseUint(text, 0);
      isUint = true;
      uint64 = u;
    } catch (GoNumbers.NumberError e) {
      // not unsigned
    }
    try {
      int64 = GoNumbers.parseInt(text, 0);
      isInt = true;
      if (int64 == 0) {
        isUint = true; // in case of -0
        uint64 = u;
      }
    } catch (GoNumbers.NumberError e) {
      // not signed
    }
    if (isInt) {
      isFloat = true;
      float64 = int64;
    } else if (isUint) {
      isFloat = true;
      float64 = unsignedToDouble(uint64);
    } else {
      floatConstant(text);
    }
  }

  private void floatConstant(String text) throws NumberException {
    double f;
    try {
      f = GoNumbers.parseFloat(text);
    } catch (GoNumbers.NumberError e) {
      return;
    }
    if (!containsAny(text, ".eEpP")) {
      throw new NumberException("integer overflow: " + Strconv.quote(text));
    }
    isFloat = true;
    float64 = f;
    if (fitsInt64(f) && (double) (long) f == f) {
      isInt = true;
      int64 = (long) f;
    }
    if (fitsUint64(f)) {
      isUint = true;
      uint64 = toUint64(f);
    }
  }

  private static boolean fitsInt64(double f) {
    return f >= -TWO_63 && f < TWO_63;
  }

  private static boolean fitsUint64(double f) {
    return f >= 0 && f < 2 * TWO_63 && f == Math.floor(f);
  }

  private static long toUint64(double f) {
    return f < TWO_63 ? (long) f : (long) (f - TWO_63) + Long.MIN_VALUE;
  }

  private static double unsignedToDouble(long u) {
    return u >= 0 ? u : (double) (u >>> 1 | (u & 1)) * 2.0;
  }

  static boolean containsAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  @Override
  void writeTo(StringBuilder sb) {
    sb.append(text);
  }
}

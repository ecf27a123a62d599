package dev.tributary.templates.internal.regex;

import dev.tributary.templates.internal.func.FuncEnv;
import dev.tributary.templates.internal.func.FuncException;

/**
 * The text a regular expression runs on, counting every character the engine reads and charging
 * them to the rendering's budget in batches; a pattern that backtracks without end runs out of
 * budget and stops.
 */
final class BudgetedChars implements CharSequence {
  private static final int BATCH = 4096;

  private final String s;
  private final FuncEnv env;
  private int reads;

  BudgetedChars(String s, FuncEnv env) {
    this.s = s;
    this.env = env;
  }

  /** The budget ran out; carries the function error to report. */
  static final class Exhausted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient FuncException failure;

    Exhausted(FuncException failure) {
      super(failure.getMessage(), null, false, false);
      this.failure = failure;
    }

    FuncException failure() {
      return failure;
    }
  }

  @Override
  public char charAt(int index) {
    if (++reads >= BATCH) {
      reads = 0;
      try {
        env.chargeSteps(BATCH);
      } catch (FuncException e) {
        throw new Exhausted(e);
      }
    }
    return s.charAt(index);
  }

  @Override
  public int length() {
    return s.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return s.subSequence(start, end);
  }

  @Override
  public String toString() {
    return s;
  }
}

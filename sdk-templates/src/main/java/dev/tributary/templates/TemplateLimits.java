package dev.tributary.templates;

/**
 * Bounds on what one rendering may do, so that a template written by a user — a runaway loop, an
 * accidental recursion, a huge {@code repeat} — fails fast with a {@link TemplateLimitException}
 * instead of exhausting the host. Immutable and thread-safe; {@link #defaults()} suits message
 * templates.
 */
public final class TemplateLimits {
  private static final TemplateLimits DEFAULTS = builder().build();

  private final long maxOutputChars;
  private final long maxRangeIterations;
  private final int maxTemplateDepth;
  private final int maxNestingDepth;
  private final long maxRegexSteps;

  private TemplateLimits(Builder b) {
    this.maxOutputChars = b.maxOutputChars;
    this.maxRangeIterations = b.maxRangeIterations;
    this.maxTemplateDepth = b.maxTemplateDepth;
    this.maxNestingDepth = b.maxNestingDepth;
    this.maxRegexSteps = b.maxRegexSteps;
  }

  /** 4 Mi chars of output, 100 000 loop iterations, 100 nested template calls. */
  public static TemplateLimits defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .maxOutputChars(maxOutputChars)
        .maxRangeIterations(maxRangeIterations)
        .maxTemplateDepth(maxTemplateDepth)
        .maxNestingDepth(maxNestingDepth)
        .maxRegexSteps(maxRegexSteps);
  }

  public long maxOutputChars() {
    return maxOutputChars;
  }

  public long maxRangeIterations() {
    return maxRangeIterations;
  }

  public int maxTemplateDepth() {
    return maxTemplateDepth;
  }

  public int maxNestingDepth() {
    return maxNestingDepth;
  }

  public long maxRegexSteps() {
    return maxRegexSteps;
  }

  @Override
  public String toString() {
    return "TemplateLimits{maxOutputChars="
        + maxOutputChars
        + ", maxRangeIterations="
        + maxRangeIterations
        + ", maxTemplateDepth="
        + maxTemplateDepth
        + ", maxNestingDepth="
        + maxNestingDepth
        + ", maxRegexSteps="
        + maxRegexSteps
        + '}';
  }

  /** Builds {@link TemplateLimits}; every setting starts at its default. */
  public static final class Builder {
    private long maxOutputChars = 4L * 1024 * 1024;
    private long maxRangeIterations = 100_000;
    private int maxTemplateDepth = 100;
    private int maxNestingDepth = 200;
    private long maxRegexSteps = 10_000_000;

    private Builder() {}

    /**
     * The most characters one rendering may write (default 4 Mi). Functions that build strings or
     * lists ({@code repeat}, {@code until}) are held to it too. Raise it for large documents.
     */
    public Builder maxOutputChars(long chars) {
      this.maxOutputChars = positive(chars, "maxOutputChars");
      return this;
    }

    /**
     * The most {@code range} iterations one rendering may run, over all loops (default 100 000).
     */
    public Builder maxRangeIterations(long iterations) {
      this.maxRangeIterations = positive(iterations, "maxRangeIterations");
      return this;
    }

    /**
     * How deeply {@code template} calls may nest (default 100): recursion deeper than this is
     * almost always a template that calls itself by mistake. Go allows 100 000, which Java's
     * default thread stack cannot hold.
     */
    public Builder maxTemplateDepth(int depth) {
      this.maxTemplateDepth = (int) positive(depth, "maxTemplateDepth");
      return this;
    }

    /**
     * How deeply parentheses and {@code if}/{@code range}/{@code with} blocks may nest (default
     * 200).
     */
    public Builder maxNestingDepth(int depth) {
      this.maxNestingDepth = (int) positive(depth, "maxNestingDepth");
      return this;
    }

    /**
     * The work regular-expression functions may do in one rendering, in characters examined
     * (default 10 million), which stops patterns that backtrack catastrophically.
     */
    public Builder maxRegexSteps(long steps) {
      this.maxRegexSteps = positive(steps, "maxRegexSteps");
      return this;
    }

    public TemplateLimits build() {
      return new TemplateLimits(this);
    }

    private static long positive(long value, String name) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be at least 1: " + value);
      }
      return value;
    }
  }
}

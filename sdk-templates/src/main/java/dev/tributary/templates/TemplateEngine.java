package dev.tributary.templates;

import dev.tributary.templates.internal.exec.Builtins;
import dev.tributary.templates.internal.exec.ExecOptions;
import dev.tributary.templates.internal.exec.Linker;
import dev.tributary.templates.internal.func.FunctionTable;
import dev.tributary.templates.internal.parse.ParseError;
import dev.tributary.templates.internal.parse.ParseSettings;
import dev.tributary.templates.internal.parse.Parser;
import dev.tributary.templates.internal.parse.Tree;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;

/**
 * Parses templates in Go's {@code text/template} language with a fixed set of options: the
 * functions templates may call, {@code missingkey}, the Go release to follow, the sandbox limits,
 * and the clock and zone for date functions. Immutable and thread-safe: build one per configuration
 * and share it. {@link #standard()} has sprig's functions and Go's defaults.
 *
 * <pre>{@code
 * TemplateEngine engine = TemplateEngine.builder().missingKey(MissingKey.ERROR).build();
 * Template subject = engine.parse("subject", "Hey, {{ .first_name }}");
 * }</pre>
 */
public final class TemplateEngine {
  private static final TemplateEngine STANDARD = builder().build();

  private final TemplateFunctions functions;
  private final MissingKey missingKey;
  private final GoVersion goVersion;
  private final TemplateLimits limits;
  private final Clock clock;
  private final ZoneId timeZone;
  private final ExecOptions execOptions;
  private final ParseSettings parseSettings;

  private TemplateEngine(Builder b) {
    this.functions = b.functions;
    this.missingKey = b.missingKey;
    this.goVersion = b.goVersion;
    this.limits = b.limits;
    this.clock = b.clock;
    this.timeZone = b.timeZone;
    FunctionTable table = functions.table();
    this.parseSettings =
        new ParseSettings(
            name -> table.contains(name) || Builtins.TABLE.contains(name),
            goVersion.elseWith(),
            limits.maxNestingDepth());
    this.execOptions =
        new ExecOptions(
            missingKeyOption(missingKey),
            goVersion.rangeOverInt(),
            limits.maxOutputChars(),
            limits.maxRangeIterations(),
            limits.maxTemplateDepth(),
            limits.maxRegexSteps(),
            clock,
            timeZone,
            table);
  }

  private static int missingKeyOption(MissingKey missingKey) {
    return switch (missingKey) {
      case DEFAULT -> ExecOptions.MISSING_DEFAULT;
      case ZERO -> ExecOptions.MISSING_ZERO;
      case ERROR -> ExecOptions.MISSING_ERROR;
    };
  }

  /** sprig's functions, {@code missingkey=default}, Go 1.23, default limits, UTC. */
  public static TemplateEngine standard() {
    return STANDARD;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .functions(functions)
        .missingKey(missingKey)
        .goVersion(goVersion)
        .limits(limits)
        .clock(clock)
        .timeZone(timeZone);
  }

  /**
   * Parses a template. The text may define more templates with {@code define} and {@code block};
   * they are part of the result.
   *
   * @param name the template's name, which error messages quote
   * @param text the template source
   * @throws TemplateParseException with Go's message when the text is not a valid template
   */
  public Template parse(String name, String text) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
    Map<String, Tree> trees;
    try {
      trees = Parser.parse(name, text, parseSettings);
    } catch (ParseError e) {
      throw new TemplateParseException(
          e.templateName(), e.line(), e.detail(), e.getMessage(), Hints.forParse(e, text, this));
    }
    Linker.link(trees, functions.table());
    return new Template(this, name, text, trees);
  }

  public TemplateFunctions functions() {
    return functions;
  }

  public MissingKey missingKey() {
    return missingKey;
  }

  public GoVersion goVersion() {
    return goVersion;
  }

  public TemplateLimits limits() {
    return limits;
  }

  public Clock clock() {
    return clock;
  }

  public ZoneId timeZone() {
    return timeZone;
  }

  ExecOptions execOptions() {
    return execOptions;
  }

  /** Builds a {@link TemplateEngine}; every setting starts at its default. Not thread-safe. */
  public static final class Builder {
    private TemplateFunctions functions = TemplateFunctions.sprig();
    private MissingKey missingKey = MissingKey.DEFAULT;
    private GoVersion goVersion = GoVersion.GO_1_23;
    private TemplateLimits limits = TemplateLimits.defaults();
    private Clock clock = Clock.systemUTC();
    private ZoneId timeZone = ZoneOffset.UTC;

    private Builder() {}

    /** The functions templates may call (default: {@link TemplateFunctions#sprig()}). */
    public Builder functions(TemplateFunctions functions) {
      this.functions = Objects.requireNonNull(functions, "functions");
      return this;
    }

    /** What a missing map key gives (default {@link MissingKey#DEFAULT}, as in Go). */
    public Builder missingKey(MissingKey missingKey) {
      this.missingKey = Objects.requireNonNull(missingKey, "missingKey");
      return this;
    }

    /** The Go release to follow (default {@link GoVersion#GO_1_23}). */
    public Builder goVersion(GoVersion goVersion) {
      this.goVersion = Objects.requireNonNull(goVersion, "goVersion");
      return this;
    }

    /** The sandbox limits (default {@link TemplateLimits#defaults()}). */
    public Builder limits(TemplateLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** The clock {@code now} and {@code date} read (default: the system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The zone date functions use where Go uses the process's local zone ({@code date}, {@code
     * toDate}, {@code now}). Default UTC, so rendering does not depend on the server's settings;
     * set it to match Go programs that run with a {@code TZ}.
     */
    public Builder timeZone(ZoneId timeZone) {
      this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
      return this;
    }

    public TemplateEngine build() {
      return new TemplateEngine(this);
    }
  }
}

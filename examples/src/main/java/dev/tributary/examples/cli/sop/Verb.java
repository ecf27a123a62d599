package dev.tributary.examples.cli.sop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.jspecify.annotations.Nullable;

/**
 * One {@code sop} verb: the line {@code sop help} prints, its Commons CLI options, how many
 * positional arguments it takes, and what it does with the parsed command line. {@link Sop} parses
 * the arguments and checks their count before {@link #run}; a verb reports failures as {@link
 * SopExit.Failure} or as the SDK's exceptions. A verb object serves one run and keeps no state.
 */
interface Verb {
  /** Positional arguments: their label in the usage line and how many of them a verb takes. */
  record Arity(String label, int min, int max) {
    static final Arity NONE = new Arity("", 0, 0);

    static Arity atLeastOne(String label) {
      return new Arity(label + "...", 1, Integer.MAX_VALUE);
    }

    /** Any number, none too (an option may stand in for them, as passwords for keys). */
    static Arity any(String label) {
      return new Arity("[" + label + "...]", 0, Integer.MAX_VALUE);
    }
  }

  /**
   * A value {@code --profile} may name: its name, the one line {@code sop list-profiles} prints
   * after it, and what the verb does with it.
   */
  record Profile<T>(String name, String description, T value) {}

  /** The one line {@code sop help} prints for this verb. */
  String description();

  /**
   * The profiles {@code --profile} accepts, the default (used when the option is absent) first;
   * empty for a verb without {@code --profile}. {@code sop list-profiles} prints these.
   */
  default List<? extends Profile<?>> profiles() {
    return List.of();
  }

  /** The options, built only for the verb being run. */
  Options options();

  Arity arity();

  /**
   * Runs the verb: reads the data on {@code in}, writes the result to {@code out}; positional
   * arguments are {@code line.getArgList()}.
   */
  void run(CommandLine line, InputStream in, OutputStream out) throws IOException;

  /** An option without a value, such as {@code --no-armor}. */
  static Option flag(String name, String description) {
    return Option.builder().longOpt(name).desc(description).get();
  }

  /**
   * An option with a value, given as {@code --name=VALUE} or {@code --name VALUE}; repeating it
   * collects every value (see {@link #values}).
   */
  static Option value(String name, String valueLabel, String description) {
    return Option.builder().longOpt(name).hasArg().argName(valueLabel).desc(description).get();
  }

  /**
   * The value of an option that may be given once, or {@code null} when it is absent. Given twice,
   * it is a usage error (exit 37), as it was under picocli, rather than a silent pick of one.
   */
  static @Nullable String single(CommandLine line, String name) {
    String[] values = line.getOptionValues(name);
    if (values != null && values.length > 1) {
      throw new SopExit.Failure(
          SopExit.UNSUPPORTED_OPTION, "--" + name + " may be given only once");
    }
    return values == null ? null : values[0];
  }

  /** {@link #single(CommandLine, String)} with a default for when the option is absent. */
  static String single(CommandLine line, String name, String defaultValue) {
    String value = single(line, name);
    return value == null ? defaultValue : value;
  }

  /**
   * The value of the profile {@code --profile} names among {@code profiles}, or of the first (the
   * default) when it is absent; a name not among them is {@code UNSUPPORTED_PROFILE} (89).
   */
  static <T> T profile(CommandLine line, List<Profile<T>> profiles) {
    String name = single(line, "profile");
    if (name == null) {
      return profiles.get(0).value();
    }
    for (Profile<T> p : profiles) {
      if (p.name().equals(name)) {
        return p.value();
      }
    }
    throw new SopExit.Failure(
        SopExit.UNSUPPORTED_PROFILE,
        "unknown profile: " + name + "; sop list-profiles names the profiles");
  }

  /** The {@code --profile} option, its help naming the profiles, the default first. */
  static Option profileOption(List<? extends Profile<?>> profiles, String what) {
    StringBuilder names = new StringBuilder();
    for (Profile<?> p : profiles) {
      names.append(names.length() == 0 ? "" : ", ").append(p.name());
    }
    return value("profile", "PROFILE", what + ": " + names + " (the first is the default).");
  }

  /**
   * Whether {@code --as} asks for text: {@code binary} (the default) or {@code text}, as {@code
   * sign} and {@code encrypt} take it; another value is {@code UNSUPPORTED_OPTION} (37).
   */
  static boolean asText(CommandLine line) {
    String as = single(line, "as", "binary");
    return switch (as) {
      case "binary" -> false;
      case "text" -> true;
      default ->
          throw new SopExit.Failure(
              SopExit.UNSUPPORTED_OPTION, "unknown --as=" + as + ": binary or text");
    };
  }

  /** The {@code --as} option of {@code sign} and {@code encrypt}. */
  static Option asOption() {
    return value(
        "as",
        "MODE",
        "binary (the default) or text: UTF-8 text, signed with its line endings made CRLF.");
  }

  /**
   * {@code values} without repeats, in their first order: a user ID given twice is certified once,
   * not signed twice over.
   */
  static List<String> distinct(List<String> values) {
    return List.copyOf(new LinkedHashSet<>(values));
  }

  /** Every value of a repeatable option, in command-line order; empty when it is absent. */
  static List<String> values(CommandLine line, String name) {
    String[] values = line.getOptionValues(name);
    return values == null ? List.of() : List.of(values);
  }
}

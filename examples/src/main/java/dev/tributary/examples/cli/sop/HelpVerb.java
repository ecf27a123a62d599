package dev.tributary.examples.cli.sop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code sop help [VERB]}: lists the verbs, or describes one verb and its options. */
final class HelpVerb implements Verb {
  private final Map<String, Supplier<Verb>> verbs;

  HelpVerb(Map<String, Supplier<Verb>> verbs) {
    this.verbs = verbs;
  }

  @Override
  public String description() {
    return "Lists the verbs, or describes one: sop help VERB.";
  }

  @Override
  public Options options() {
    return new Options();
  }

  @Override
  public Arity arity() {
    return new Arity("[VERB]", 0, 1);
  }

  @Override
  public void run(CommandLine line, InputStream in, OutputStream out) throws IOException {
    List<String> args = line.getArgList();
    SopIo.write(out, args.isEmpty() ? listing() : describe(args.get(0)));
  }

  /** Lines are wrapped to this width, as {@code sop help} fits a 100-column terminal. */
  private static final int WIDTH = 100;

  private String listing() {
    int column = 0;
    for (String name : verbs.keySet()) {
      column = Math.max(column, name.length());
    }
    StringBuilder text = new StringBuilder("Usage: sop VERB [OPTIONS] [ARGUMENTS]\nVerbs:\n");
    for (Map.Entry<String, Supplier<Verb>> verb : verbs.entrySet()) {
      row(text, verb.getKey(), column, verb.getValue().get().description());
    }
    return text.toString();
  }

  /**
   * One verb's help, laid out as {@link #listing}: its usage line, what it does, and its options in
   * two aligned columns, as the draft writes them ({@code --as=MODE}).
   */
  private String describe(String name) {
    Supplier<Verb> found = verbs.get(name);
    if (found == null) {
      throw new SopExit.Failure(SopExit.UNSUPPORTED_SUBCOMMAND, "no such verb: " + name);
    }
    Verb verb = found.get();
    List<String> usage = new ArrayList<>();
    List<String> names = new ArrayList<>();
    int column = 0;
    for (Option o : verb.options().getOptions()) {
      String option = "--" + o.getLongOpt() + (o.hasArg() ? "=" + o.getArgName() : "");
      usage.add("[" + option + "]");
      names.add(option);
      column = Math.max(column, option.length());
    }
    if (!verb.arity().label().isEmpty()) {
      usage.add(verb.arity().label());
    }
    StringBuilder text = new StringBuilder();
    wrap(text, "Usage: sop " + name + " ", usage, "    ");
    text.append('\n');
    wrap(text, "", List.of(verb.description().split(" ")), "");
    if (!names.isEmpty()) {
      text.append("\nOptions:\n");
      List<Option> options = List.copyOf(verb.options().getOptions());
      for (int i = 0; i < options.size(); i++) {
        row(text, names.get(i), column, options.get(i).getDescription());
      }
    }
    return text.toString();
  }

  /** {@code " " + name}, padded to {@code column}, then {@code description} wrapped beside it. */
  private static void row(StringBuilder text, String name, int column, String description) {
    String first = "  " + name + " ".repeat(column - name.length() + 2);
    wrap(text, first, List.of(description.split(" ")), " ".repeat(first.length()));
  }

  /**
   * Appends {@code first}, then {@code words} separated by spaces, starting a new line (beginning
   * with {@code indent}) before a word that would pass {@link #WIDTH}.
   */
  private static void wrap(StringBuilder text, String first, List<String> words, String indent) {
    StringBuilder line = new StringBuilder(first);
    boolean fresh = true; // no word on this line yet
    for (String word : words) {
      if (!fresh && line.length() + 1 + word.length() > WIDTH) {
        text.append(line.toString().stripTrailing()).append('\n');
        line = new StringBuilder(indent);
        fresh = true;
      }
      line.append(fresh ? "" : " ").append(word);
      fresh = false;
    }
    text.append(line.toString().stripTrailing()).append('\n');
  }
}

package dev.tributary.examples.cli.sop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.help.HelpFormatter;
import org.apache.commons.cli.help.TextHelpAppendable;

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

  private String listing() {
    StringBuilder text = new StringBuilder("Usage: sop VERB [OPTIONS] [ARGUMENTS]\nVerbs:\n");
    verbs.forEach(
        (name, verb) -> text.append(String.format("  %-13s %s%n", name, verb.get().description())));
    return text.toString();
  }

  private String describe(String name) throws IOException {
    Supplier<Verb> found = verbs.get(name);
    if (found == null) {
      throw new SopExit.Failure(SopExit.UNSUPPORTED_SUBCOMMAND, "no such verb: " + name);
    }
    Verb verb = found.get();
    StringBuilder text = new StringBuilder();
    TextHelpAppendable appendable = new TextHelpAppendable(text);
    appendable.setMaxWidth(100);
    HelpFormatter formatter =
        HelpFormatter.builder().setShowSince(false).setHelpAppendable(appendable).get();
    Options options = verb.options();
    String syntax = String.join(" ", "sop", name, formatter.toSyntaxOptions(options));
    syntax = (syntax.strip() + " " + verb.arity().label()).strip();
    if (options.getOptions().isEmpty()) {
      return "usage: " + syntax + "\n\n" + verb.description() + "\n";
    }
    formatter.printHelp(syntax, verb.description(), options, null, false);
    return text.toString();
  }
}

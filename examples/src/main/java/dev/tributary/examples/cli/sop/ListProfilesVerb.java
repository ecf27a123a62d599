package dev.tributary.examples.cli.sop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code sop list-profiles SUBCOMMAND}: the profiles that SUBCOMMAND's {@code --profile} accepts,
 * one a line as {@code name: description}, the default first, at most four (the draft's limit). A
 * subcommand without {@code --profile}, known or not, is {@code UNSUPPORTED_PROFILE} (89), as in
 * gosop and sop-java; without SUBCOMMAND it is {@code MISSING_ARG} (19).
 */
final class ListProfilesVerb implements Verb {
  /** The draft: an implementation lists no more than four profiles for a subcommand. */
  static final int MAX_LISTED = 4;

  private final Map<String, Supplier<Verb>> verbs;

  ListProfilesVerb(Map<String, Supplier<Verb>> verbs) {
    this.verbs = verbs;
  }

  @Override
  public String description() {
    return "Lists the profiles a verb's --profile accepts: sop list-profiles VERB.";
  }

  @Override
  public Options options() {
    return new Options();
  }

  @Override
  public Arity arity() {
    return new Arity("SUBCOMMAND", 1, 1);
  }

  @Override
  public void run(CommandLine line, InputStream in, OutputStream out) throws IOException {
    String name = line.getArgList().get(0);
    Supplier<Verb> verb = verbs.get(name);
    List<? extends Profile<?>> profiles = verb == null ? List.of() : verb.get().profiles();
    if (profiles.isEmpty()) {
      throw new SopExit.Failure(
          SopExit.UNSUPPORTED_PROFILE,
          verb == null ? "unknown verb: " + name : name + " takes no --profile");
    }
    StringBuilder text = new StringBuilder();
    for (Profile<?> p : profiles.subList(0, Math.min(profiles.size(), MAX_LISTED))) {
      text.append(p.name()).append(": ").append(p.description()).append('\n');
    }
    SopIo.write(out, text.toString());
  }
}

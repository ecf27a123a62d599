package dev.tributary.examples.cli.sop;

import dev.tributary.pgp.PgpInlineSignatures;
import dev.tributary.pgp.PgpInlineSignatures.Mode;
import dev.tributary.pgp.PgpKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code sop} verb: makes an inline-signed message of stdin. */
final class InlineSignVerb implements Verb {
  @Override
  public String description() {
    return "Makes an inline-signed message of stdin.";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(Verb.flag("no-armor", "Writes binary instead of ASCII armor."))
        .addOption(
            Verb.value("as", "MODE", "binary (the default), text or clearsigned (UTF-8 text)."))
        .addOption(Verb.value("with-key-password", "PASSWORD", "A file with a key's password."));
  }

  @Override
  public Arity arity() {
    return Arity.atLeastOne("KEYS");
  }

  @Override
  public void run(CommandLine line, InputStream in, OutputStream out) throws IOException {
    Mode mode = mode(Verb.single(line, "as", "binary"));
    boolean armor = !line.hasOption("no-armor");
    if (mode == Mode.CLEARTEXT && !armor) {
      throw new SopExit.Failure(
          SopExit.INCOMPATIBLE_OPTIONS, "--as=clearsigned is always armored: drop --no-armor");
    }
    List<PgpKey> signers = SopIo.keys(line.getArgList(), Verb.values(line, "with-key-password"));
    // sdk-pgp leaves the message unfinished when reading stdin fails; held back as well, a failed
    // run writes nothing of a small message.
    UnfinishedOnFailure message = new UnfinishedOnFailure(out);
    try {
      PgpInlineSignatures.sign(
          message.watch(Utf8Check.ifText(in, mode != Mode.BINARY)), message, signers, mode, armor);
    } catch (RuntimeException e) {
      message.fail();
      throw Utf8Check.failure(e, "sign", Verb.single(line, "as", "binary"));
    }
    message.finish();
  }

  private static Mode mode(String as) {
    return switch (as) {
      case "binary" -> Mode.BINARY;
      case "text" -> Mode.TEXT;
      case "clearsigned" -> Mode.CLEARTEXT;
      default ->
          throw new SopExit.Failure(
              SopExit.UNSUPPORTED_OPTION, "unknown --as=" + as + ": binary, text or clearsigned");
    };
  }
}

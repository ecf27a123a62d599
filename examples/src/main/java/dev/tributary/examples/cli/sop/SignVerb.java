package dev.tributary.examples.cli.sop;

import dev.tributary.pgp.PgpKey;
import dev.tributary.pgp.PgpKeyException;
import dev.tributary.pgp.PgpSignatures;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code sop} verb: makes a detached signature over stdin. */
final class SignVerb implements Verb {
  @Override
  public String description() {
    return "Makes a detached signature over stdin.";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(Verb.flag("no-armor", "Writes binary instead of ASCII armor."))
        .addOption(Verb.value("as", "MODE", "binary, the default and the only mode supported."))
        .addOption(Verb.value("with-key-password", "PASSWORD", "A file with a key's password."));
  }

  @Override
  public Arity arity() {
    return Arity.atLeastOne("KEYS");
  }

  @Override
  public void run(CommandLine line, InputStream in, OutputStream out) {
    if (!Verb.single(line, "as", "binary").equals("binary")) {
      throw new SopExit.Failure(SopExit.UNSUPPORTED_OPTION, "only --as=binary is supported");
    }
    List<PgpKey> signers = SopIo.keys(line.getArgList(), Verb.values(line, "with-key-password"));
    try {
      PgpSignatures.sign(in, out, signers, !line.hasOption("no-armor"));
    } catch (PgpKeyException e) {
      throw SopIo.signingFailure(e);
    }
  }
}

package dev.tributary.examples.cli.sop;

import dev.tributary.pgp.PgpPolicy;
import dev.tributary.pgp.PgpSignatures;
import dev.tributary.pgp.SignatureVerification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code sop} verb: checks detached signatures over stdin. */
final class VerifyVerb implements Verb {
  @Override
  public String description() {
    return "Checks detached signatures over stdin.";
  }

  @Override
  public Options options() {
    return SignatureWindow.withOptions(new Options());
  }

  @Override
  public Arity arity() {
    return new Arity("SIGNATURES CERTS...", 2, Integer.MAX_VALUE);
  }

  @Override
  public void run(CommandLine line, InputStream in, OutputStream out) throws IOException {
    List<String> args = line.getArgList();
    SignatureWindow window = SignatureWindow.of(line, "not-before", "not-after", Instant.now());
    List<SignatureVerification> results =
        PgpSignatures.verify(
            in,
            new ByteArrayInputStream(SopIo.readFile(args.get(0))),
            SopIo.certs(args.subList(1, args.size())),
            PgpPolicy.defaults());
    SopIo.write(out, window.verificationLines(results));
  }
}

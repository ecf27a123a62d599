package dev.tributary.examples.cli.sop;

import dev.tributary.pgp.PgpInlineSignatures;
import dev.tributary.pgp.PgpPolicy;
import dev.tributary.pgp.SignatureVerification;
import dev.tributary.pgp.TextLineEndings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code sop} verb: checks an inline-signed message on stdin and writes its data. The data goes to
 * a temporary file first and reaches stdout only once a signature was found valid, so that a forged
 * message gives no output at all (exit 3). Text (literal data 't' or 'u') is written with the
 * platform's line endings, as {@code decrypt} writes it.
 */
final class InlineVerifyVerb implements Verb {
  @Override
  public String description() {
    return "Checks an inline-signed message on stdin and writes its data.";
  }

  @Override
  public Options options() {
    return SignatureWindow.withOptions(new Options())
        .addOption(
            Verb.value(
                "verifications-out", "VERIFICATIONS", "Writes the valid signatures to this file."));
  }

  @Override
  public Arity arity() {
    return Arity.atLeastOne("CERTS");
  }

  @Override
  public void run(CommandLine line, InputStream in, OutputStream out) throws IOException {
    Path verificationsOut = SopIo.newOutputFile(Verb.single(line, "verifications-out"));
    SignatureWindow window = SignatureWindow.of(line, "not-before", "not-after", Instant.now());
    var certs = SopIo.certs(line.getArgList());
    Path data = Files.createTempFile("sop-inline-verify", ".data");
    // Unverified data: also gone when the process is stopped (SIGTERM, Ctrl-C) while it reads.
    data.toFile().deleteOnExit();
    try {
      List<SignatureVerification> results;
      try (OutputStream temp = Files.newOutputStream(data)) {
        results =
            PgpInlineSignatures.verify(
                in, temp, certs, PgpPolicy.defaults(), TextLineEndings.NATIVE);
      }
      String lines = window.verificationLines(results);
      Files.copy(data, out);
      if (verificationsOut != null) {
        out.flush(); // the data first, when @FD:1 appends the lines to the same output
        SopIo.writeNew(verificationsOut, lines);
      }
    } finally {
      Files.deleteIfExists(data);
    }
  }
}

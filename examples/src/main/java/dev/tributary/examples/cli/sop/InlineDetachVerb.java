package dev.tributary.examples.cli.sop;

import dev.tributary.pgp.PgpInlineSignatures;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code sop} verb: splits an inline-signed message on stdin into its data (stdout) and detached
 * signatures ({@code --signatures-out}), without checking them. A cleartext-signed message's data
 * is its text as signed, without the line ending before the signature (RFC 9580, section 7), so
 * that {@code sop verify} checks the signatures over it; {@code inline-verify}, sqop and gpg write
 * that line ending, which the form cannot tell from one that was not there.
 */
final class InlineDetachVerb implements Verb {
  @Override
  public String description() {
    return "Splits an inline-signed message on stdin into data and detached signatures.";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(Verb.flag("no-armor", "Writes the signatures binary instead of armored."))
        .addOption(
            Verb.value(
                "signatures-out",
                "SIGNATURES",
                "Writes the signatures to this new file or @FD:N, not to standard output."));
  }

  @Override
  public Arity arity() {
    return Arity.NONE;
  }

  @Override
  public void run(CommandLine line, InputStream in, OutputStream out) throws IOException {
    String signaturesOut = Verb.single(line, "signatures-out");
    if (signaturesOut == null) {
      throw new SopExit.Failure(SopExit.MISSING_ARG, "missing --signatures-out=SIGNATURES");
    }
    Path file = Objects.requireNonNull(SopIo.newOutputFile(signaturesOut));
    if (SopIo.isStandardOutput(file)) {
      // The data streams to stdout as the signatures are found: the two would interleave.
      throw new SopExit.Failure(
          SopExit.INCOMPATIBLE_OPTIONS,
          "--signatures-out="
              + signaturesOut
              + " is standard output, where the data goes, and the two would be mixed:"
              + " write the signatures to a file or to another descriptor");
    }
    OutputStream sigs = SopIo.create(file);
    boolean written = false;
    try (sigs) {
      PgpInlineSignatures.detach(in, out, sigs, !line.hasOption("no-armor"));
      written = true;
    } finally {
      if (!written && !SopIo.isDescriptor(file)) {
        Files.deleteIfExists(file); // no partial signatures left behind
      }
    }
  }
}

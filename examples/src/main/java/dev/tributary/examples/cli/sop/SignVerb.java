package dev.tributary.examples.cli.sop;

import dev.tributary.pgp.CreatedSignature;
import dev.tributary.pgp.HashAlgorithm;
import dev.tributary.pgp.PgpKey;
import dev.tributary.pgp.PgpSignatures;
import dev.tributary.pgp.SignatureType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
        .addOption(Verb.asOption())
        .addOption(
            Verb.value(
                "micalg-out",
                "MICALG",
                "Writes the hash as PGP/MIME's micalg names it (pgp-sha256) to this new file."))
        .addOption(Verb.value("with-key-password", "PASSWORD", "A file with a key's password."));
  }

  @Override
  public Arity arity() {
    return Arity.atLeastOne("KEYS");
  }

  @Override
  public void run(CommandLine line, InputStream in, OutputStream out) throws IOException {
    boolean text = Verb.asText(line);
    Path micalgFile = SopIo.newOutputFile(Verb.single(line, "micalg-out"));
    List<PgpKey> signers = SopIo.keys(line.getArgList(), Verb.values(line, "with-key-password"));
    List<CreatedSignature> made;
    try {
      made =
          PgpSignatures.sign(
              Utf8Check.ifText(in, text),
              out,
              signers,
              text ? SignatureType.TEXT : SignatureType.BINARY,
              !line.hasOption("no-armor"));
    } catch (RuntimeException e) {
      throw Utf8Check.failure(e, "sign", "text");
    }
    if (micalgFile != null) {
      out.flush(); // the signature first, when @FD:1 appends the micalg to the same output
      SopIo.writeNew(micalgFile, micalg(made));
    }
  }

  /**
   * RFC 3156's {@code micalg} for the signatures made: {@code pgp-} and their hash algorithm's name
   * in lower case ({@code pgp-sha256}), without a line ending; empty when they used different
   * hashes, which one value cannot name, as the draft says.
   */
  static String micalg(List<CreatedSignature> made) {
    Set<HashAlgorithm> hashes = EnumSet.noneOf(HashAlgorithm.class);
    made.forEach(s -> hashes.add(s.hashAlgorithm()));
    return hashes.size() == 1
        ? "pgp-" + hashes.iterator().next().textName().toLowerCase(Locale.ROOT)
        : "";
  }
}

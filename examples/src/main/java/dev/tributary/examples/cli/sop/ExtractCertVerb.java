package dev.tributary.examples.cli.sop;

import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.PgpCertificate;
import dev.tributary.pgp.PgpKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code sop} verb: extracts the certificate of a key on stdin. */
final class ExtractCertVerb implements Verb {
  @Override
  public String description() {
    return "Extracts the certificate of a key on stdin.";
  }

  @Override
  public Options options() {
    return new Options().addOption(Verb.flag("no-armor", "Writes binary instead of ASCII armor."));
  }

  @Override
  public Arity arity() {
    return Arity.NONE;
  }

  @Override
  public void run(CommandLine line, InputStream in, OutputStream out) throws IOException {
    List<PgpCertificate> certs = new ArrayList<>();
    for (PgpKey key : PgpKey.readAll(in.readAllBytes(), Secret.empty())) {
      certs.add(key.certificate());
    }
    SopIo.writeCerts(out, certs, !line.hasOption("no-armor"));
  }
}

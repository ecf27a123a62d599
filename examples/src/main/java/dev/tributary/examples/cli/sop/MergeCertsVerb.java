package dev.tributary.examples.cli.sop;

import dev.tributary.pgp.PgpCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code sop} verb: merges the updates in the CERTS arguments into the certificates on stdin that
 * have the same fingerprint ({@link PgpCertificate#merge}: only what is bound to the certificate
 * comes in) and writes those, in their order; an update for no certificate on stdin is left out. A
 * certificate given twice on stdin is written once, its copies merged, as the output holds each
 * certificate once. A private key among the inputs is refused with 41, so that no secret passes
 * through.
 */
final class MergeCertsVerb implements Verb {
  @Override
  public String description() {
    return "Merges the updates in CERTS into the certificates on stdin.";
  }

  @Override
  public Options options() {
    return new Options().addOption(Verb.flag("no-armor", "Writes binary instead of ASCII armor."));
  }

  @Override
  public Arity arity() {
    return Arity.atLeastOne("CERTS");
  }

  @Override
  public void run(CommandLine line, InputStream in, OutputStream out) throws IOException {
    List<PgpCertificate> updates = SopIo.certs(line.getArgList());
    Map<String, PgpCertificate> merged = new LinkedHashMap<>();
    for (PgpCertificate cert : PgpCertificate.readAllPublic(in.readAllBytes())) {
      merged.merge(cert.fingerprint(), cert, PgpCertificate::merge);
    }
    merged.replaceAll(
        (fingerprint, cert) -> {
          for (PgpCertificate update : updates) {
            if (update.fingerprint().equals(fingerprint)) {
              cert = cert.merge(update);
            }
          }
          return cert;
        });
    SopIo.writeCerts(out, List.copyOf(merged.values()), !line.hasOption("no-armor"));
  }
}

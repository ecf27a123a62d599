package dev.tributary.examples.cli.sop;

import dev.tributary.pgp.PgpCertificate;
import dev.tributary.pgp.PgpKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code sop} verb: certifies the {@code --userid}s of each certificate on stdin with each of the
 * KEYS ({@link PgpKey#certify}) and writes the certificates with the new certifications. A user ID
 * the certificate has not bound by its own self-signature fails with 107, unless {@code
 * --no-require-self-sig} adds it; a key that cannot certify fails with 109, a protected key that no
 * {@code --with-key-password} fits with 67. Nothing is written on failure.
 */
final class CertifyUserIdVerb implements Verb {
  @Override
  public String description() {
    return "Certifies user IDs of the certificates on stdin with KEYS.";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(Verb.flag("no-armor", "Writes binary instead of ASCII armor."))
        .addOption(Verb.value("userid", "USERID", "A user ID to certify (at least one)."))
        .addOption(Verb.value("with-key-password", "PASSWORD", "A file with a key's password."))
        .addOption(
            Verb.flag(
                "no-require-self-sig",
                "Certifies a user ID the certificate has not self-signed too, adding it."));
  }

  @Override
  public Arity arity() {
    return Arity.atLeastOne("KEYS");
  }

  @Override
  public void run(CommandLine line, InputStream in, OutputStream out) throws IOException {
    List<String> userIds = Verb.distinct(Verb.values(line, "userid"));
    if (userIds.isEmpty()) {
      throw new SopExit.Failure(
          SopExit.MISSING_ARG, "missing option: name the user IDs to certify with --userid");
    }
    boolean requireSelfSig = !line.hasOption("no-require-self-sig");
    List<PgpKey> keys = SopIo.keys(line.getArgList(), Verb.values(line, "with-key-password"));
    List<PgpCertificate> certified = new ArrayList<>();
    for (PgpCertificate cert : PgpCertificate.readAllPublic(in.readAllBytes())) {
      for (PgpKey key : keys) {
        cert =
            requireSelfSig ? key.certify(cert, userIds) : key.certifyAddingUserIds(cert, userIds);
      }
      certified.add(cert);
    }
    SopIo.writeCerts(out, certified, !line.hasOption("no-armor"));
  }
}

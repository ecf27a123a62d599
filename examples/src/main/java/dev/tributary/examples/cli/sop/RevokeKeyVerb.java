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

/**
 * {@code sop} verb: writes a revocation certificate for each key on stdin, the certificate with a
 * hard key revocation ("no reason specified"; see {@link PgpKey#revocationCertificate()}). A
 * protected key that no {@code --with-key-password} fits fails the run with 67.
 */
final class RevokeKeyVerb implements Verb {
  @Override
  public String description() {
    return "Writes revocation certificates for the keys on stdin.";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(Verb.flag("no-armor", "Writes binary instead of ASCII armor."))
        .addOption(Verb.value("with-key-password", "PASSWORD", "A file with a key's password."));
  }

  @Override
  public Arity arity() {
    return Arity.NONE;
  }

  @Override
  public void run(CommandLine line, InputStream in, OutputStream out) throws IOException {
    List<Secret> passwords = SopIo.passwords(Verb.values(line, "with-key-password"));
    List<PgpCertificate> revoked = new ArrayList<>();
    for (PgpKey key : PgpKey.readAll(in.readAllBytes(), Secret.empty())) {
      revoked.add(SopIo.unlock(key, passwords, "--with-key-password").revocationCertificate());
    }
    SopIo.writeCerts(out, revoked, !line.hasOption("no-armor"));
  }
}

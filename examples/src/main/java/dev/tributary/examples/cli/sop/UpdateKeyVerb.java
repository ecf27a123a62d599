package dev.tributary.examples.cli.sop;

import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.PgpCertificate;
import dev.tributary.pgp.PgpKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code sop} verb: keeps the keys on stdin up to date. It merges into each the updates for its
 * certificate found in the {@code --merge-certs} files ({@link PgpKey#merge}), then renews the
 * self-signatures that make it or a subkey expire within {@link #RENEWAL_WINDOW} ({@link
 * PgpKey#renew}). It never adds a subkey or a capability, so {@code --signing-only} and {@code
 * --no-added-capabilities} hold by themselves. A key whose primary key is revoked fails with 103, a
 * protected key that no {@code --with-key-password} fits with 67, a private key among the {@code
 * --merge-certs} with 41; nothing is written on failure.
 */
final class UpdateKeyVerb implements Verb {
  /**
   * How soon an expiry must come for its self-signature to be renewed; a renewed key stays valid
   * for at least twice this, so the next run leaves it as it is.
   */
  static final Duration RENEWAL_WINDOW = Duration.ofDays(90);

  @Override
  public String description() {
    return "Merges certificate updates into the keys on stdin and renews expiring signatures.";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(Verb.flag("no-armor", "Writes binary instead of ASCII armor."))
        .addOption(Verb.flag("signing-only", "Adds no encryption capability (none is ever added)."))
        .addOption(Verb.flag("no-added-capabilities", "Adds no capability (none is ever added)."))
        .addOption(Verb.value("with-key-password", "PASSWORD", "A file with a key's password."))
        .addOption(
            Verb.value("merge-certs", "CERTS", "A file of certificate updates to merge in."));
  }

  @Override
  public Arity arity() {
    return Arity.NONE;
  }

  @Override
  public void run(CommandLine line, InputStream in, OutputStream out) throws IOException {
    List<Secret> passwords = SopIo.passwords(Verb.values(line, "with-key-password"));
    List<PgpCertificate> updates = SopIo.certs(Verb.values(line, "merge-certs"));
    List<PgpKey> updated = new ArrayList<>();
    for (PgpKey key : PgpKey.readAll(in.readAllBytes(), Secret.empty())) {
      if (key.describe().primaryKey().revoked()) {
        throw new SopExit.Failure(
            SopExit.PRIMARY_KEY_BAD,
            "key " + key.fingerprint() + " is revoked; it cannot be brought up to date");
      }
      PgpKey k = SopIo.unlock(key, passwords, "--with-key-password");
      for (PgpCertificate update : updates) {
        if (update.fingerprint().equals(k.fingerprint())) {
          k = k.merge(update);
        }
      }
      updated.add(k.renew(RENEWAL_WINDOW));
    }
    SopIo.writeKeys(out, updated, !line.hasOption("no-armor"));
  }
}

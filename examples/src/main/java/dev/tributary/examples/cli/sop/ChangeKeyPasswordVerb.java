package dev.tributary.examples.cli.sop;

import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.PgpKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code sop} verb: re-protects the keys on stdin with a new password, or with none when {@code
 * --new-key-password} is absent. Each key is unlocked with the first {@code --old-key-password}
 * that fits; a protected key that none fits fails the whole run with 67, and nothing is written.
 * One password unlocks all of a key's secret keys (sdk-pgp's {@link PgpKey} holds one).
 */
final class ChangeKeyPasswordVerb implements Verb {
  @Override
  public String description() {
    return "Changes the password of the keys on stdin.";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(Verb.flag("no-armor", "Writes binary instead of ASCII armor."))
        .addOption(
            Verb.value(
                "new-key-password",
                "PASSWORD",
                "A file with the new password; without it the keys come out unprotected."))
        .addOption(Verb.value("old-key-password", "PASSWORD", "A file with a current password."));
  }

  @Override
  public Arity arity() {
    return Arity.NONE;
  }

  @Override
  public void run(CommandLine line, InputStream in, OutputStream out) throws IOException {
    String newFile = Verb.single(line, "new-key-password");
    Secret newPassword = newFile == null ? Secret.empty() : SopIo.newPassword(newFile);
    List<Secret> oldPasswords = SopIo.passwords(Verb.values(line, "old-key-password"));
    List<PgpKey> changed = new ArrayList<>();
    for (PgpKey key : PgpKey.readAll(in.readAllBytes(), Secret.empty())) {
      changed.add(
          SopIo.unlock(key, oldPasswords, "--old-key-password").withPassphrase(newPassword));
    }
    SopIo.writeKeys(out, changed, !line.hasOption("no-armor"));
  }
}

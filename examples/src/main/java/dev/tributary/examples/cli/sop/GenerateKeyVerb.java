package dev.tributary.examples.cli.sop;

import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.KeyProfile;
import dev.tributary.pgp.PgpKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code sop} verb: generates a private key. */
final class GenerateKeyVerb implements Verb {
  @Override
  public String description() {
    return "Generates a private key.";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(Verb.flag("no-armor", "Writes binary instead of ASCII armor."))
        .addOption(
            Verb.value("with-key-password", "PASSWORD", "A file with the key's new password."))
        .addOption(Verb.value("profile", "PROFILE", "The key's algorithms; default if absent."));
  }

  @Override
  public Arity arity() {
    return new Arity("[USERID]", 0, 1);
  }

  @Override
  public void run(CommandLine line, InputStream in, OutputStream out) throws IOException {
    String profile = Verb.single(line, "profile", "default");
    KeyProfile chosen = null;
    for (KeyProfile p : KeyProfile.values()) {
      if (p.profileName().equals(profile)) {
        chosen = p;
      }
    }
    if (chosen == null) {
      throw new SopExit.Failure(SopExit.UNSUPPORTED_PROFILE, "unknown profile: " + profile);
    }
    String passwordFile = Verb.single(line, "with-key-password");
    Secret password =
        passwordFile == null ? Secret.empty() : SopIo.passwords(List.of(passwordFile)).get(0);
    List<String> userIds = line.getArgList();
    PgpKey key = PgpKey.generate(chosen, userIds.isEmpty() ? "" : userIds.get(0), password);
    if (line.hasOption("no-armor")) {
      out.write(key.encoded());
    } else {
      SopIo.write(out, key.armored().reveal());
    }
  }
}

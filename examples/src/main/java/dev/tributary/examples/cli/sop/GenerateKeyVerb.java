package dev.tributary.examples.cli.sop;

import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.KeyProfile;
import dev.tributary.pgp.PgpKey;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sop} verb: generates a private key. */
@Command(name = "generate-key", description = "Generates a private key.")
final class GenerateKeyVerb implements Callable<Integer> {
  @ParentCommand Sop sop;

  @Option(names = "--no-armor")
  boolean noArmor;

  @Option(names = "--with-key-password", paramLabel = "PASSWORD")
  @Nullable String passwordFile;

  @Option(names = "--profile", defaultValue = "default")
  String profile;

  @Parameters(paramLabel = "USERID", arity = "0..1")
  @Nullable String userId;

  @Override
  public Integer call() throws IOException {
    KeyProfile chosen = null;
    for (KeyProfile p : KeyProfile.values()) {
      if (p.profileName().equals(profile)) {
        chosen = p;
      }
    }
    if (chosen == null) {
      throw new SopExit.Failure(SopExit.UNSUPPORTED_PROFILE, "unknown profile: " + profile);
    }
    Secret password =
        passwordFile == null ? Secret.empty() : SopIo.passwords(List.of(passwordFile)).get(0);
    PgpKey key = PgpKey.generate(chosen, userId == null ? "" : userId, password);
    if (noArmor) {
      sop.out.write(key.encoded());
    } else {
      SopIo.write(sop.out, key.armored().reveal());
    }
    return 0;
  }
}

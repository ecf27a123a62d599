package dev.tributary.examples.cli.sop;

import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.KeyGenerator;
import dev.tributary.pgp.KeyProfile;
import dev.tributary.pgp.PgpKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code sop} verb: generates a private key. Its profiles are sdk-pgp's {@link KeyProfile}s, under
 * their {@link KeyProfile#profileName()}, the one named {@code default} first.
 */
final class GenerateKeyVerb implements Verb {
  private static final List<Profile<KeyProfile>> PROFILES = profilesOf(KeyProfile.values());

  private static List<Profile<KeyProfile>> profilesOf(KeyProfile... kinds) {
    List<Profile<KeyProfile>> profiles = new ArrayList<>();
    for (KeyProfile kind : kinds) {
      profiles.add(new Profile<>(kind.profileName(), description(kind), kind));
    }
    profiles.sort(Comparator.comparing(p -> !p.name().equals("default")));
    return List.copyOf(profiles);
  }

  /** Its line in {@code sop list-profiles}; a KeyProfile added to sdk-pgp must be added here. */
  private static String description(KeyProfile kind) {
    return switch (kind) {
      case CURVE25519 -> "v4 key, Ed25519 and Curve25519 ECDH, readable by GnuPG 2.2 and later";
      case RFC9580 -> "RFC 9580 v6 key, Ed25519 and X25519; GnuPG 2.2 and 2.4 cannot use it";
      case RSA3072 -> "v4 key, RSA 3072 for signing and encryption, for tools without ECC";
      case RSA4096 -> "v4 key, RSA 4096 for signing and encryption";
    };
  }

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
        .addOption(Verb.profileOption(PROFILES, "The key's algorithms"))
        .addOption(Verb.flag("signing-only", "Makes a key that can sign but not be encrypted to."));
  }

  @Override
  public List<Profile<KeyProfile>> profiles() {
    return PROFILES;
  }

  @Override
  public Arity arity() {
    return new Arity("[USERID...]", 0, Integer.MAX_VALUE);
  }

  /**
   * {@code userId}, unless it is empty or only whitespace (37, as other values sop cannot take):
   * such a user ID names nobody, and is most often an unset shell variable ({@code "$NAME"}).
   * sdk-pgp does not make one, nor does gpg ("Invalid user ID"); sqop does.
   */
  static String requireNotBlank(String userId) {
    if (userId.isBlank()) {
      throw new SopExit.Failure(
          SopExit.UNSUPPORTED_OPTION,
          "a user ID must not be empty or only whitespace: give none for a key without user"
              + " IDs, or one such as \"Alice <alice@example.org>\"");
    }
    return userId;
  }

  @Override
  public void run(CommandLine line, InputStream in, OutputStream out) throws IOException {
    KeyProfile chosen = Verb.profile(line, PROFILES);
    String passwordFile = Verb.single(line, "with-key-password");
    Secret password = passwordFile == null ? Secret.empty() : SopIo.newPassword(passwordFile);
    KeyGenerator generator = PgpKey.generator(chosen).passphrase(password);
    for (String userId : Verb.distinct(line.getArgList())) {
      generator.userId(requireNotBlank(userId));
    }
    if (line.hasOption("signing-only")) {
      generator.signingOnly();
    }
    PgpKey key = generator.generate();
    SopIo.writeKeys(out, List.of(key), !line.hasOption("no-armor"));
  }
}

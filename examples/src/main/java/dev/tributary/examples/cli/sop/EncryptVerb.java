package dev.tributary.examples.cli.sop;

import dev.tributary.pgp.Compression;
import dev.tributary.pgp.PgpEncryptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code sop} verb: encrypts stdin to the certificates and with the passwords. */
final class EncryptVerb implements Verb {
  /** The profiles, each with whether it allows SEIPD v2 (AEAD); the default first. */
  private static final List<Profile<Boolean>> PROFILES =
      List.of(
          new Profile<>(
              "default", "SEIPD v1 (no AEAD), which GnuPG and every other tool reads", false),
          new Profile<>(
              "rfc9580", "SEIPD v2 (AEAD, OCB) where every recipient announces it", true));

  @Override
  public String description() {
    return "Encrypts stdin to the certificates and with the passwords.";
  }

  @Override
  public Options options() {
    return new Options()
        .addOption(Verb.flag("no-armor", "Writes binary instead of ASCII armor."))
        .addOption(Verb.asOption())
        .addOption(
            Verb.value("with-password", "PASSWORD", "A file with a password to encrypt with, too."))
        .addOption(Verb.value("sign-with", "KEY", "Also signs with the keys in this file."))
        .addOption(
            Verb.value(
                "with-key-password", "PASSWORD", "A file with a --sign-with key's password."))
        .addOption(Verb.profileOption(PROFILES, "The encryption format"))
        .addOption(
            Verb.value(
                "compression",
                "ALGORITHM",
                "Extension: NONE (the default, like other sop tools), ZIP, ZLIB or BZIP2."));
  }

  @Override
  public List<Profile<Boolean>> profiles() {
    return PROFILES;
  }

  @Override
  public Arity arity() {
    return Arity.any("CERTS");
  }

  @Override
  public void run(CommandLine line, InputStream in, OutputStream out) throws IOException {
    boolean text = Verb.asText(line);
    List<String> passwordFiles = Verb.values(line, "with-password");
    if (line.getArgList().isEmpty() && passwordFiles.isEmpty()) {
      throw new SopExit.Failure(
          SopExit.MISSING_ARG, "missing argument: expected CERTS... or --with-password");
    }
    boolean allowAead = Verb.profile(line, PROFILES);
    PgpEncryptor.Builder b =
        PgpEncryptor.builder()
            .armor(!line.hasOption("no-armor"))
            .compression(compression(Verb.single(line, "compression", "NONE")))
            .allowAead(allowAead)
            .text(text)
            .passwords(SopIo.newPasswords(passwordFiles));
    try {
      b.recipients(SopIo.certs(line.getArgList()));
      SopIo.keys(Verb.values(line, "sign-with"), Verb.values(line, "with-key-password"))
          .forEach(b::signWith);
      b.build().encrypt(Utf8Check.ifText(in, text), out);
    } catch (RuntimeException e) {
      throw Utf8Check.failure(e, "encrypt", "text");
    }
  }

  private static Compression compression(String name) {
    try {
      return Compression.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new SopExit.Failure(
          SopExit.UNSUPPORTED_OPTION,
          "--compression must be one of " + Arrays.toString(Compression.values()) + ": " + name);
    }
  }
}

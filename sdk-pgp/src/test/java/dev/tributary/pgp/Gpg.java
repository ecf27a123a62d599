package dev.tributary.pgp;

import dev.tributary.testing.PgpTestKeys.TestKey;
import dev.tributary.testing.TestFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throw-away GnuPG home: its own keyring and agent, in batch mode with loopback pinentry, so
 * tests never touch the user's keys or ask for a passphrase. Close it to stop its agent, or let
 * JUnit do it: {@code @RegisterExtension final Gpg gpg = Gpg.perTest();} gives each test its own.
 */
final class Gpg implements AutoCloseable, AfterEachCallback {
  private static final DateTimeFormatter FAKED_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  final Path home;

  Gpg() throws Exception {
    // Short path: the agent's socket path must stay under ~100 characters.
    home = Files.createTempDirectory(Path.of("/tmp"), "gpg");
    Files.setPosixFilePermissions(
        home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
  }

  /** A home for one test, closed after it when registered with {@code @RegisterExtension}. */
  static Gpg perTest() {
    try {
      return new Gpg();
    } catch (Exception e) {
      throw new IllegalStateException("cannot make a GnuPG home under /tmp", e);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }

  Tool.Result run(byte[] stdin, String... args) {
    List<String> command =
        Tool.list(
            "gpg",
            "--homedir",
            home.toString(),
            "--batch",
            "--no-tty",
            "--pinentry-mode",
            "loopback",
            "--trust-model",
            "always");
    command.addAll(List.of(args));
    return Tool.run(stdin, Map.of(), command);
  }

  /**
   * The {@code --with-colons} records of {@code type} ("pub", "sub", "rev", …) gpg prints for
   * {@code args} (a listing such as {@code --list-sigs} and what it lists), fields split.
   */
  List<String[]> records(String type, String... args) {
    List<String> all = Tool.list("--with-colons");
    all.addAll(List.of(args));
    return run(new byte[0], all.toArray(String[]::new))
        .ok()
        .text()
        .lines()
        .filter(l -> l.startsWith(type + ":"))
        .map(l -> l.split(":", -1))
        .toList();
  }

  /** The fingerprint of the first key gpg lists for {@code who}: a user ID, an email, a key ID. */
  String fingerprint(String who) {
    return run(new byte[0], "--with-colons", "--list-keys", who)
        .ok()
        .text()
        .lines()
        .filter(l -> l.startsWith("fpr:"))
        .map(l -> l.split(":")[9])
        .findFirst()
        .orElseThrow();
  }

  /**
   * Makes a key without a passphrase: a primary key of {@code algorithm} that certifies and signs,
   * for {@code uid}, and a subkey of {@code encryptionAlgorithm} that encrypts, both expiring as
   * {@code expires} says (gpg's words: "never", "1y"). Returns its fingerprint.
   */
  String generateKey(String uid, String algorithm, String encryptionAlgorithm, String expires) {
    run(new byte[0], "--passphrase", "", "--quick-gen-key", uid, algorithm, "cert,sign", expires)
        .ok();
    String fingerprint = fingerprint(uid);
    run(
            new byte[0],
            "--passphrase",
            "",
            "--quick-add-key",
            fingerprint,
            encryptionAlgorithm,
            "encr",
            expires)
        .ok();
    return fingerprint;
  }

  /**
   * Answers gpg's {@code --edit-key} menu for {@code fpr} with {@code commands}, one a line, as if
   * the clock read {@code at}.
   */
  void editKey(Instant at, String fpr, String commands) {
    run(
            commands.getBytes(StandardCharsets.UTF_8),
            "--faked-system-time",
            fakedTime(at),
            "--command-fd",
            "0",
            "--edit-key",
            fpr)
        .ok();
  }

  Gpg importKey(String armored) {
    run(armored.getBytes(StandardCharsets.US_ASCII), "--import").ok();
    return this;
  }

  /** Imports {@code key}'s certificate and its private key, unlocked with its passphrase. */
  Gpg importSecretKey(TestKey key) {
    importKey(key.armoredPublicKey());
    run(
            key.armoredPrivateKey().getBytes(StandardCharsets.US_ASCII),
            "--passphrase",
            key.passphrase(),
            "--import")
        .ok();
    return this;
  }

  @Override
  public void close() {
    Tool.run(
        new byte[0], Map.of(), List.of("gpgconf", "--homedir", home.toString(), "--kill", "all"));
    TestFiles.deleteRecursively(home); // gpg-agent may still be removing its sockets
  }

  /** {@code instant} as gpg's {@code --faked-system-time} takes it. */
  static String fakedTime(Instant instant) {
    return FAKED_TIME.format(instant);
  }
}

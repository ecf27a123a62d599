package dev.tributary.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.examples.cli.sop.Sop;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.RequiresProgram;
import dev.tributary.testing.TestFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code sop decrypt} of messages GnuPG encrypts with a legacy cipher ({@code gpg --cipher-algo}),
 * to a key and with a password: "unable to decrypt" (29), as sqop exits for IDEA, in sop's words
 * that name the cipher and why it is refused, never the Java API that would accept it. Likewise the
 * policy's other refusals of GnuPG-made input: a password hashed without iteration (29) and
 * certificates {@code encrypt} refuses (17), in sop's words, naming no {@code PgpPolicy} method.
 */
@RequiresProgram(value = "gpg", debianPackage = "gnupg")
class SopLegacyCipherTest {
  static final byte[] HELLO = "hello\n".getBytes(StandardCharsets.UTF_8);
  static final String PASSWORD = "legacy password";

  @TempDir Path dir;
  Path gpgHome;
  final StringWriter err = new StringWriter();

  @BeforeEach
  void gpgHome() throws Exception {
    // Short path: the agent's socket path must stay under ~100 characters.
    gpgHome = Files.createTempDirectory(Path.of("/tmp"), "gpg");
    Files.setPosixFilePermissions(gpgHome, PosixFilePermissions.fromString("rwx------"));
  }

  @AfterEach
  void stopAgent() throws Exception {
    new ProcessBuilder("gpgconf", "--homedir", gpgHome.toString(), "--kill", "all")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start()
        .waitFor();
    TestFiles.deleteRecursively(gpgHome);
  }

  byte[] gpg(byte[] stdin, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "gpg",
                "--homedir",
                gpgHome.toString(),
                "--batch",
                "--no-tty",
                "--pinentry-mode",
                "loopback",
                "--trust-model",
                "always"));
    command.addAll(List.of(args));
    Path in = Files.write(dir.resolve("gpg-in"), stdin);
    Path out = dir.resolve("gpg-out");
    Process p =
        new ProcessBuilder(command)
            .redirectInput(in.toFile())
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(p.waitFor()).as("gpg %s", command).isZero();
    return Files.readAllBytes(out);
  }

  int sop(byte[] stdin, String... args) {
    int code =
        Sop.run(
            new ByteArrayInputStream(stdin),
            new ByteArrayOutputStream(),
            new PrintWriter(err, true),
            args);
    return code;
  }

  @ParameterizedTest(name = "{0}, to a key: {2}")
  @CsvSource({
    "3DES, '3DES (ID 2), which sop refuses as weak', true",
    "CAST5, 'CAST5 (ID 3), which sop refuses as weak', true",
    "BLOWFISH, 'Blowfish (ID 4), which sop refuses as weak', false",
    "CAST5, 'CAST5 (ID 3), which sop refuses as weak', false",
    "IDEA, 'IDEA (ID 1), a legacy cipher with 64-bit blocks that sop does not implement', true",
    "IDEA, 'IDEA (ID 1), a legacy cipher with 64-bit blocks that sop does not implement', false"
  })
  void decrypt_legacyCipher_is29_namingTheCipherAndWhy_inSopsWords(
      String cipher, String named, boolean toKey) throws Exception {
    List<String> sop = new ArrayList<>(List.of("decrypt"));
    List<String> gpg = new ArrayList<>(List.of("--cipher-algo", cipher, "--output", "-"));
    if (toKey) {
      gpg(PgpTestKeys.ALICE_RSA.armoredPublicKey().getBytes(StandardCharsets.US_ASCII), "--import");
      gpg.addAll(List.of("--encrypt", "--recipient", PgpTestKeys.ALICE_RSA.fingerprint()));
      Path key = dir.resolve("alice.sec");
      Files.writeString(key, PgpTestKeys.ALICE_RSA.armoredPrivateKey());
      sop.add(key.toString());
    } else {
      gpg.addAll(List.of("--no-symkey-cache", "--passphrase", PASSWORD, "--symmetric"));
      Path password = Files.writeString(dir.resolve("password"), PASSWORD);
      sop.add("--with-password=" + password);
    }
    byte[] message = gpg(HELLO, gpg.toArray(String[]::new));

    assertThat(sop(message, sop.toArray(String[]::new))).as(err.toString()).isEqualTo(29);
    String expected =
        "sop: cannot decrypt: the message is encrypted with "
            + named
            + (cipher.equals("IDEA")
                ? ""
                : ": it decrypts under the default policy, which refuses the legacy ciphers with"
                    + " 64-bit blocks (3DES, CAST5, Blowfish)")
            + "; ask the sender to encrypt with AES"
            + System.lineSeparator();
    assertThat(err.toString()).isEqualTo(expected).doesNotContain("PgpPolicy");
  }

  /** A certificate GnuPG makes with {@code extra} options, exported to a file. */
  Path cert(String userId, String algorithm, String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("--passphrase", ""));
    args.addAll(List.of(extra));
    args.addAll(List.of("--quick-gen-key", userId, algorithm, "default", "never"));
    gpg(new byte[0], args.toArray(String[]::new));
    return Files.write(dir.resolve("cert"), gpg(new byte[0], "--armor", "--export", userId));
  }

  @ParameterizedTest(name = "--s2k-mode {0}")
  @CsvSource({"0, simple", "1, salted"})
  void decrypt_weakPasswordHashing_is29_inSopsWords(int mode, String name) throws Exception {
    byte[] message =
        gpg(
            HELLO,
            "--no-symkey-cache",
            "--passphrase",
            "x",
            "--s2k-mode",
            String.valueOf(mode),
            "--symmetric",
            "--output",
            "-");
    Path password = Files.writeString(dir.resolve("password"), "x");

    assertThat(sop(message, "decrypt", "--with-password=" + password))
        .as(err.toString())
        .isEqualTo(29);
    assertThat(err.toString())
        .isEqualTo(
            "sop: cannot decrypt: the message's password is hashed with the "
                + name
                + " S2K, without iteration, which makes guessing it cheap: refused; ask the sender"
                + " to use a current tool"
                + System.lineSeparator())
        .doesNotContain("PgpPolicy")
        .doesNotContain("()");
  }

  @Test
  void encrypt_rsaKeyBelowTheMinimum_is17_inSopsWords() throws Exception {
    Path cert = cert("Weak <weak@example.org>", "rsa1024");

    assertThat(sop(HELLO, "encrypt", cert.toString())).as(err.toString()).isEqualTo(17);
    assertThat(err.toString())
        .contains("RSA 1024 bits is weaker than the policy's minimum of 2048. Ask the recipient")
        .doesNotContain("PgpPolicy")
        .doesNotContain("()");
  }

  @Test
  void encrypt_sha1SelfSignatures_is17_inSopsWords() throws Exception {
    Path cert = cert("Sha <sha@example.org>", "rsa3072", "--cert-digest-algo", "SHA1");

    assertThat(sop(HELLO, "encrypt", cert.toString())).as(err.toString()).isEqualTo(17);
    assertThat(err.toString())
        .contains("its self-signatures use SHA-1, which the policy refuses. Ask the recipient")
        .doesNotContain("PgpPolicy")
        .doesNotContain("()");
  }
}

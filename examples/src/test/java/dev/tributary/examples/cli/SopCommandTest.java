package dev.tributary.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.examples.cli.sop.Sop;
import dev.tributary.testing.PgpTestKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sop verbs in-process, with the draft's exit codes. */
class SopCommandTest {
  @TempDir Path dir;
  final StringWriter err = new StringWriter();
  byte[] out = new byte[0];

  int sop(byte[] stdin, String... args) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    int code = Sop.run(new ByteArrayInputStream(stdin), stdout, new PrintWriter(err, true), args);
    out = stdout.toByteArray();
    return code;
  }

  String file(String name, String content) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return p.toString();
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void version_printsNameAndVersion() {
    assertThat(sop(new byte[0], "version")).isZero();
    assertThat(new String(out, StandardCharsets.UTF_8)).startsWith("tributary-sop ");
  }

  @Test
  void generateKey_extractCert_encrypt_decrypt_roundTrip() throws Exception {
    assertThat(sop(new byte[0], "generate-key", "Test <test@example.com>")).isZero();
    String key = file("key.asc", new String(out, StandardCharsets.US_ASCII));
    assertThat(sop(bytes(Files.readString(Path.of(key))), "extract-cert")).isZero();
    String cert = file("cert.asc", new String(out, StandardCharsets.US_ASCII));
    assertThat(Files.readString(Path.of(cert))).startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----");
    assertThat(sop(bytes("hello sop\n"), "encrypt", "--no-armor", cert)).isZero();
    byte[] message = out;
    assertThat(message[0] & 0x80).isNotZero();
    assertThat(sop(message, "decrypt", key)).isZero();
    assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo("hello sop\n");
  }

  @Test
  void protectedKey_needsItsPasswordFile_else67() throws Exception {
    String cert = file("bob.pub", PgpTestKeys.BOB_25519.armoredPublicKey());
    String key = file("bob.sec", PgpTestKeys.BOB_25519.armoredPrivateKey());
    String password = file("pw", PgpTestKeys.BOB_25519.passphrase() + "\n");
    assertThat(sop(bytes("secret\n"), "encrypt", cert)).isZero();
    byte[] message = out;
    assertThat(sop(message, "decrypt", key)).isEqualTo(67);
    assertThat(sop(message, "decrypt", "--with-key-password=" + password, key)).isZero();
    assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo("secret\n");
  }

  @Test
  void signAndVerify_printVerificationLines_orExit3() throws Exception {
    String key = file("alice.sec", PgpTestKeys.ALICE_RSA.armoredPrivateKey());
    String cert = file("alice.pub", PgpTestKeys.ALICE_RSA.armoredPublicKey());
    String other = file("carol.pub", PgpTestKeys.CAROL_SEQUOIA.armoredPublicKey());
    assertThat(sop(bytes("data"), "sign", key)).isZero();
    String sig = file("sig.asc", new String(out, StandardCharsets.US_ASCII));
    assertThat(sop(bytes("data"), "verify", sig, cert)).isZero();
    assertThat(new String(out, StandardCharsets.UTF_8))
        .contains(PgpTestKeys.ALICE_RSA.fingerprint())
        .contains("mode:binary");
    assertThat(sop(bytes("data"), "verify", sig, other)).isEqualTo(3);
    assertThat(sop(bytes("changed"), "verify", sig, cert)).isEqualTo(3);
  }

  @Test
  void decrypt_wrongKey_is29_badData_is41() throws Exception {
    String alice = file("alice.pub", PgpTestKeys.ALICE_RSA.armoredPublicKey());
    String carol = file("carol.sec", PgpTestKeys.CAROL_SEQUOIA.armoredPrivateKey());
    assertThat(sop(bytes("x"), "encrypt", alice)).isZero();
    assertThat(sop(out, "decrypt", carol)).isEqualTo(29);
    assertThat(err.toString()).contains(PgpTestKeys.ALICE_RSA.encryptionKeyId());
    assertThat(sop(bytes("not openpgp at all"), "decrypt", carol)).isEqualTo(41);
  }

  @Test
  void usageErrors_haveTheDraftsExitCodes() throws Exception {
    assertThat(sop(new byte[0], "frobnicate")).isEqualTo(69);
    assertThat(sop(new byte[0], "decrypt")).isEqualTo(19);
    String cert = file("c.pub", PgpTestKeys.ALICE_RSA.armoredPublicKey());
    assertThat(sop(new byte[0], "encrypt", "--with-password=pw", cert)).isEqualTo(37);
    assertThat(sop(new byte[0], "generate-key", "--profile=nope", "x")).isEqualTo(89);
  }

  @Test
  void encrypt_toSignOnlyCert_is17() throws Exception {
    String cert = file("s.pub", PgpTestKeys.SIGN_ONLY.armoredPublicKey());
    assertThat(sop(bytes("x"), "encrypt", cert)).isEqualTo(17);
  }

  // Only the verb being run gets a command-line model; help still lists them all.
  @Test
  void help_listsEveryVerb() {
    assertThat(sop(new byte[0], "help")).isZero();
    assertThat(new String(out, StandardCharsets.UTF_8))
        .contains(
            "version", "generate-key", "extract-cert", "encrypt", "decrypt", "sign", "verify");
  }

  @Test
  void sopIsRegisteredInTheRunner() {
    StringWriter help = new StringWriter();
    TributaryCli.run(new PrintWriter(help, true), new PrintWriter(err, true), "--help");
    assertThat(help.toString()).contains("sop");
  }
}

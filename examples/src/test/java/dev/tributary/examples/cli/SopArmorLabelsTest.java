package dev.tributary.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.examples.cli.sop.Sop;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.RequiresProgram;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Armor as sqop and GnuPG read it: the packets count, not the label; and {@code dearmor} writes the
 * packets of every armored block it is given. Signatures and messages are made by sqop.
 */
@RequiresProgram(value = "sqop", debianPackage = "sqop")
class SopArmorLabelsTest {
  static final byte[] HELLO = "hello\n".getBytes(StandardCharsets.UTF_8);
  static final List<String> LABELS =
      List.of("MESSAGE", "SIGNATURE", "PUBLIC KEY BLOCK", "PRIVATE KEY BLOCK");

  @TempDir Path dir;
  final StringWriter err = new StringWriter();
  byte[] out = new byte[0];

  int sop(byte[] stdin, String... args) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    int code = Sop.run(new ByteArrayInputStream(stdin), stdout, new PrintWriter(err, true), args);
    out = stdout.toByteArray();
    return code;
  }

  byte[] sqop(byte[] stdin, String... args) throws Exception {
    Path in = Files.write(dir.resolve("sqop-in"), stdin);
    Path sqopOut = dir.resolve("sqop-out");
    List<String> command = new java.util.ArrayList<>(List.of("sqop"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command)
            .redirectInput(in.toFile())
            .redirectOutput(sqopOut.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("sqop %s", command).isZero();
    return Files.readAllBytes(sqopOut);
  }

  Path file(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.US_ASCII);
  }

  Path key() throws Exception {
    return file("carol.sec", PgpTestKeys.CAROL_SEQUOIA.armoredPrivateKey());
  }

  Path cert() throws Exception {
    return file("carol.pub", PgpTestKeys.CAROL_SEQUOIA.armoredPublicKey());
  }

  /** {@code armor}, its header and footer lines labelled {@code to} instead. */
  static String relabel(byte[] armor, String to) {
    return new String(armor, StandardCharsets.US_ASCII)
        .replaceAll("(BEGIN|END) PGP [A-Z ]+-----", "$1 PGP " + to + "-----");
  }

  @Test
  void verify_readsASignatureUnderAnyLabel_asSqopDoes() throws Exception {
    byte[] signature = sqop(HELLO, "sign", key().toString());
    for (String label : LABELS) {
      Path relabelled = file("hello.sig", relabel(signature, label));
      sqop(HELLO, "verify", relabelled.toString(), cert().toString());
      assertThat(sop(HELLO, "verify", relabelled.toString(), cert().toString()))
          .as("%s: %s", label, err)
          .isZero();
      assertThat(new String(out, StandardCharsets.UTF_8))
          .contains(PgpTestKeys.CAROL_SEQUOIA.fingerprint());
    }
  }

  @Test
  void inlineVerifyAndDecrypt_readAMessageUnderAnyLabel_asSqopDoes() throws Exception {
    byte[] signed = sqop(HELLO, "inline-sign", key().toString());
    byte[] encrypted = sqop(HELLO, "encrypt", cert().toString());
    for (String label : LABELS) {
      byte[] relabelled = relabel(signed, label).getBytes(StandardCharsets.US_ASCII);
      sqop(relabelled, "inline-verify", cert().toString());
      assertThat(sop(relabelled, "inline-verify", cert().toString()))
          .as("%s: %s", label, err)
          .isZero();
      assertThat(out).isEqualTo(HELLO);
      relabelled = relabel(encrypted, label).getBytes(StandardCharsets.US_ASCII);
      sqop(relabelled, "decrypt", key().toString());
      assertThat(sop(relabelled, "decrypt", key().toString())).as("%s: %s", label, err).isZero();
      assertThat(out).isEqualTo(HELLO);
    }
  }

  /** A key is also read whatever its label; a certificate is still no key, and is said to be. */
  @Test
  void aCertificateUnderThePrivateKeyLabel_isStillRefusedAsTheKey_41() throws Exception {
    byte[] encrypted = sqop(HELLO, "encrypt", cert().toString());
    Path certAsKey =
        file(
            "carol.sec",
            relabel(bytes(PgpTestKeys.CAROL_SEQUOIA.armoredPublicKey()), "PRIVATE KEY BLOCK"));
    assertThat(sop(encrypted, "decrypt", certAsKey.toString())).isEqualTo(41);
    assertThat(err.toString())
        .isEqualTo(
            "sop: this is a public key (certificate) "
                + PgpTestKeys.CAROL_SEQUOIA.fingerprint()
                + "; a private key is needed here\n");
  }

  /**
   * GnuPG's --dearmor writes every block's packets; sqop's (0.27) writes the first block's and
   * drops the rest, and ours wrote the first and exited 41.
   */
  @Test
  void dearmor_ofTwoArmoredBlocks_writesThePacketsOfBoth() throws Exception {
    byte[] first = sqop(HELLO, "sign", key().toString());
    byte[] second = sqop(HELLO, "sign", "--as=text", key().toString());
    byte[] cert = bytes(PgpTestKeys.CAROL_SEQUOIA.armoredPublicKey());
    byte[] both = concat(first, bytes("\n\n"), cert, second);
    byte[] expected =
        concat(sqop(first, "dearmor"), sqop(cert, "dearmor"), sqop(second, "dearmor"));

    assertThat(sop(both, "dearmor")).as(err.toString()).isZero();
    assertThat(out).isEqualTo(expected);
    assertThat(sop(concat(first, bytes("some text\n")), "dearmor")).isEqualTo(41);
    assertThat(err.toString())
        .isEqualTo(
            "sop: the input continues after its armor footer -----END PGP SIGNATURE-----: only"
                + " blank lines or another armored block may follow it\n");
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    return all.toByteArray();
  }
}

package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.encrypt;
import static dev.tributary.pgp.EncryptDecryptTest.to;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.PgpTestKeys.TestKey;
import dev.tributary.testing.RequiresProgram;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text messages (literal data 't' and 'u') of the real GnuPG 2.2 ({@code --textmode}) and Sequoia's
 * {@code sqop} ({@code --as=text}): decrypted and verified here with the line endings gpg writes,
 * by default, and with the bytes sqop writes, as stored ({@link TextLineEndings#AS_STORED}).
 */
@RequiresProgram(value = "gpg", debianPackage = "gnupg")
@RequiresProgram(value = "sqop", debianPackage = "sqop")
class TextLineEndingsInteropTest {
  static final TestKey ALICE = PgpTestKeys.ALICE_RSA;

  /** LF, CRLF, both in one text, blank lines, trailing whitespace, no final line ending. */
  static final List<String> TEXTS =
      List.of(
          "id,name\n1,a\n2,b\n",
          "id,name\r\n1,a\r\n2,b\r\n",
          "lf\ncrlf\r\n\r\n\ntrailing \t\r\nlast",
          "x".repeat(19_000) + "\r\n" + "y\n".repeat(40_000)); // gpg: lines < 19995 bytes

  @RegisterExtension final Gpg gpg = Gpg.perTest();
  @TempDir Path dir;

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  static String decrypt(byte[] message, TextLineEndings endings) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DecryptionResult r =
        PgpDecryptor.builder()
            .key(PgpKey.of(ALICE.privateKey()))
            .verifyWith(PgpCertificate.of(ALICE.publicKey()))
            .signaturePolicy(SignaturePolicy.REQUIRED)
            .textLineEndings(endings)
            .build()
            .decrypt(new ByteArrayInputStream(message), out);
    assertThat(r.format().isText()).isTrue();
    return out.toString(StandardCharsets.UTF_8);
  }

  String file(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content).toString();
  }

  @Test
  void gpgTextmode_weDecryptToWhatGpgWrites() {
    gpg.importSecretKey(ALICE);
    for (String t : TEXTS) {
      byte[] message =
          gpg.run(
                  utf8(t),
                  "--textmode",
                  "--encrypt",
                  "--sign",
                  "--recipient",
                  ALICE.fingerprint(),
                  "--local-user",
                  ALICE.fingerprint())
              .ok()
              .out();
      String gpgs = gpg.run(message, "--decrypt").ok().text();
      assertThat(decrypt(message, TextLineEndings.NATIVE)).isEqualTo(gpgs).isEqualTo(lf(t));
      // gpg stores each line ending as CRLF, and the last line as it is
      assertThat(decrypt(message, TextLineEndings.AS_STORED))
          .isEqualTo(t.replaceAll("\r?\n", "\r\n"));
    }
  }

  /**
   * gpg drops every CR of text it writes, also one no LF follows, which is data: we keep it, as
   * OpenPGP.js does.
   */
  @Test
  void gpgTextmode_loneCr_weKeepIt_gpgDropsIt() {
    gpg.importSecretKey(ALICE);
    byte[] message =
        gpg.run(utf8("a\rb\nc\n"), "--textmode", "--encrypt", "--recipient", ALICE.fingerprint())
            .ok()
            .out();
    assertThat(gpg.run(message, "--decrypt").ok().text()).isEqualTo("ab\nc\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PgpDecryptor.builder()
        .key(PgpKey.of(ALICE.privateKey()))
        .build()
        .decrypt(new ByteArrayInputStream(message), out);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a\rb\nc\n");
  }

  @Test
  void weEncryptText_gpgAndWeDecryptAlike() {
    gpg.importSecretKey(ALICE);
    for (String t : TEXTS) {
      byte[] message =
          encrypt(to(ALICE).text(true).signWith(PgpKey.of(ALICE.privateKey())).build(), utf8(t));
      assertThat(decrypt(message, TextLineEndings.NATIVE))
          .isEqualTo(gpg.run(message, "--decrypt").ok().text())
          .isEqualTo(lf(t));
    }
  }

  /** sqop stores its text unchanged (LF stays LF) and decrypts it as stored. */
  @Test
  void sqopEncryptAsText_asStoredIsWhatSqopWrites_nativeIsLf() throws Exception {
    String cert = file("alice.pub", ALICE.armoredPublicKey());
    String key = file("alice.sec", ALICE.armoredPrivateKey());
    for (String t : TEXTS) {
      byte[] message =
          Tool.sqop(utf8(t), "encrypt", "--as=text", "--sign-with=" + key, cert).ok().out();
      String sqops = Tool.sqop(message, "decrypt", key).ok().text();
      assertThat(sqops).isEqualTo(t);
      assertThat(decrypt(message, TextLineEndings.AS_STORED)).isEqualTo(sqops);
      assertThat(decrypt(message, TextLineEndings.NATIVE)).isEqualTo(lf(t));
    }
  }

  @Test
  void gpgSignsText_weVerifyToWhatGpgWrites_sqopAsStored() throws Exception {
    gpg.importSecretKey(ALICE);
    String cert = file("alice.pub", ALICE.armoredPublicKey());
    List<PgpCertificate> alice = List.of(PgpCertificate.of(ALICE.publicKey()));
    for (String t : TEXTS) {
      byte[] message = gpg.run(utf8(t), "--sign", "--textmode").ok().out();
      for (TextLineEndings endings : TextLineEndings.values()) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(
                PgpInlineSignatures.verify(
                    new ByteArrayInputStream(message), out, alice, PgpPolicy.defaults(), endings))
            .singleElement()
            .matches(SignatureVerification::valid);
        String theirs =
            endings == TextLineEndings.AS_STORED
                ? Tool.sqop(message, "inline-verify", cert).ok().text()
                : gpg.run(message, "--decrypt").ok().text();
        assertThat(out.toString(StandardCharsets.UTF_8)).as("%s", endings).isEqualTo(theirs);
      }
    }
  }

  static String lf(String s) {
    return s.replace("\r\n", "\n");
  }
}

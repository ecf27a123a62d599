package dev.tributary.pgp;

import static dev.tributary.pgp.TextSignaturesTest.LF;
import static dev.tributary.pgp.TextSignaturesTest.sign;
import static dev.tributary.pgp.TextSignaturesTest.utf8;
import static dev.tributary.pgp.TextSignaturesTest.verify;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.PgpTestKeys.TestKey;
import dev.tributary.testing.RequiresProgram;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text signatures with the real GnuPG 2.2 ({@code --textmode}) and Sequoia's {@code sqop} ({@code
 * --as=text}), both ways: detached, and inside encrypted messages.
 */
@RequiresProgram(value = "gpg", debianPackage = "gnupg")
@RequiresProgram(value = "sqop", debianPackage = "sqop")
class TextSignaturesInteropTest {
  static final String CRLF = LF.replace("\n", "\r\n");
  static final TestKey ALICE = PgpTestKeys.ALICE_RSA;
  static final TestKey CAROL = PgpTestKeys.CAROL_SEQUOIA;

  @RegisterExtension final Gpg gpg = Gpg.perTest();
  @TempDir Path dir;

  Tool.Result sqop(byte[] stdin, String... args) {
    return Tool.sqop(stdin, args);
  }

  String file(String name, byte[] content) throws Exception {
    Path p = dir.resolve(name);
    Files.write(p, content);
    return p.toString();
  }

  @Test
  void theyMakeTextSignatures_weVerifyEveryLineEnding() {
    gpg.importSecretKey(ALICE);
    byte[] gpgs = gpg.run(utf8(LF), "--textmode", "--armor", "--detach-sign").ok().out();
    for (String copy : List.of(LF, CRLF)) {
      assertThat(verify(copy, gpgs, ALICE))
          .satisfies(v -> assertThat(v.type()).isEqualTo(SignatureType.TEXT))
          .matches(SignatureVerification::valid);
    }
  }

  @Test
  void sqopMakesTextSignatures_weVerifyEveryLineEnding() throws Exception {
    String key = file("carol.asc", utf8(CAROL.armoredPrivateKey()));
    byte[] sqops = sqop(utf8(CRLF), "sign", "--as=text", key).ok().out();
    for (String copy : List.of(LF, CRLF)) {
      assertThat(verify(copy, sqops, CAROL))
          .satisfies(v -> assertThat(v.type()).isEqualTo(SignatureType.TEXT))
          .matches(SignatureVerification::valid);
    }
  }

  @Test
  void weMakeTextSignatures_gpgAndSqopVerifyEveryLineEnding() throws Exception {
    gpg.importKey(ALICE.armoredPublicKey());
    String sig = file("data.sig", sign(LF, SignatureType.TEXT, new ArrayList<>(), ALICE));
    String cert = file("alice.pub", utf8(ALICE.armoredPublicKey()));
    for (String copy : List.of(LF, CRLF)) {
      String data = file("data", utf8(copy));
      assertThat(gpg.run(new byte[0], "--status-fd", "2", "--verify", sig, data).ok().err())
          .contains("[GNUPG:] GOODSIG " + ALICE.fingerprint().substring(24));
      assertThat(sqop(utf8(copy), "verify", sig, cert).ok().text()).contains(ALICE.fingerprint());
    }
  }

  @Test
  void weEncryptText_gpgAndSqopDecryptAndVerify() throws Exception {
    gpg.importSecretKey(ALICE);
    byte[] message =
        EncryptDecryptTest.encrypt(
            EncryptDecryptTest.to(ALICE)
                .text(true)
                .armor(true)
                .signWith(PgpKey.of(ALICE.privateKey()))
                .build(),
            utf8(LF));
    Tool.Result g = gpg.run(message, "--status-fd", "2", "--decrypt").ok();
    assertThat(g.err()).contains("[GNUPG:] GOODSIG " + ALICE.fingerprint().substring(24));
    assertThat(g.text()).isEqualTo(LF); // gpg writes text with local (LF) line endings

    Path verifications = dir.resolve("verifications");
    Tool.Result s =
        sqop(
                message,
                "decrypt",
                "--verifications-out=" + verifications,
                "--verify-with=" + file("alice.pub", utf8(ALICE.armoredPublicKey())),
                file("alice.sec", utf8(ALICE.armoredPrivateKey())))
            .ok();
    assertThat(s.text()).isEqualTo(CRLF);
    assertThat(Files.readString(verifications)).contains(ALICE.fingerprint());
  }

  @Test
  void theyEncryptText_weDecryptAndVerify() throws Exception {
    gpg.importSecretKey(ALICE);
    byte[] gpgs =
        gpg.run(
                utf8(LF),
                "--textmode",
                "--encrypt",
                "--sign",
                "--recipient",
                ALICE.fingerprint(),
                "--local-user",
                ALICE.fingerprint())
            .ok()
            .out();
    byte[] sqops =
        sqop(
                utf8(LF),
                "encrypt",
                "--as=text",
                "--sign-with=" + file("carol.sec", utf8(CAROL.armoredPrivateKey())),
                file("alice.pub", utf8(ALICE.armoredPublicKey())))
            .ok()
            .out();
    for (byte[] message : List.of(gpgs, sqops)) {
      PgpDecryptor.DecryptionStream s =
          PgpDecryptor.builder()
              .key(PgpKey.of(ALICE.privateKey()))
              .verifyWith(PgpCertificate.of(ALICE.publicKey()))
              .verifyWith(PgpCertificate.of(CAROL.publicKey()))
              .signaturePolicy(SignaturePolicy.REQUIRED)
              .build()
              .open(new ByteArrayInputStream(message));
      String text = new String(EncryptDecryptTest.readAll(s), StandardCharsets.UTF_8);
      assertThat(text.replace("\r\n", "\n")).isEqualTo(LF);
      assertThat(s.result().signatures())
          .singleElement()
          .satisfies(v -> assertThat(v.type()).isEqualTo(SignatureType.TEXT))
          .matches(SignatureVerification::valid);
    }
  }
}

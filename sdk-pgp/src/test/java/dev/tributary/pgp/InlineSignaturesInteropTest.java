package dev.tributary.pgp;

import static dev.tributary.pgp.InlineSignaturesTest.ALICE;
import static dev.tributary.pgp.InlineSignaturesTest.BOB;
import static dev.tributary.pgp.InlineSignaturesTest.TRICKY;
import static dev.tributary.pgp.InlineSignaturesTest.crlf;
import static dev.tributary.pgp.InlineSignaturesTest.sign;
import static dev.tributary.pgp.InlineSignaturesTest.stripped;
import static dev.tributary.pgp.InlineSignaturesTest.verify;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.pgp.PgpInlineSignatures.Mode;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.RequiresProgram;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Inline-signed messages with the real GnuPG 2.2 and Sequoia's {@code sqop}, both ways: they sign
 * (gpg --sign, --sign --armor, --clearsign; sqop inline-sign --as=binary, text, clearsigned), we
 * verify; we sign, they verify; and what {@link PgpInlineSignatures#detach} splits off verifies as
 * detached signatures in both.
 */
@RequiresProgram(value = "gpg", debianPackage = "gnupg")
@RequiresProgram(value = "sqop", debianPackage = "sqop")
class InlineSignaturesInteropTest {
  static final byte[] CRLF_TEXT =
      "line one\r\n- dash line\r\ntrailing  \r\n\r\nend\r\n".getBytes(StandardCharsets.UTF_8);

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

  String file(String name, String content) throws Exception {
    return file(name, content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void gpgSignsEveryWay_weVerify() {
    gpg.importSecretKey(ALICE);
    byte[] tricky = TRICKY.getBytes(StandardCharsets.UTF_8);
    for (byte[] data : List.of(EncryptDecryptTest.TEXT, tricky, CRLF_TEXT)) {
      for (List<String> how :
          List.of(
              List.of("--sign"),
              List.of("--sign", "--armor"),
              List.of("--sign", "--textmode", "--compress-algo", "none"),
              List.of("--clearsign"))) {
        byte[] message = gpg.run(data, how.toArray(new String[0])).ok().out();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(verify(message, out, ALICE))
            .as("%s", how)
            .singleElement()
            .matches(SignatureVerification::valid);
        String text = new String(data, StandardCharsets.UTF_8);
        assertThat(out.toString(StandardCharsets.UTF_8))
            .as("%s", how)
            .isEqualTo(
                how.contains("--clearsign")
                    ? stripped(text) + (text.endsWith("\n") ? "" : "\n")
                    // gpg stores text with CRLF; verify writes it with LF, as gpg does
                    : how.contains("--textmode") ? crlf(text).replace("\r\n", "\n") : text);
      }
    }
  }

  @Test
  void gpgClearsigned_tampered_isNoValidSignature() {
    gpg.importSecretKey(BOB);
    String message =
        gpg.run(
                "pay 100 EUR\n".getBytes(StandardCharsets.UTF_8),
                "--passphrase",
                BOB.passphrase(),
                "--clearsign")
            .ok()
            .text();
    byte[] tampered = message.replace("pay 100", "pay 900").getBytes(StandardCharsets.UTF_8);
    assertThat(verify(tampered, new ByteArrayOutputStream(), BOB))
        .singleElement()
        .matches(v -> !v.valid());
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void weSign_gpgVerifies(Mode mode) throws Exception {
    gpg.importKey(ALICE.armoredPublicKey()).importKey(BOB.armoredPublicKey());
    byte[] data = TRICKY.getBytes(StandardCharsets.UTF_8);
    for (boolean armor :
        mode == Mode.CLEARTEXT ? new boolean[] {true} : new boolean[] {false, true}) {
      byte[] message = sign(data, mode, armor, ALICE, BOB);
      Tool.Result r = gpg.run(message, "--status-fd", "2", "--decrypt").ok();
      assertThat(r.err())
          .as("armor=%s", armor)
          .contains("[GNUPG:] GOODSIG 31368D83A4407430", "[GNUPG:] GOODSIG A567A3E61E79EDD5");
      if (mode == Mode.BINARY) {
        assertThat(r.out()).isEqualTo(data);
      } else if (mode == Mode.TEXT) { // gpg writes text with local (LF) line endings
        assertThat(r.text()).isEqualTo(TRICKY.replace("\r\n", "\n"));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void weSign_sqopVerifies(Mode mode) throws Exception {
    String certs = file("certs.asc", ALICE.armoredPublicKey() + BOB.armoredPublicKey());
    byte[] data = TRICKY.getBytes(StandardCharsets.UTF_8);
    byte[] message = sign(data, mode, true, ALICE, BOB);
    Path verifications = dir.resolve("verifications");
    Tool.Result r =
        sqop(message, "inline-verify", "--verifications-out=" + verifications, certs).ok();
    assertThat(Files.readAllLines(verifications))
        .hasSize(2)
        .anyMatch(l -> l.contains(ALICE.fingerprint()))
        .anyMatch(l -> l.contains(BOB.fingerprint()));
    if (mode != Mode.CLEARTEXT) {
      assertThat(r.text()).isEqualTo(mode == Mode.TEXT ? crlf(TRICKY) : TRICKY);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void sqopSigns_weVerify(Mode mode) throws Exception {
    String as =
        mode == Mode.CLEARTEXT ? "clearsigned" : mode.name().toLowerCase(java.util.Locale.ROOT);
    String key = file("carol.asc", PgpTestKeys.CAROL_SEQUOIA.armoredPrivateKey());
    byte[] data = TRICKY.getBytes(StandardCharsets.UTF_8);
    for (String armor : mode == Mode.CLEARTEXT ? List.of("") : List.of("", "--no-armor")) {
      List<String> args = new ArrayList<>(List.of("inline-sign", "--as=" + as));
      if (!armor.isEmpty()) {
        args.add(armor);
      }
      args.add(key);
      byte[] message = sqop(data, args.toArray(new String[0])).ok().out();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertThat(verify(message, out, PgpTestKeys.CAROL_SEQUOIA))
          .as("%s %s", as, armor)
          .singleElement()
          .matches(SignatureVerification::valid);
      assertThat(out.toString(StandardCharsets.UTF_8))
          .isEqualTo(mode == Mode.CLEARTEXT ? stripped(TRICKY) + "\n" : TRICKY);
    }
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void detached_verifyInGpgAndSqop(Mode mode) throws Exception {
    gpg.importKey(ALICE.armoredPublicKey()).importKey(BOB.armoredPublicKey());
    byte[] message = sign(TRICKY.getBytes(StandardCharsets.UTF_8), mode, true, ALICE, BOB);
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    ByteArrayOutputStream sigs = new ByteArrayOutputStream();
    PgpInlineSignatures.detach(new ByteArrayInputStream(message), data, sigs, mode == Mode.TEXT);
    String dataFile = file("data", data.toByteArray());
    String sigFile = file("data.sig", sigs.toByteArray());
    assertThat(gpg.run(new byte[0], "--status-fd", "2", "--verify", sigFile, dataFile).ok().err())
        .contains("[GNUPG:] GOODSIG 31368D83A4407430", "[GNUPG:] GOODSIG A567A3E61E79EDD5");
    String certs = file("certs.asc", ALICE.armoredPublicKey() + BOB.armoredPublicKey());
    assertThat(sqop(data.toByteArray(), "verify", sigFile, certs).ok().text().lines()).hasSize(2);
  }
}

package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.decrypt;
import static dev.tributary.pgp.EncryptDecryptTest.encrypt;
import static dev.tributary.pgp.EncryptDecryptTest.to;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.tributary.pgp.PgpInlineSignatures.Mode;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.PgpTestKeys.TestKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The line endings of text (literal data {@code 't'} and {@code 'u'}, stored with CRLF, RFC 9580
 * section 5.9) on decryption and inline verification: CR LF pairs written as LF by default on this
 * (LF) platform, as stored when asked; a lone CR and a final CR kept; binary data never touched;
 * signatures checked over the text as stored.
 */
class TextLineEndingsTest {
  static final TestKey ALICE = PgpTestKeys.ALICE_RSA;
  static final TestKey BOB = PgpTestKeys.BOB_25519;

  static final String TRICKY = TextLineEndingsDefaultTest.TRICKY;

  @TempDir Path dir;

  static byte[] bytes(String s) {
    return TextLineEndingsDefaultTest.bytes(s);
  }

  static String lf(String s) {
    return TextLineEndingsDefaultTest.lf(s);
  }

  static byte[] message(char format, byte[] data, boolean signed) throws Exception {
    return TextLineEndingsDefaultTest.message(format, data, signed);
  }

  static byte[] signedLiteral(char format, byte[] data, boolean signed) throws Exception {
    return TextLineEndingsDefaultTest.signedLiteral(format, data, signed);
  }

  static PgpDecryptor.Builder alice() {
    return TextLineEndingsDefaultTest.alice();
  }

  @ParameterizedTest
  @EnumSource(TextLineEndings.class)
  void everyChoice_checksTheSignatureOverTheStoredText(TextLineEndings endings) throws Exception {
    for (char format : new char[] {'u', 't'}) {
      byte[] message = message(format, bytes(TRICKY), true);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      DecryptionResult r =
          alice()
              .textLineEndings(endings)
              .signaturePolicy(SignaturePolicy.REQUIRED)
              .build()
              .decrypt(new ByteArrayInputStream(message), out);
      assertThat(out.toString(StandardCharsets.UTF_8))
          .isEqualTo(endings == TextLineEndings.AS_STORED ? TRICKY : lf(TRICKY));
      assertThat(r.format())
          .isEqualTo(format == 'u' ? LiteralDataFormat.UTF8 : LiteralDataFormat.TEXT);
      assertThat(r.format().isText()).isTrue();
      assertThat(r.plaintextBytes()).isEqualTo(bytes(TRICKY).length);
      assertThat(r.signatures()).singleElement().matches(SignatureVerification::valid);
    }
  }

  @ParameterizedTest
  @EnumSource(TextLineEndings.class)
  void binaryData_isNeverChanged(TextLineEndings endings) throws Exception {
    byte[] message = message('b', bytes(TRICKY), false);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DecryptionResult r =
        alice().textLineEndings(endings).build().decrypt(new ByteArrayInputStream(message), out);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(TRICKY);
    assertThat(r.format()).isEqualTo(LiteralDataFormat.BINARY);
    assertThat(r.format().isText()).isFalse();

    byte[] ours = encrypt(to(ALICE).build(), bytes(TRICKY));
    assertThat(decrypt(alice().textLineEndings(endings).build(), ours)).isEqualTo(bytes(TRICKY));
  }

  @Test
  void otherFormats_areHandedOutAsStored() throws Exception {
    for (char format : new char[] {'m', 'l', '1'}) {
      byte[] message = message(format, bytes(TRICKY), false);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      DecryptionResult r =
          alice()
              .textLineEndings(TextLineEndings.LF)
              .build()
              .decrypt(new ByteArrayInputStream(message), out);
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(TRICKY);
      assertThat(r.format()).isEqualTo(LiteralDataFormat.OTHER);
    }
  }

  @Test
  void native_isLf_onAnLfPlatform() throws Exception {
    assumeThat(System.lineSeparator()).isEqualTo("\n");
    byte[] message = message('u', bytes(TRICKY), false);
    assertThat(decrypt(alice().textLineEndings(TextLineEndings.NATIVE).build(), message))
        .isEqualTo(decrypt(alice().textLineEndings(TextLineEndings.LF).build(), message));
  }

  // --- inline-signed messages ---

  @Test
  void inlineVerify_textWithLoneCrs_convertsAndStaysValid() throws Exception {
    for (char format : new char[] {'u', 't'}) {
      byte[] message = signedLiteral(format, bytes(TRICKY), true);
      List<PgpCertificate> bob = List.of(PgpCertificate.of(BOB.publicKey()));
      for (TextLineEndings endings : TextLineEndings.values()) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<SignatureVerification> v =
            PgpInlineSignatures.verify(
                new ByteArrayInputStream(message), out, bob, PgpPolicy.defaults(), endings);
        assertThat(v).singleElement().matches(SignatureVerification::valid);
        assertThat(out.toString(StandardCharsets.UTF_8))
            .as("%s %s", format, endings)
            .isEqualTo(endings == TextLineEndings.AS_STORED ? TRICKY : lf(TRICKY));
      }
    }
  }

  @Test
  void inlineVerifyFile_choosesTheLineEndings() throws Exception {
    Path message = Files.write(dir.resolve("m.gpg"), signedLiteral('u', bytes(TRICKY), true));
    List<PgpCertificate> bob = List.of(PgpCertificate.of(BOB.publicKey()));
    Path lf = dir.resolve("lf.csv");
    PgpInlineSignatures.verifyFile(message, lf, bob, PgpPolicy.defaults());
    assertThat(Files.readString(lf)).isEqualTo(lf(TRICKY));
    Path stored = dir.resolve("stored.csv");
    PgpInlineSignatures.verifyFile(
        message, stored, bob, PgpPolicy.defaults(), TextLineEndings.AS_STORED);
    assertThat(Files.readString(stored)).isEqualTo(TRICKY);
  }

  @Test
  void inlineDetach_keepsTheStoredText_thatTheSignaturesCover() throws Exception {
    byte[] message = signedLiteral('u', bytes(TRICKY), true);
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    ByteArrayOutputStream sigs = new ByteArrayOutputStream();
    PgpInlineSignatures.detach(new ByteArrayInputStream(message), data, sigs, false);
    assertThat(data.toString(StandardCharsets.UTF_8)).isEqualTo(TRICKY);
  }

  @Test
  void inlineVerify_binaryData_isNeverChanged() throws Exception {
    byte[] message = InlineSignaturesTest.sign(bytes(TRICKY), Mode.BINARY, false, BOB);
    for (TextLineEndings endings : TextLineEndings.values()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PgpInlineSignatures.verify(
          new ByteArrayInputStream(message),
          out,
          List.of(PgpCertificate.of(BOB.publicKey())),
          PgpPolicy.defaults(),
          endings);
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(TRICKY);
    }
  }
}

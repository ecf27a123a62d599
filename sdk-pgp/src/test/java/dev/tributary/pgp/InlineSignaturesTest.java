package dev.tributary.pgp;

import static dev.tributary.pgp.SignaturePairingTest.binary;
import static dev.tributary.pgp.SignaturePairingTest.onePassOf;
import static dev.tributary.pgp.SignaturePairingTest.signatureOf;
import static dev.tributary.pgp.TrailingDataTest.concat;
import static dev.tributary.pgp.TrailingDataTest.literalDataPacket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.pgp.PgpInlineSignatures.Mode;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.PgpTestKeys.TestKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Inline-signed messages without encryption: {@link PgpInlineSignatures}. */
class InlineSignaturesTest {
  static final TestKey ALICE = PgpTestKeys.ALICE_RSA;
  static final TestKey BOB = PgpTestKeys.BOB_25519;

  /** Text that exercises the cleartext framework: dashes, trailing whitespace, CRLF, "From ". */
  static final String TRICKY =
      "Dear partner,\n- a list item\n-----BEGIN PGP SIGNATURE-----\ntrailing spaces   \n"
          + "tab\t\nFrom the start\r\ncrlf line\r\n\nlast line";

  @TempDir Path dir;

  static byte[] sign(byte[] data, Mode mode, boolean armor, TestKey... signers) {
    List<PgpKey> keys = new ArrayList<>();
    for (TestKey k : signers) {
      keys.add(PgpKey.of(k.privateKey()));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PgpInlineSignatures.sign(new ByteArrayInputStream(data), out, keys, mode, armor);
    return out.toByteArray();
  }

  /** The verifications; the data written goes to {@code data}. */
  static List<SignatureVerification> verify(
      byte[] message, ByteArrayOutputStream data, TestKey... certs) {
    List<PgpCertificate> c = new ArrayList<>();
    for (TestKey k : certs) {
      c.add(PgpCertificate.of(k.publicKey()));
    }
    return PgpInlineSignatures.verify(
        new ByteArrayInputStream(message), data, c, PgpPolicy.defaults());
  }

  static String utf8(ByteArrayOutputStream out) {
    return out.toString(StandardCharsets.UTF_8);
  }

  /** {@code text} as the cleartext framework signs it: lines without trailing whitespace. */
  static String stripped(String text) {
    return text.replaceAll("[ \t]+(?=\r?\n|$)", "");
  }

  /** {@code text} with its line endings made CRLF, as {@link Mode#TEXT} stores it. */
  static String crlf(String text) {
    return text.replaceAll("\r?\n", "\r\n");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void roundTrip_twoSigners_bothValid(Mode mode) {
    byte[] data = EncryptDecryptTest.TEXT;
    byte[] expected = data; // TEXT's CRLF, as stored, is written with this platform's LF
    for (boolean armor :
        mode == Mode.CLEARTEXT ? new boolean[] {true} : new boolean[] {false, true}) {
      byte[] message = sign(data, mode, armor, ALICE, BOB);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      List<SignatureVerification> v = verify(message, out, ALICE, BOB);
      assertThat(out.toByteArray()).as("armor=%s", armor).isEqualTo(expected);
      assertThat(v)
          .hasSize(2)
          .allMatch(SignatureVerification::valid)
          .extracting(SignatureVerification::signerFingerprint)
          .containsExactlyInAnyOrder(ALICE.fingerprint(), BOB.fingerprint());
      assertThat(new String(message, 0, 20, StandardCharsets.ISO_8859_1).startsWith("-----"))
          .isEqualTo(armor);
    }
  }

  @Test
  void cleartext_dashEscapesAndSignsTheStrippedLines() {
    byte[] message = sign(TRICKY.getBytes(StandardCharsets.UTF_8), Mode.CLEARTEXT, true, BOB);
    String text = new String(message, StandardCharsets.UTF_8);
    assertThat(text)
        .startsWith("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nDear partner,\n- - a list")
        .contains("\n- -----BEGIN PGP SIGNATURE-----\ntrailing spaces   \n")
        .contains("\nlast line\n-----BEGIN PGP SIGNATURE-----\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(verify(message, out, BOB)).singleElement().matches(SignatureVerification::valid);
    assertThat(utf8(out)).isEqualTo(stripped(TRICKY) + "\n");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void tamperedData_isNoValidSignature(Mode mode) {
    byte[] message =
        sign(
            "pay 100 EUR to Alice\n".getBytes(StandardCharsets.UTF_8),
            mode,
            mode == Mode.CLEARTEXT,
            BOB);
    String s = new String(message, StandardCharsets.ISO_8859_1);
    int at = mode == Mode.CLEARTEXT ? s.indexOf("100") : indexOf(message, "100");
    message[at] = '9';
    List<SignatureVerification> v = verify(message, new ByteArrayOutputStream(), BOB);
    assertThat(v)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.valid()).isFalse();
              assertThat(x.problem()).isEqualTo("the signature does not match the data");
            });
  }

  @Test
  void tamperedSignature_isNoValidSignature_orMalformed() {
    byte[] message = sign(EncryptDecryptTest.TEXT, Mode.BINARY, false, ALICE);
    message[message.length - 20] ^= 0x01; // inside the RSA signature's value
    List<SignatureVerification> v = verify(message, new ByteArrayOutputStream(), ALICE);
    assertThat(v).singleElement().matches(x -> !x.valid());
  }

  @Test
  void unknownSigner_isReported_notValid() {
    byte[] message = sign(EncryptDecryptTest.TEXT, Mode.TEXT, true, BOB);
    assertThat(verify(message, new ByteArrayOutputStream(), ALICE))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.valid()).isFalse();
              assertThat(x.problem())
                  .isEqualTo("no verification certificate holds the signing key");
            });
  }

  @Test
  void cleartext_hashHeaderNotNamingTheSignaturesHash_isNotValid() {
    byte[] message = sign("hello\n".getBytes(StandardCharsets.UTF_8), Mode.CLEARTEXT, true, BOB);
    byte[] lying =
        new String(message, StandardCharsets.US_ASCII)
            .replace("Hash: SHA256", "Hash: SHA512")
            .getBytes(StandardCharsets.US_ASCII);
    assertThat(verify(lying, new ByteArrayOutputStream(), BOB))
        .singleElement()
        .satisfies(
            x ->
                assertThat(x.problem()).contains("which the message's Hash: header does not name"));
  }

  @Test
  void oldStyleSignatureBeforeTheData_isVerified() throws Exception {
    byte[] message = concat(signatureOf(binary(BOB)), literalDataPacket(EncryptDecryptTest.TEXT));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(verify(message, out, BOB)).singleElement().matches(SignatureVerification::valid);
    assertThat(out.toByteArray()).isEqualTo(EncryptDecryptTest.TEXT);
  }

  @Test
  void seventeenOnePassSignaturesByOneKey_areRefused_sixteenChecked() throws Exception {
    for (int n : new int[] {16, 17}) {
      PGPSignatureGenerator g = binary(BOB);
      byte[] onePass = onePassOf(g);
      g.update(EncryptDecryptTest.TEXT);
      byte[] signature = g.generate().getEncoded();
      List<byte[]> parts = new ArrayList<>(Collections.nCopies(n, onePass));
      parts.add(literalDataPacket(EncryptDecryptTest.TEXT));
      parts.addAll(Collections.nCopies(n, signature));
      byte[] message = concat(parts.toArray(new byte[0][]));
      if (n == 16) {
        assertThat(verify(message, new ByteArrayOutputStream(), BOB))
            .hasSize(16)
            .allMatch(SignatureVerification::valid);
      } else {
        assertThatThrownBy(() -> verify(message, new ByteArrayOutputStream(), BOB))
            .isInstanceOf(PgpDataException.class)
            .hasMessageStartingWith(
                "the message holds more than 16 signatures by the verification certificates'");
      }
    }
  }

  @Test
  void malformedInput_failsWithPgpDataException() throws Exception {
    byte[] signed = sign(EncryptDecryptTest.TEXT, Mode.BINARY, false, BOB);
    assertThatThrownBy(
            () ->
                verify(
                    literalDataPacket(EncryptDecryptTest.TEXT), new ByteArrayOutputStream(), BOB))
        .isInstanceOf(PgpDataException.class)
        .hasMessage("the OpenPGP data is not a signed message: its literal data has no signature");
    assertThatThrownBy(
            () ->
                verify(
                    java.util.Arrays.copyOf(signed, signed.length - 30),
                    new ByteArrayOutputStream(),
                    BOB))
        .isInstanceOf(PgpDataException.class)
        .hasMessageStartingWith("the signed message");
    assertThatThrownBy(
            () ->
                verify(
                    "just text\n".getBytes(StandardCharsets.US_ASCII),
                    new ByteArrayOutputStream(),
                    BOB))
        .isInstanceOf(PgpDataException.class)
        .hasMessageStartingWith("the input is not OpenPGP data");
    byte[] clear = sign("- x\n".getBytes(StandardCharsets.UTF_8), Mode.CLEARTEXT, true, BOB);
    byte[] unescaped =
        new String(clear, StandardCharsets.US_ASCII)
            .replace("- - x", "-x")
            .getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> verify(unescaped, new ByteArrayOutputStream(), BOB))
        .isInstanceOf(PgpDataException.class)
        .hasMessageContaining("starts with '-' but is not dash-escaped");
    byte[] cut =
        java.util.Arrays.copyOf(
            clear,
            new String(clear, StandardCharsets.US_ASCII).indexOf("-----BEGIN PGP SIGNATURE"));
    assertThatThrownBy(() -> verify(cut, new ByteArrayOutputStream(), BOB))
        .isInstanceOf(PgpDataException.class)
        .hasMessageContaining("before its -----BEGIN PGP SIGNATURE----- line");
  }

  @Test
  void verifyFile_writesTheDataOnlyWhenASignatureIsValid() throws Exception {
    Path message = dir.resolve("in.pgp");
    Path data = dir.resolve("out.csv");
    Files.write(message, sign(EncryptDecryptTest.TEXT, Mode.BINARY, true, BOB));
    List<PgpCertificate> alice = List.of(PgpCertificate.of(ALICE.publicKey()));
    assertThatThrownBy(
            () -> PgpInlineSignatures.verifyFile(message, data, alice, PgpPolicy.defaults()))
        .isInstanceOfSatisfying(
            PgpDataException.class,
            e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.BAD_SIGNATURE));
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("in.pgp");
    }
    List<PgpCertificate> bob = List.of(PgpCertificate.of(BOB.publicKey()));
    assertThat(PgpInlineSignatures.verifyFile(message, data, bob, PgpPolicy.defaults()))
        .singleElement()
        .matches(SignatureVerification::valid);
    assertThat(Files.readAllBytes(data)).isEqualTo(EncryptDecryptTest.TEXT);
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void detach_givesDataAndSignaturesThatVerifyDetached(Mode mode) {
    byte[] input = TRICKY.getBytes(StandardCharsets.UTF_8);
    byte[] message = sign(input, mode, true, ALICE, BOB);
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    ByteArrayOutputStream sigs = new ByteArrayOutputStream();
    assertThat(PgpInlineSignatures.detach(new ByteArrayInputStream(message), data, sigs, true))
        .isEqualTo(2);
    assertThat(utf8(data))
        .isEqualTo(
            switch (mode) {
              case BINARY -> TRICKY;
              case TEXT -> crlf(TRICKY);
              case CLEARTEXT -> stripped(TRICKY);
            });
    assertThat(sigs.toString(StandardCharsets.US_ASCII))
        .startsWith("-----BEGIN PGP SIGNATURE-----");
    List<SignatureVerification> v =
        PgpSignatures.verify(
            new ByteArrayInputStream(data.toByteArray()),
            new ByteArrayInputStream(sigs.toByteArray()),
            List.of(PgpCertificate.of(ALICE.publicKey()), PgpCertificate.of(BOB.publicKey())),
            PgpPolicy.defaults());
    assertThat(v).hasSize(2).allMatch(SignatureVerification::valid);
  }

  @Test
  void cleartextWithoutArmor_isMisuse() {
    assertThatThrownBy(() -> sign(new byte[0], Mode.CLEARTEXT, false, BOB))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a cleartext-signed message is always armored");
  }

  static int indexOf(byte[] haystack, String needle) {
    return new String(haystack, StandardCharsets.ISO_8859_1).indexOf(needle);
  }
}

package dev.tributary.pgp;

import static dev.tributary.pgp.SignedMessageGrammarTest.onePassSigned;
import static dev.tributary.pgp.SignedMessageGrammarTest.signature;
import static dev.tributary.pgp.SignedMessageGrammarTest.signer;
import static dev.tributary.pgp.TrailingDataTest.encryptedToAlice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.PgpTestKeys.TestKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Signatures made in the future, judged by the methods that take no clock (the system UTC clock):
 * one made more than 30 minutes ahead of it is not valid, as in Sequoia; one made 10 minutes ahead
 * is. Each case runs on a detached signature, a one-pass signed message, a cleartext-signed message
 * and an encrypted, signed message, all by Alice (whose key has no expiry). {@link
 * SignatureClockTest} runs them on a clock of its own; {@link FutureSignatureInteropTest} compares
 * with sqop and gpg.
 */
class FutureSignatureTest {
  static final TestKey ALICE = PgpTestKeys.ALICE_RSA;
  static final PgpCertificate ALICE_CERT = PgpCertificate.of(ALICE.publicKey());
  static final byte[] DATA = SignedMessageGrammarTest.DATA;

  /** The text of the cleartext-signed messages; its canonical form is what is signed. */
  static final String TEXT = "Hello, world.\nSecond line.";

  static final String FUTURE = "the signature was made in the future: ";

  enum Form {
    DETACHED,
    ONE_PASS,
    CLEARTEXT,
    ENCRYPTED
  }

  /**
   * A message in {@code form} (for {@link Form#DETACHED}: the signature of {@link #DATA}) signed by
   * Alice at {@code made}, with what {@code hashed} adds to the signature's hashed area.
   */
  static byte[] signed(Form form, Instant made, Consumer<PGPSignatureSubpacketGenerator> hashed)
      throws Exception {
    return switch (form) {
      case DETACHED -> signature(signer(ALICE, PGPSignature.BINARY_DOCUMENT, made, hashed), DATA);
      case ONE_PASS ->
          onePassSigned(signer(ALICE, PGPSignature.BINARY_DOCUMENT, made, hashed), DATA);
      case CLEARTEXT -> cleartext(made, hashed);
      case ENCRYPTED ->
          encryptedToAlice(
              onePassSigned(signer(ALICE, PGPSignature.BINARY_DOCUMENT, made, hashed), DATA));
    };
  }

  /** {@link #TEXT} in the cleartext signature framework, with Alice's text signature. */
  static byte[] cleartext(Instant made, Consumer<PGPSignatureSubpacketGenerator> hashed)
      throws Exception {
    byte[] canonical = TEXT.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] sig =
        signature(signer(ALICE, PGPSignature.CANONICAL_TEXT_DOCUMENT, made, hashed), canonical);
    ByteArrayOutputStream armored = new ByteArrayOutputStream();
    PgpArmor.armor(new ByteArrayInputStream(sig), armored);
    return ("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n"
            + TEXT
            + "\n"
            + armored.toString(StandardCharsets.US_ASCII))
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The one verification of {@code message} in {@code form}, by Alice's certificate. */
  static SignatureVerification only(List<SignatureVerification> v) {
    assertThat(v).hasSize(1);
    assertThat(v.get(0).signerFingerprint()).isEqualTo(ALICE.fingerprint());
    return v.get(0);
  }

  /** Alice's one signature of {@code message} in {@code form}, by the methods without a clock. */
  static SignatureVerification verifyOnTheSystemClock(Form form, byte[] message) {
    return only(
        switch (form) {
          case DETACHED ->
              PgpSignatures.verify(
                  new ByteArrayInputStream(DATA),
                  new ByteArrayInputStream(message),
                  List.of(ALICE_CERT),
                  PgpPolicy.defaults());
          case ONE_PASS, CLEARTEXT ->
              PgpInlineSignatures.verify(
                  new ByteArrayInputStream(message),
                  new ByteArrayOutputStream(),
                  List.of(ALICE_CERT),
                  PgpPolicy.defaults());
          case ENCRYPTED ->
              PgpDecryptor.builder()
                  .key(PgpKey.of(ALICE.privateKey()))
                  .verifyWith(ALICE_CERT)
                  .build()
                  .decrypt(new ByteArrayInputStream(message), new ByteArrayOutputStream())
                  .signatures();
        });
  }

  // Was valid: a signature made in the future counted as any other. sqop: no valid signature.
  @ParameterizedTest
  @EnumSource(Form.class)
  void signatureMadeAnHourAhead_isNotValid_oneMadeTenMinutesAheadIs(Form form) throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant hourAhead = now.plus(Duration.ofHours(1));
    SignatureVerification hour = verifyOnTheSystemClock(form, signed(form, hourAhead, h -> {}));
    assertThat(hour.valid()).isFalse();
    assertThat(hour.created()).isEqualTo(hourAhead);
    assertThat(hour.problem())
        .startsWith(FUTURE + hourAhead + ", the clock says " + now.toString().substring(0, 14))
        .endsWith(" (more than 30 minutes of clock skew)");
    SignatureVerification tenMinutes =
        verifyOnTheSystemClock(form, signed(form, now.plus(Duration.ofMinutes(10)), h -> {}));
    assertThat(tenMinutes.valid()).isTrue();
  }

  @TempDir Path dir;

  @Test
  void verifyFile_signatureMadeADayAhead_isRefused_andLeavesNoFile() throws Exception {
    Instant dayAhead = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    Path message = Files.write(dir.resolve("signed.gpg"), signed(Form.ONE_PASS, dayAhead, h -> {}));
    Path data = dir.resolve("data");
    assertThatThrownBy(
            () ->
                PgpInlineSignatures.verifyFile(
                    message, data, List.of(ALICE_CERT), PgpPolicy.defaults()))
        .isInstanceOfSatisfying(
            PgpDataException.class,
            e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.BAD_SIGNATURE))
        .hasMessageContaining(
            "the message has no valid signature by a verification certificate: "
                + FUTURE
                + dayAhead
                + ", the clock says ");
    assertThat(data).doesNotExist();
  }
}

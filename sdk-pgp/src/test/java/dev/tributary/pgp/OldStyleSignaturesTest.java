package dev.tributary.pgp;

import static dev.tributary.pgp.CraftedMessagesTest.craftAroundLiteralData;
import static dev.tributary.pgp.EncryptDecryptTest.TEXT;
import static dev.tributary.pgp.EncryptDecryptTest.decrypt;
import static dev.tributary.pgp.EncryptDecryptTest.readAll;
import static dev.tributary.pgp.SignaturePairingTest.binary;
import static dev.tributary.pgp.SignaturePairingTest.generator;
import static dev.tributary.pgp.SignaturePairingTest.onePassOf;
import static dev.tributary.pgp.SignaturePairingTest.signatureOf;
import static dev.tributary.pgp.TrailingDataTest.compressedPacket;
import static dev.tributary.pgp.TrailingDataTest.compressedPacketWithLength;
import static dev.tributary.pgp.TrailingDataTest.compressedStream;
import static dev.tributary.pgp.TrailingDataTest.concat;
import static dev.tributary.pgp.TrailingDataTest.encryptedToAlice;
import static dev.tributary.pgp.TrailingDataTest.literalDataPacket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.PgpTestKeys.TestKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Date;
import java.util.stream.Stream;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedDataGenerator;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A message signed the old way, before one-pass signatures: the signature packets come before the
 * literal data, with nothing after it (RFC 9580, section 10.3: "Signature Packet, OpenPGP
 * Message"). Such signatures were skipped, neither checked nor reported: a message signed so failed
 * the REQUIRED policy as unsigned, and a forged one passed OPTIONAL unnoticed. They precede the
 * data, so they are checked as it streams past, like one-pass signatures.
 */
class OldStyleSignaturesTest {
  static final byte[] TAMPERED = tampered();

  static byte[] tampered() {
    byte[] t = Arrays.copyOf(TEXT, TEXT.length);
    t[t.length / 2] ^= 1;
    return t;
  }

  /** Bob's signature over {@link EncryptDecryptTest#TEXT}, then {@code data} as literal data. */
  static byte[] signedByBob(byte[] data) throws Exception {
    return concat(signatureOf(binary(PgpTestKeys.BOB_25519)), literalDataPacket(data));
  }

  /**
   * Bob's signature and {@code data}, compressed and encrypted to Alice by BouncyCastle's
   * generators, as a sender that signs the old way writes them.
   */
  static byte[] compressedAndEncrypted(byte[] data) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream zip =
        new PGPCompressedDataGenerator(CompressionAlgorithmTags.ZIP).open(out)) {
      zip.write(signatureOf(binary(PgpTestKeys.BOB_25519)));
      try (OutputStream lit =
          new PGPLiteralDataGenerator()
              .open(zip, PGPLiteralData.BINARY, "data.csv", new Date(), new byte[1 << 12])) {
        lit.write(data);
      }
    }
    return encryptedToAlice(out.toByteArray());
  }

  static Stream<Arguments> messages() throws Exception {
    return Stream.of(
        Arguments.of("compressed", compressedAndEncrypted(TEXT), compressedAndEncrypted(TAMPERED)),
        Arguments.of(
            "not compressed",
            craftAroundLiteralData(signatureOf(binary(PgpTestKeys.BOB_25519)), new byte[0]),
            encryptedToAlice(signedByBob(TAMPERED))),
        Arguments.of(
            "the signature before the compressed data",
            encryptedToAlice(
                concat(
                    signatureOf(binary(PgpTestKeys.BOB_25519)),
                    compressedPacketWithLength(
                        CompressionAlgorithmTags.ZLIB,
                        compressedStream(CompressionAlgorithmTags.ZLIB, literalDataPacket(TEXT))))),
            encryptedToAlice(
                concat(
                    signatureOf(binary(PgpTestKeys.BOB_25519)),
                    compressedPacketWithLength(
                        CompressionAlgorithmTags.ZLIB,
                        compressedStream(
                            CompressionAlgorithmTags.ZLIB, literalDataPacket(TAMPERED)))))));
  }

  static PgpDecryptor bobsRequired(SignaturePolicy policy) {
    return SignaturePairingTest.decryptor(policy);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void oldStyleSignature_isVerified(String what, byte[] message, byte[] tamperedMessage) {
    PgpDecryptor.DecryptionStream s =
        bobsRequired(SignaturePolicy.REQUIRED).open(new ByteArrayInputStream(message));
    assertThat(readAll(s)).isEqualTo(TEXT);
    assertThat(s.result().signatures())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.valid()).as(v.problem()).isTrue();
              assertThat(v.signerFingerprint()).isEqualTo(PgpTestKeys.BOB_25519.fingerprint());
            });
    PgpDecryptor.DecryptionStream ignored =
        bobsRequired(SignaturePolicy.IGNORED).open(new ByteArrayInputStream(message));
    assertThat(readAll(ignored)).isEqualTo(TEXT);
    assertThat(ignored.result().signatures()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void oldStyleSignature_overOtherData_isInvalid(
      String what, byte[] message, byte[] tamperedMessage) {
    assertThatThrownBy(() -> decrypt(bobsRequired(SignaturePolicy.REQUIRED), tamperedMessage))
        .isInstanceOfSatisfying(
            PgpDataException.class,
            e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.BAD_SIGNATURE))
        .hasMessage(
            "the message has no valid signature by a verification certificate: the signature does"
                + " not match the data");
    PgpDecryptor.DecryptionStream s =
        bobsRequired(SignaturePolicy.OPTIONAL).open(new ByteArrayInputStream(tamperedMessage));
    assertThat(readAll(s)).isEqualTo(TAMPERED);
    assertThat(s.result().signatures())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.valid()).isFalse();
              assertThat(v.problem()).isEqualTo("the signature does not match the data");
              assertThat(v.signerFingerprint()).isEqualTo(PgpTestKeys.BOB_25519.fingerprint());
            });
  }

  @Test
  void oldStyleSignatures_byTwoKeysAndOneUnknown_eachReported() throws Exception {
    TestKey alice = PgpTestKeys.ALICE_RSA;
    TestKey bob = PgpTestKeys.BOB_25519;
    TestKey carol = PgpTestKeys.CAROL_SEQUOIA;
    byte[] message =
        encryptedToAlice(
            compressedPacket(
                CompressionAlgorithmTags.BZIP2,
                compressedStream(
                    CompressionAlgorithmTags.BZIP2,
                    concat(
                        signatureOf(binary(alice)),
                        signatureOf(
                            generator(
                                bob,
                                HashAlgorithmTags.SHA512,
                                PGPSignature.CANONICAL_TEXT_DOCUMENT)),
                        signatureOf(binary(carol)),
                        literalDataPacket(TEXT)))));
    PgpDecryptor.DecryptionStream s =
        SignaturePairingTest.verifyingAliceAndBob(SignaturePolicy.REQUIRED)
            .open(new ByteArrayInputStream(message));
    assertThat(readAll(s)).isEqualTo(TEXT);
    assertThat(s.result().signatures())
        .extracting(
            SignatureVerification::signerFingerprint,
            SignatureVerification::valid,
            SignatureVerification::problem)
        .containsExactly(
            tuple(alice.fingerprint(), true, null),
            tuple(bob.fingerprint(), true, null),
            tuple(null, false, "no verification certificate holds the signing key"));
  }

  /** RFC 9580 allows both kinds in one message: an old-style signature around a one-pass one. */
  @Test
  void oldStyleSignature_aroundAOnePassSignedMessage_bothVerify() throws Exception {
    var bobs = binary(PgpTestKeys.BOB_25519);
    byte[] message =
        craftAroundLiteralData(
            concat(signatureOf(binary(PgpTestKeys.BOB_25519)), onePassOf(bobs)), signatureOf(bobs));
    PgpDecryptor.DecryptionStream s =
        bobsRequired(SignaturePolicy.REQUIRED).open(new ByteArrayInputStream(message));
    assertThat(readAll(s)).isEqualTo(TEXT);
    assertThat(s.result().signatures())
        .hasSize(2)
        .allSatisfy(v -> assertThat(v.valid()).as(v.problem()).isTrue());
  }
}

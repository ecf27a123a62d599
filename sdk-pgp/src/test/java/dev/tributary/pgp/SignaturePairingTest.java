package dev.tributary.pgp;

import static dev.tributary.pgp.CraftedMessagesTest.craftAroundLiteralData;
import static dev.tributary.pgp.EncryptDecryptTest.TEXT;
import static dev.tributary.pgp.EncryptDecryptTest.decrypt;
import static dev.tributary.pgp.EncryptDecryptTest.readAll;
import static dev.tributary.pgp.TrailingDataTest.compressedPacket;
import static dev.tributary.pgp.TrailingDataTest.compressedPacketWithLength;
import static dev.tributary.pgp.TrailingDataTest.compressedStream;
import static dev.tributary.pgp.TrailingDataTest.concat;
import static dev.tributary.pgp.TrailingDataTest.encryptedToAlice;
import static dev.tributary.pgp.TrailingDataTest.literalDataPacket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.PgpTestKeys.TestKey;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A one-pass signed message holds one signature after its literal data for each one-pass signature
 * before it, at the same level (RFC 9580, section 10.3: the signature packets close the one-pass
 * signatures, as brackets do). A message with fewer was accepted: the one-pass signature without
 * its signature was ignored, and a valid signature by another key satisfied even the REQUIRED
 * policy. Such a message is malformed under every signature policy, IGNORED included: the policy
 * says whether signatures are checked, not whether a broken message is read.
 */
class SignaturePairingTest {
  private static final String MISSING_ONE =
      "the decrypted message ends without the signature that a one-pass signature announced";

  @TempDir Path dir;

  /** {@code signer}'s signature over {@link EncryptDecryptTest#TEXT} as binary data. */
  static byte[] signature(TestKey signer) {
    return CraftedMessagesTest.detachedSignature(signer);
  }

  /** The one-pass signature packet that announces {@link #signature(TestKey) signer's}. */
  static byte[] onePass(TestKey signer) throws Exception {
    PGPSignature sig =
        ((PGPSignatureList) new BcPGPObjectFactory(signature(signer)).nextObject()).get(0);
    return CraftedMessagesTest.onePassFor(sig);
  }

  static PgpDecryptor decryptor(SignaturePolicy policy) {
    return PgpDecryptor.builder()
        .key(PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey()))
        .verifyWith(PgpCertificate.of(PgpTestKeys.BOB_25519.publicKey()))
        .signaturePolicy(policy)
        .build();
  }

  static Stream<Arguments> unpaired() throws Exception {
    TestKey bob = PgpTestKeys.BOB_25519;
    TestKey alice = PgpTestKeys.ALICE_RSA;
    byte[] literal = literalDataPacket(TEXT);
    return Stream.of(
        Arguments.of(
            "a one-pass signature, no signature",
            craftAroundLiteralData(onePass(bob), new byte[0]),
            MISSING_ONE),
        Arguments.of(
            "two one-pass signatures by Bob, one signature",
            craftAroundLiteralData(concat(onePass(bob), onePass(bob)), signature(bob)),
            MISSING_ONE),
        Arguments.of(
            "one-pass signatures by Alice and Bob, Bob's signature only",
            craftAroundLiteralData(concat(onePass(alice), onePass(bob)), signature(bob)),
            MISSING_ONE),
        Arguments.of(
            "three one-pass signatures, one signature",
            craftAroundLiteralData(
                concat(onePass(alice), onePass(bob), onePass(bob)), signature(bob)),
            "the decrypted message ends without 2 signatures that one-pass signatures announced"),
        Arguments.of(
            "a one-pass signature inside compressed data, its signature after it",
            encryptedToAlice(
                concat(
                    compressedPacketWithLength(
                        CompressionAlgorithmTags.ZIP,
                        compressedStream(
                            CompressionAlgorithmTags.ZIP, concat(onePass(bob), literal))),
                    signature(bob))),
            MISSING_ONE),
        Arguments.of(
            "one signature more than one-pass signatures",
            craftAroundLiteralData(onePass(bob), concat(signature(bob), signature(bob))),
            "the decrypted message holds a signature after its literal data that no one-pass"
                + " signature announced"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unpaired")
  void unpairedOnePassSignatures_areMalformed_underEveryPolicy(
      String what, byte[] message, String expected) {
    for (SignaturePolicy policy : SignaturePolicy.values()) {
      assertThatThrownBy(() -> decrypt(decryptor(policy), message))
          .as(policy.name())
          .isInstanceOfSatisfying(
              PgpDataException.class,
              e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.MALFORMED))
          .hasMessage(expected);
    }
  }

  @Test
  void missingSignature_decryptFile_leavesNoFile_andTheStreamKeepsFailing() throws Exception {
    byte[] message =
        craftAroundLiteralData(
            concat(onePass(PgpTestKeys.ALICE_RSA), onePass(PgpTestKeys.BOB_25519)),
            signature(PgpTestKeys.BOB_25519));
    Path source = Files.write(dir.resolve("unpaired.pgp"), message);
    PgpDecryptor decryptor = decryptor(SignaturePolicy.REQUIRED);
    assertThatThrownBy(() -> decryptor.decryptFile(source, dir.resolve("out.csv")))
        .isInstanceOf(PgpDataException.class)
        .hasMessage(MISSING_ONE);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(source);
    }
    PgpDecryptor.DecryptionStream s = decryptor.open(new ByteArrayInputStream(message));
    assertThatThrownBy(s::readAllBytes)
        .isInstanceOf(PgpDataException.class)
        .hasMessage(MISSING_ONE);
    assertThatThrownBy(s::read).isInstanceOf(PgpDataException.class).hasMessage(MISSING_ONE);
  }

  static Stream<Arguments> paired() throws Exception {
    TestKey bob = PgpTestKeys.BOB_25519;
    TestKey alice = PgpTestKeys.ALICE_RSA;
    byte[] literal = literalDataPacket(TEXT);
    return Stream.of(
        Arguments.of("one by Bob", craftAroundLiteralData(onePass(bob), signature(bob)), 1),
        Arguments.of(
            "by Alice and Bob, nested",
            craftAroundLiteralData(
                concat(onePass(alice), onePass(bob)), concat(signature(bob), signature(alice))),
            2),
        Arguments.of(
            "by Bob, around compressed data",
            encryptedToAlice(
                concat(
                    onePass(bob),
                    compressedPacketWithLength(
                        CompressionAlgorithmTags.ZLIB,
                        compressedStream(CompressionAlgorithmTags.ZLIB, literal)),
                    signature(bob))),
            1),
        Arguments.of(
            "by Bob, inside compressed data",
            encryptedToAlice(
                compressedPacket(
                    CompressionAlgorithmTags.BZIP2,
                    compressedStream(
                        CompressionAlgorithmTags.BZIP2,
                        concat(onePass(bob), literal, signature(bob))))),
            1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paired")
  void pairedOnePassSignatures_decryptAndVerify(String what, byte[] message, int signatures) {
    PgpDecryptor.DecryptionStream s =
        decryptor(SignaturePolicy.REQUIRED).open(new ByteArrayInputStream(message));
    assertThat(readAll(s)).isEqualTo(TEXT);
    assertThat(s.result().signatures())
        .hasSize(signatures)
        .anySatisfy(
            v -> {
              assertThat(v.valid()).isTrue();
              assertThat(v.signerFingerprint()).isEqualTo(PgpTestKeys.BOB_25519.fingerprint());
            });
    for (SignaturePolicy policy : SignaturePolicy.values()) {
      assertThat(decrypt(decryptor(policy), message)).as(policy.name()).isEqualTo(TEXT);
    }
  }
}

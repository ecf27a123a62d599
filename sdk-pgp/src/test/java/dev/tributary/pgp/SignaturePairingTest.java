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
import static org.assertj.core.api.Assertions.tuple;

import dev.tributary.pgp.internal.KeyDescriber;
import dev.tributary.pgp.internal.UnlockedKeys;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.PgpTestKeys.TestKey;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.OnePassSignaturePacket;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
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

  /** Alice's decryptor, verifying with Alice's and Bob's certificates under {@code policy}. */
  static PgpDecryptor verifyingAliceAndBob(SignaturePolicy policy) {
    return PgpDecryptor.builder()
        .key(PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey()))
        .verifyWith(PgpCertificate.of(PgpTestKeys.ALICE_RSA.publicKey()))
        .verifyWith(PgpCertificate.of(PgpTestKeys.BOB_25519.publicKey()))
        .signaturePolicy(policy)
        .build();
  }

  /** {@code message} is refused as MALFORMED with {@code expected} under every signature policy. */
  static void assertMalformedUnderEveryPolicy(
      Function<SignaturePolicy, PgpDecryptor> decryptor, byte[] message, String expected) {
    for (SignaturePolicy policy : SignaturePolicy.values()) {
      assertThatThrownBy(() -> decrypt(decryptor.apply(policy), message))
          .as(policy.name())
          .isInstanceOfSatisfying(
              PgpDataException.class,
              e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.MALFORMED))
          .hasMessage(expected);
    }
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
    assertMalformedUnderEveryPolicy(SignaturePairingTest::decryptor, message, expected);
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

  /**
   * A generator of {@code signer}'s signature of {@code type} with {@code hash}, by its primary
   * key, naming the key in its issuer subpackets.
   */
  static PGPSignatureGenerator generator(TestKey signer, int hash, int type) throws Exception {
    UnlockedKeys keys = PgpKey.of(signer.privateKey()).unlocked();
    PGPSecretKey secret = keys.ring().getSecretKey();
    PGPPublicKey pub = secret.getPublicKey();
    PGPSignatureGenerator g =
        new PGPSignatureGenerator(new BcPGPContentSignerBuilder(pub.getAlgorithm(), hash), pub);
    g.init(type, keys.privateKey(secret));
    PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
    hashed.setSignatureCreationTime(true, new Date());
    hashed.setIssuerFingerprint(false, pub);
    hashed.setIssuerKeyID(false, pub.getKeyID());
    g.setHashedSubpackets(hashed.generate());
    return g;
  }

  static PGPSignatureGenerator binary(TestKey signer) throws Exception {
    return generator(signer, HashAlgorithmTags.SHA256, PGPSignature.BINARY_DOCUMENT);
  }

  /** The one-pass signature packet of {@code g}'s signature. */
  static byte[] onePassOf(PGPSignatureGenerator g) throws Exception {
    return g.generateOnePassVersion(false).getEncoded();
  }

  /** {@code g}'s signature over {@link EncryptDecryptTest#TEXT}. */
  static byte[] signatureOf(PGPSignatureGenerator g) throws Exception {
    g.update(TEXT);
    return g.generate().getEncoded();
  }

  static String keyIdOf(TestKey key) {
    return KeyDescriber.keyId(PgpCertificate.of(key.publicKey()).ring().getPublicKey().getKeyID());
  }

  static String doesNotMatch(String detail) {
    return "the decrypted message holds a signature after its literal data that does not match its"
        + " one-pass signature: "
        + detail;
  }

  static Stream<Arguments> mismatched() throws Exception {
    TestKey bob = PgpTestKeys.BOB_25519;
    TestKey alice = PgpTestKeys.ALICE_RSA;
    PGPSignatureGenerator bobs = binary(bob);
    PGPSignatureGenerator bobsToo = binary(bob);
    PGPSignatureGenerator alices = binary(alice);
    byte[] bobsSignature = signatureOf(bobs);
    PGPSignature parsed =
        ((PGPSignatureList) new BcPGPObjectFactory(bobsSignature).nextObject()).get(0);
    byte[] rsaOnePass =
        new OnePassSignaturePacket(
                parsed.getSignatureType(),
                parsed.getHashAlgorithm(),
                PublicKeyAlgorithmTags.RSA_GENERAL,
                parsed.getKeyID(),
                false)
            .getEncoded();
    byte[] literal = literalDataPacket(TEXT);
    String byAliceAnnouncedBob =
        doesNotMatch(
            "it is by key "
                + keyIdOf(alice)
                + ", its one-pass signature announced key "
                + keyIdOf(bob));
    return Stream.of(
        Arguments.of(
            "Alice's one-pass signature, Bob's signature",
            craftAroundLiteralData(onePassOf(binary(alice)), signatureOf(binary(bob))),
            doesNotMatch(
                "it is by key "
                    + keyIdOf(bob)
                    + ", its one-pass signature announced key "
                    + keyIdOf(alice))),
        Arguments.of(
            "by Alice and Bob, the signatures in the one-pass signatures' order",
            craftAroundLiteralData(
                concat(onePassOf(alices), onePassOf(bobsToo)),
                concat(signatureOf(alices), signatureOf(bobsToo))),
            byAliceAnnouncedBob),
        Arguments.of(
            "by Alice around and Bob inside compressed data, the signatures swapped",
            encryptedToAlice(
                concat(
                    onePass(alice),
                    compressedPacketWithLength(
                        CompressionAlgorithmTags.ZIP,
                        compressedStream(
                            CompressionAlgorithmTags.ZIP,
                            concat(onePass(bob), literal, signature(alice)))),
                    signature(bob))),
            byAliceAnnouncedBob),
        Arguments.of(
            "a SHA-512 one-pass signature, a SHA-256 signature",
            craftAroundLiteralData(
                onePassOf(generator(bob, HashAlgorithmTags.SHA512, PGPSignature.BINARY_DOCUMENT)),
                bobsSignature),
            doesNotMatch("it uses hash algorithm 8, its one-pass signature announced 10")),
        Arguments.of(
            "a text one-pass signature, a binary signature",
            craftAroundLiteralData(
                onePassOf(
                    generator(bob, HashAlgorithmTags.SHA256, PGPSignature.CANONICAL_TEXT_DOCUMENT)),
                bobsSignature),
            doesNotMatch("it is of signature type 0, its one-pass signature announced type 1")),
        Arguments.of(
            "an RSA one-pass signature, an EdDSA signature by the same key ID",
            craftAroundLiteralData(rsaOnePass, bobsSignature),
            doesNotMatch("it uses public-key algorithm 22, its one-pass signature announced 1")));
  }

  // Was paired by key ID: signatures in the wrong order verified, and a signature by another key
  // than its one-pass signature's was only reported as unverifiable, the message accepted.
  @ParameterizedTest(name = "{0}")
  @MethodSource("mismatched")
  void signatureNotMatchingItsOnePassSignature_isMalformed_underEveryPolicy(
      String what, byte[] message, String expected) {
    assertMalformedUnderEveryPolicy(SignaturePairingTest::verifyingAliceAndBob, message, expected);
  }

  @Test
  void signaturesByTwoKeys_nestedAsTheGrammarSays_bothVerify() throws Exception {
    PGPSignatureGenerator alices = binary(PgpTestKeys.ALICE_RSA);
    PGPSignatureGenerator bobs =
        generator(
            PgpTestKeys.BOB_25519, HashAlgorithmTags.SHA512, PGPSignature.CANONICAL_TEXT_DOCUMENT);
    byte[] message =
        craftAroundLiteralData(
            concat(onePassOf(alices), onePassOf(bobs)),
            concat(signatureOf(bobs), signatureOf(alices)));
    PgpDecryptor.DecryptionStream s =
        verifyingAliceAndBob(SignaturePolicy.REQUIRED).open(new ByteArrayInputStream(message));
    assertThat(readAll(s)).isEqualTo(TEXT);
    assertThat(s.result().signatures())
        .extracting(SignatureVerification::signerFingerprint, SignatureVerification::valid)
        .containsExactly(
            tuple(PgpTestKeys.BOB_25519.fingerprint(), true),
            tuple(PgpTestKeys.ALICE_RSA.fingerprint(), true));
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

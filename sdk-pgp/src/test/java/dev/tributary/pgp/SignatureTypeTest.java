package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.TEXT;
import static dev.tributary.pgp.EncryptDecryptTest.readAll;
import static dev.tributary.pgp.SignaturePairingTest.generator;
import static dev.tributary.pgp.SignaturePairingTest.onePassOf;
import static dev.tributary.pgp.SignaturePairingTest.signatureOf;
import static dev.tributary.pgp.TrailingDataTest.concat;
import static dev.tributary.pgp.TrailingDataTest.encryptedToAlice;
import static dev.tributary.pgp.TrailingDataTest.literalDataPacket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.testing.PgpTestKeys;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPSignature;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Only a signature over data (type 0x00, binary, or 0x01, text) may sign data. A key's other
 * signatures (certifications 0x10–0x13, key bindings, revocations, 0x40 timestamps) are made over
 * other things; computed over a message's data one must not count as its signature, however well
 * its hash works out.
 */
class SignatureTypeTest {
  static final String PROBLEM = "the signature is not over data: its type is 0x";

  static byte[] bobsSignature(int type) throws Exception {
    return signatureOf(generator(PgpTestKeys.BOB_25519, HashAlgorithmTags.SHA256, type));
  }

  @ParameterizedTest
  @ValueSource(
      ints = {
        PGPSignature.POSITIVE_CERTIFICATION,
        PGPSignature.SUBKEY_BINDING,
        PGPSignature.CERTIFICATION_REVOCATION,
        PGPSignature.TIMESTAMP
      })
  void detachedSignature_ofAnotherType_isNotValid(int type) throws Exception {
    List<SignatureVerification> v = verify(bobsSignature(type));
    assertThat(v).singleElement().satisfies(s -> assertThat(s.valid()).isFalse());
    assertThat(v.get(0).problem())
        .isEqualTo(PROBLEM + Integer.toHexString(type) + ", not 0x00 (binary) or 0x01 (text)");

    assertThat(verify(bobsSignature(PGPSignature.BINARY_DOCUMENT)))
        .singleElement()
        .satisfies(s -> assertThat(s.valid()).as(s.problem()).isTrue());
  }

  @ParameterizedTest
  @ValueSource(ints = {PGPSignature.POSITIVE_CERTIFICATION, PGPSignature.TIMESTAMP})
  void oneOrOldStyleSignature_ofAnotherType_inAMessage_isNotValid(int type) throws Exception {
    byte[] oldStyle = encryptedToAlice(concat(bobsSignature(type), literalDataPacket(TEXT)));
    var g = generator(PgpTestKeys.BOB_25519, HashAlgorithmTags.SHA256, type);
    byte[] onePass =
        encryptedToAlice(concat(onePassOf(g), literalDataPacket(TEXT), signatureOf(g)));

    for (byte[] message : List.of(oldStyle, onePass)) {
      PgpDecryptor.DecryptionStream s =
          SignaturePairingTest.decryptor(SignaturePolicy.OPTIONAL)
              .open(new ByteArrayInputStream(message));
      assertThat(readAll(s)).isEqualTo(TEXT);
      assertThat(s.result().signatures())
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.valid()).isFalse();
                assertThat(v.problem()).startsWith(PROBLEM);
              });

      assertThatThrownBy(
              () ->
                  readAll(
                      SignaturePairingTest.decryptor(SignaturePolicy.REQUIRED)
                          .open(new ByteArrayInputStream(message))))
          .isInstanceOf(PgpDataException.class)
          .hasMessageContaining(PROBLEM);
    }
  }

  static List<SignatureVerification> verify(byte[] signature) {
    return PgpSignatures.verify(
        new ByteArrayInputStream(TEXT),
        new ByteArrayInputStream(signature),
        List.of(PgpCertificate.of(PgpTestKeys.BOB_25519.publicKey())),
        PgpPolicy.defaults());
  }
}

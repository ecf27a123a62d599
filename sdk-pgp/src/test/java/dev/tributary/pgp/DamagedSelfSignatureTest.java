package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.TEXT;
import static dev.tributary.pgp.EncryptDecryptTest.encrypt;
import static dev.tributary.pgp.EncryptDecryptTest.to;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Secret;
import dev.tributary.testing.PgpTestKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Keys that parse but carry a self-signature BouncyCastle cannot read once it checks them: the
 * primary key binding signature embedded in a signing subkey's binding signature has a version that
 * does not exist. BouncyCastle parses it only when it builds its view of the key, for describing,
 * encrypting, signing and verifying, and threw its own {@code UnsupportedPacketVersionException}
 * from each. Found by {@link DamagedInputFuzzTest} ("eve-v6 private key, binary, seed
 * 3258447369648384202, swap at 583").
 */
class DamagedSelfSignatureTest {
  private static final String DAMAGED =
      "the key C8D3651A07B534B128009A06E9D04EC326B0E4DE is damaged: one of its signatures"
          + " cannot be read; export the key again";

  /** Carol's key (Sequoia: a signing subkey with a back-signature), that signature damaged. */
  static byte[] withADamagedBackSignature(byte[] binary) {
    byte[] damaged = binary.clone();
    int found = 0;
    for (int i = 0; i + 2 < binary.length; i++) {
      // Subpacket 32 (embedded signature; Sequoia marks it critical): a v4 signature of type 0x19
      // (primary key binding).
      if ((binary[i] & 0x7f) == 32 && binary[i + 1] == 4 && binary[i + 2] == 0x19) {
        damaged[i + 1] = 85;
        found++;
      }
    }
    assertThat(found).as("embedded back-signatures").isEqualTo(1);
    return damaged;
  }

  static PgpCertificate damagedCertificate() {
    byte[] binary = PgpCertificate.of(PgpTestKeys.CAROL_SEQUOIA.publicKey()).encoded();
    return PgpCertificate.readAll(withADamagedBackSignature(binary)).get(0);
  }

  static PgpKey damagedKey() {
    byte[] binary = PgpKey.of(PgpTestKeys.CAROL_SEQUOIA.privateKey()).encoded();
    return PgpKey.readAll(withADamagedBackSignature(binary), Secret.empty()).get(0);
  }

  static void assertSaysTheKeyIsDamaged(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOf(PgpKeyException.class)
        .hasMessage(DAMAGED)
        .hasCauseInstanceOf(RuntimeException.class);
  }

  @Test
  void describe_aCertificateWithADamagedSelfSignature_saysTheKeyIsDamaged() {
    PgpCertificate cert = damagedCertificate();
    assertSaysTheKeyIsDamaged(cert::describe);
  }

  @Test
  void describe_aPrivateKeyWithADamagedSelfSignature_saysTheKeyIsDamaged() {
    PgpKey key = damagedKey();
    assertSaysTheKeyIsDamaged(key::describe);
  }

  @Test
  void encrypt_toACertificateWithADamagedSelfSignature_saysTheKeyIsDamaged() {
    PgpCertificate cert = damagedCertificate();
    assertSaysTheKeyIsDamaged(() -> encrypt(PgpEncryptor.builder().recipient(cert).build(), TEXT));
  }

  @Test
  void sign_withAKeyWithADamagedSelfSignature_saysTheKeyIsDamaged() {
    PgpKey key = damagedKey();
    assertSaysTheKeyIsDamaged(() -> encrypt(to(PgpTestKeys.ALICE_RSA).signWith(key).build(), TEXT));
    assertSaysTheKeyIsDamaged(
        () ->
            PgpSignatures.sign(
                new ByteArrayInputStream(TEXT), new ByteArrayOutputStream(), List.of(key), false));
  }

  /** As for any signature whose key cannot be checked: it is reported as not valid, with why. */
  @Test
  void verify_withACertificateWithADamagedSelfSignature_reportsTheSignatureAsNotValid() {
    ByteArrayOutputStream signature = new ByteArrayOutputStream();
    PgpSignatures.sign(
        new ByteArrayInputStream(TEXT),
        signature,
        List.of(PgpKey.of(PgpTestKeys.CAROL_SEQUOIA.privateKey())),
        false);

    List<SignatureVerification> verifications =
        PgpSignatures.verify(
            new ByteArrayInputStream(TEXT),
            new ByteArrayInputStream(signature.toByteArray()),
            List.of(damagedCertificate()),
            PgpPolicy.defaults());

    assertThat(verifications)
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.valid()).isFalse();
              assertThat(v.problem()).isEqualTo("the signing key's validity cannot be established");
            });
  }
}

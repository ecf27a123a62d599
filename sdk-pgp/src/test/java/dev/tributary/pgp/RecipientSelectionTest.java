package dev.tributary.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.PgpTestKeys.TestKey;
import org.junit.jupiter.api.Test;

class RecipientSelectionTest {
  static PgpEncryptor.Builder to(TestKey key) {
    return PgpEncryptor.builder().recipient(PgpCertificate.of(key.publicKey()));
  }

  @Test
  void encrypt_toExpiredSubkey_namesTheKeyAndTheDate() {
    assertThatThrownBy(() -> to(PgpTestKeys.EXPIRED_SUBKEY).build())
        .isInstanceOf(PgpKeyCannotEncryptException.class)
        .hasMessageContaining("has no key we may encrypt to")
        .hasMessageContaining("D25EE4911A4B31CF: expired on 2020-12-31");
  }

  @Test
  void encrypt_toRevokedSubkey_saysItIsRevoked() {
    assertThatThrownBy(() -> to(PgpTestKeys.REVOKED_SUBKEY).build())
        .isInstanceOf(PgpKeyCannotEncryptException.class)
        .hasMessageContaining("28F986F3E8E7E439: revoked");
  }

  @Test
  void encrypt_toWeakRsa_namesThePolicyMinimum() {
    assertThatThrownBy(() -> to(PgpTestKeys.WEAK_RSA_1024).build())
        .isInstanceOf(PgpKeyCannotEncryptException.class)
        .hasMessageContaining("RSA 1024 bits is weaker than the policy's minimum of 2048");
  }

  @Test
  void encrypt_toWeakRsa_withLegacyPolicy_isAllowed() {
    to(PgpTestKeys.WEAK_RSA_1024).policy(PgpPolicy.legacySenders()).build();
  }

  @Test
  void encrypt_toSignOnlyKey_saysItCanOnlySign_andNamesTheCertificate() {
    PgpCertificate cert = PgpCertificate.of(PgpTestKeys.SIGN_ONLY.publicKey());
    assertThatThrownBy(() -> to(PgpTestKeys.SIGN_ONLY).build())
        .isInstanceOfSatisfying(
            PgpKeyCannotEncryptException.class,
            e -> assertThat(e.fingerprint()).isEqualTo(cert.fingerprint()))
        .hasMessageContaining("37FABE48EDC428B4: EdDSA Ed25519 can only sign");
  }

  /** The same certificate added twice wrote two session key packets for the same key. */
  @Test
  void theSameCertificateTwice_getsOneSessionKeyPacket() {
    PgpCertificate alice = PgpCertificate.of(PgpTestKeys.ALICE_RSA.publicKey());
    PgpCertificate again = PgpCertificate.parse(PgpTestKeys.ALICE_RSA.armoredPublicKey());
    byte[] once =
        EncryptDecryptTest.encrypt(PgpEncryptor.builder().recipient(alice).build(), new byte[0]);
    byte[] twice =
        EncryptDecryptTest.encrypt(
            PgpEncryptor.builder().recipients(java.util.List.of(alice, again)).build(),
            new byte[0]);
    // Counted, not compared by size: an RSA-encrypted session key is one byte shorter once in 256.
    assertThat(Packets.tagAt(once, 0)).as("a PKESK first").isEqualTo(1);
    assertThat(sessionKeyPackets(twice)).isEqualTo(sessionKeyPackets(once)).isEqualTo(1);
    assertThat(EncryptDecryptTest.decrypt(EncryptDecryptTest.with(PgpTestKeys.ALICE_RSA), twice))
        .isEmpty();
  }

  /** The public-key session key packets (tag 1) before the encrypted data. */
  private static int sessionKeyPackets(byte[] message) {
    int count = 0;
    for (int p = 0; Packets.tagAt(message, p) == 1; p = Packets.end(message, p)) {
      count++;
    }
    return count;
  }

  /** A null list failed with the JVM's "Cannot invoke java.util.List.forEach…". */
  @Test
  void nullLists_areRefusedNamingTheParameter() {
    assertThatThrownBy(() -> PgpEncryptor.builder().recipients(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("certificates");
    assertThatThrownBy(() -> PgpDecryptor.builder().keys(null)).hasMessage("keys");
    assertThatThrownBy(() -> PgpDecryptor.builder().passwords(null)).hasMessage("passwords");
    assertThatThrownBy(
            () ->
                PgpSignatures.verify(
                    new java.io.ByteArrayInputStream(new byte[0]),
                    new java.io.ByteArrayInputStream(new byte[0]),
                    null,
                    PgpPolicy.defaults()))
        .hasMessage("certificates");
  }

  @Test
  void build_withoutRecipient_isAnIllegalState() {
    assertThatThrownBy(() -> PgpEncryptor.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("add at least one recipient or password");
  }
}

package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.TEXT;
import static dev.tributary.pgp.EncryptDecryptTest.decrypt;
import static dev.tributary.pgp.EncryptDecryptTest.encrypt;
import static dev.tributary.pgp.EncryptDecryptTest.to;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Secret;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.PgpTestKeys.TestKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Messages encrypted with passwords (SKESK packets), alone and beside recipient keys. */
class PasswordEncryptionTest {
  static final Secret PASSWORD = Secret.of("correct horse battery staple");
  static final Secret OTHER = Secret.of("Tr0ub4dor&3");

  @TempDir Path dir;

  static PgpDecryptor withPasswords(Secret... passwords) {
    return PgpDecryptor.builder().passwords(List.of(passwords)).build();
  }

  static byte[] encryptWith(boolean aead, Secret... passwords) {
    return encrypt(
        PgpEncryptor.builder().passwords(List.of(passwords)).allowAead(aead).build(), TEXT);
  }

  @ParameterizedTest(name = "aead={0}")
  @ValueSource(booleans = {false, true})
  void passwordOnly_roundTrips_andSaysAPasswordOpenedIt(boolean aead) {
    byte[] message = encryptWith(aead, PASSWORD);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DecryptionResult result =
        withPasswords(PASSWORD).decrypt(new ByteArrayInputStream(message), out);
    assertThat(out.toByteArray()).isEqualTo(TEXT);
    assertThat(result.openedWithPassword()).isTrue();
    assertThat(result.decryptionKeyFingerprint()).isEmpty();
    assertThat(result.aead()).isEqualTo(aead);
  }

  @Test
  void seipdV1_writesAV4SkeskWithIteratedSaltedSha256() {
    byte[] message = encryptWith(false, PASSWORD);
    // Old-format tag 3 (0x8C), a one-octet length, then: version 4, AES-256 (9), S2K type 3
    // (iterated and salted), SHA-256 (8), an 8-byte salt and the count byte.
    assertThat(message[0] & 0xff).isEqualTo(0x8C);
    assertThat(Arrays.copyOfRange(message, 2, 6)).containsExactly(4, 9, 3, 8);
    assertThat(message[14] & 0xff).isEqualTo(0xE0);
    byte[] again = encryptWith(false, PASSWORD);
    assertThat(Arrays.copyOfRange(again, 6, 14))
        .as("a random salt")
        .isNotEqualTo(Arrays.copyOfRange(message, 6, 14));
  }

  @Test
  void seipdV2_writesAV6SkeskWithArgon2() {
    byte[] message = encryptWith(true, PASSWORD);
    // Tag 3, length, version 6, the count of the next 5 fields' octets, AES-256, OCB (2), the S2K
    // field's length, then the S2K: type 4 (Argon2), a 16-byte salt, t=3, p=4, m=2^16.
    assertThat(message[0] & 0xff).isEqualTo(0xC3);
    assertThat(message[2]).isEqualTo((byte) 6);
    assertThat(message[4]).isEqualTo((byte) 9);
    assertThat(message[5]).isEqualTo((byte) 2);
    assertThat(message[7]).isEqualTo((byte) 4);
    assertThat(Arrays.copyOfRange(message, 24, 27)).containsExactly(3, 4, 16);
  }

  @ParameterizedTest(name = "aead={0}")
  @ValueSource(booleans = {false, true})
  void aPasswordPacketNamingTheNullOrAnUnknownCipher_isRefusedForThat_notAWrongPassword(
      boolean aead) {
    // The cipher octet: after tag, length and version (v4); v6 has a count octet before it.
    int cipher = aead ? 4 : 3;
    byte[] nullCipher = encryptWith(aead, PASSWORD);
    nullCipher[cipher] = 0;
    assertThatThrownBy(() -> decrypt(withPasswords(PASSWORD), nullCipher))
        .isInstanceOfSatisfying(
            PgpDataException.class,
            e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.NO_INTEGRITY_PROTECTION))
        .hasMessage("the message's password packet names the null cipher (plaintext): refused");
    byte[] unknown = encryptWith(aead, PASSWORD);
    unknown[cipher] = 99;
    assertThatThrownBy(() -> decrypt(withPasswords(PASSWORD), unknown))
        .isInstanceOfSatisfying(
            PgpDataException.class,
            e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.UNSUPPORTED))
        .hasMessage("the message's password packet names an unknown cipher (ID 99)");
  }

  @ParameterizedTest(name = "aead={0}")
  @ValueSource(booleans = {false, true})
  void keyAndPassword_decryptWithEither(boolean aead) {
    TestKey key = aead ? PgpTestKeys.EVE_V6 : PgpTestKeys.ALICE_RSA;
    byte[] message = encrypt(to(key).password(PASSWORD).allowAead(aead).build(), TEXT);
    assertThat(decrypt(withPasswords(PASSWORD), message)).isEqualTo(TEXT);
    assertThat(decrypt(EncryptDecryptTest.with(key), message)).isEqualTo(TEXT);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DecryptionResult result =
        EncryptDecryptTest.with(key).decrypt(new ByteArrayInputStream(message), out);
    assertThat(result.openedWithPassword()).isFalse();
    assertThat(result.aead()).isEqualTo(aead);
  }

  @ParameterizedTest(name = "aead={0}")
  @ValueSource(booleans = {false, true})
  void severalPasswords_eachDecrypts_andWrongOnesBeforeTheRightOneAreSkipped(boolean aead) {
    byte[] message = encryptWith(aead, PASSWORD, OTHER);
    assertThat(decrypt(withPasswords(PASSWORD), message)).isEqualTo(TEXT);
    assertThat(decrypt(withPasswords(OTHER), message)).isEqualTo(TEXT);
    byte[] single = encryptWith(aead, OTHER);
    assertThat(decrypt(withPasswords(Secret.of("wrong"), PASSWORD, OTHER), single)).isEqualTo(TEXT);
  }

  @ParameterizedTest(name = "aead={0}")
  @ValueSource(booleans = {false, true})
  void wrongPassword_failsWithOneClearError_withoutThePassword(boolean aead) {
    byte[] message = encryptWith(aead, PASSWORD);
    assertThatThrownBy(() -> decrypt(withPasswords(OTHER), message))
        .isInstanceOf(PgpWrongKeyException.class)
        .hasMessage(
            "the message was encrypted with a password, but the password given is wrong; check"
                + " the password with the sender, or configure the matching private key")
        .satisfies(
            e -> {
              PgpWrongKeyException w = (PgpWrongKeyException) e;
              assertThat(w.wrongPassword()).isTrue();
              assertThat(w.passwordEncryptions()).isEqualTo(1);
              assertThat(w.passwordsTried()).isEqualTo(1);
              assertThat(w.recipientKeyIds()).isEmpty();
            })
        .hasMessageNotContaining(OTHER.reveal())
        .hasMessageNotContaining(PASSWORD.reveal());
  }

  @Test
  void keyAndPasswordMessage_withAnotherKeyAndAWrongPassword_namesBoth() {
    byte[] message = encrypt(to(PgpTestKeys.ALICE_RSA).password(PASSWORD).build(), TEXT);
    PgpDecryptor decryptor =
        PgpDecryptor.builder()
            .key(PgpKey.of(PgpTestKeys.BOB_25519.privateKey()))
            .password(OTHER)
            .password(Secret.of("third"))
            .build();
    assertThatThrownBy(() -> decrypt(decryptor, message))
        .isInstanceOf(PgpWrongKeyException.class)
        .hasMessageContaining("encrypted for key ID(s) ")
        .hasMessageContaining(" and with a password, but the private key(s) held are ")
        .hasMessageContaining(" and none of the 2 passwords given is right");
  }

  @Test
  void passwordMessage_withOnlyAKey_saysNoPasswordWasGiven() {
    byte[] message = encryptWith(false, PASSWORD);
    assertThatThrownBy(() -> decrypt(EncryptDecryptTest.with(PgpTestKeys.ALICE_RSA), message))
        .isInstanceOf(PgpWrongKeyException.class)
        .hasMessageStartingWith(
            "the message was encrypted with a password, but no password was given");
  }

  @Test
  void keyMessage_withOnlyAPassword_saysNoPasswordCanOpenIt() {
    // It said "but the private key(s) held are ; configure …", an empty list and no word on the
    // password.
    byte[] message = encrypt(to(PgpTestKeys.ALICE_RSA).build(), TEXT);
    assertThatThrownBy(() -> decrypt(withPasswords(PASSWORD), message))
        .isInstanceOfSatisfying(
            PgpWrongKeyException.class,
            e ->
                assertThat(e.getMessage())
                    .isEqualTo(
                        "the message was encrypted for key ID(s) "
                            + String.join(", ", e.recipientKeyIds())
                            + " and not with a password, but no private key is held, so no"
                            + " password can open it; configure the private key whose (sub)key"
                            + " ID matches"));
  }

  @Test
  void builders_needARecipientOrPassword_andAKeyOrPassword() {
    assertThatThrownBy(() -> PgpEncryptor.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("add at least one recipient or password");
    assertThatThrownBy(() -> PgpDecryptor.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("add at least one private key, password or session key");
    assertThatThrownBy(() -> PgpEncryptor.builder().password(Secret.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the password is empty");
  }

  @ParameterizedTest(name = "aead={0}")
  @ValueSource(booleans = {false, true})
  void tamperedOrTruncatedPasswordMessage_failsIntegrity_andLeavesNoFile(boolean aead)
      throws Exception {
    byte[] message = encryptWith(aead, PASSWORD);
    byte[] tampered = message.clone();
    tampered[tampered.length - 30] ^= 1;
    byte[] truncated = Arrays.copyOf(message, message.length - 40);
    for (byte[] bad : List.of(tampered, truncated)) {
      Path source = dir.resolve("in.pgp");
      Path target = dir.resolve("out.csv");
      Files.write(source, bad);
      assertThatThrownBy(() -> withPasswords(PASSWORD).decryptFile(source, target))
          .isInstanceOf(PgpIntegrityException.class);
      try (var files = Files.list(dir)) {
        assertThat(files).containsExactly(source);
      }
    }
  }
}

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
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.security.auth.Destroyable;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Session keys: their text form, revealing them after decryption and decrypting with them. */
class SessionKeyTest {
  private static final TestKey ALICE = PgpTestKeys.ALICE_RSA;
  private static final TestKey EVE = PgpTestKeys.EVE_V6;
  private static final String HEX64 =
      "3f0a5c1e9b7d24681357ace0bdf9102468ace13579bdf02468ace13579bdf024";

  @TempDir Path dir;

  // --- the text form

  @Test
  void parse_readsUpperAndLowerCaseHex_andIgnoresTheNewline() {
    PgpSessionKey lower = PgpSessionKey.parse("9:" + HEX64 + "\n");
    PgpSessionKey upper = PgpSessionKey.parse("9:" + HEX64.toUpperCase(Locale.ROOT));
    assertThat(lower).isEqualTo(upper).hasSameHashCodeAs(upper);
    assertThat(lower.algorithm()).isEqualTo(SymmetricAlgorithm.AES_256);
    assertThat(lower.revealKey()).isEqualTo(HexFormat.of().parseHex(HEX64));
    assertThat(lower.revealText()).isEqualTo("9:" + HEX64.toUpperCase(Locale.ROOT));
    assertThat(PgpSessionKey.parse("7:" + HEX64.substring(0, 32)).algorithm())
        .isEqualTo(SymmetricAlgorithm.AES_128);
  }

  @Test
  void of_copiesTheKey_andChecksItsLength() {
    byte[] bytes = new byte[16];
    PgpSessionKey key = PgpSessionKey.of(SymmetricAlgorithm.AES_128, bytes);
    bytes[0] = 1;
    assertThat(key.revealKey()).containsOnly(0);
    key.revealKey()[1] = 1;
    assertThat(key.revealKey()).containsOnly(0);
    assertThatThrownBy(() -> PgpSessionKey.of(SymmetricAlgorithm.AES_256, new byte[16]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an AES-256 session key has 32 bytes (64 hex digits), not 16");
  }

  @Test
  void parse_saysWhatIsWrong_withoutQuotingTheKey() {
    String noColon = "9" + HEX64;
    assertParseFails(noColon, "it has no colon");
    assertParseFails("AES:" + HEX64, "the part before the colon is not a decimal algorithm ID");
    assertParseFails("0:" + HEX64, "algorithm ID 0 is plaintext, not a cipher");
    assertParseFails(
        "1:" + HEX64.substring(0, 32),
        "algorithm IDEA (ID 1) is not a symmetric cipher this library implements");
    assertParseFails("99:" + HEX64, "algorithm ID 99 is not a symmetric cipher");
    assertParseFails("9:", "it has no key after the colon");
    assertParseFails("9:" + HEX64.substring(0, 10) + "g" + HEX64.substring(11), "character 11");
    assertParseFails("9:" + HEX64.substring(1), "an odd number of hex digits (63)");
    assertThatThrownBy(() -> PgpSessionKey.parse("9:" + HEX64.substring(0, 32)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an AES-256 session key has 32 bytes (64 hex digits), not 16");
  }

  private static void assertParseFails(String text, String expected) {
    assertThatThrownBy(() -> PgpSessionKey.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a session key: ")
        .hasMessageContaining(expected)
        .hasMessageContaining("expected the decimal algorithm ID, a colon and the key in hex")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(HEX64.substring(12, 24)));
  }

  @Test
  void toString_namesTheCipherOnly() {
    PgpSessionKey key = PgpSessionKey.parse("9:" + HEX64);
    assertThat(key.toString()).isEqualTo("PgpSessionKey[AES-256, ****]");
    assertThat(key).isNotEqualTo(PgpSessionKey.parse("9:" + HEX64.replace('3', '4')));
  }

  /**
   * Regression: a session key, a secret that opens its message, could not be wiped: its bytes
   * stayed in memory as long as the object lived, whatever the caller did.
   */
  @Test
  void destroy_zeroesTheKey_andRevealingItAfterwardsFails() throws Exception {
    PgpSessionKey key = PgpSessionKey.parse("9:" + HEX64);
    PgpSessionKey same = PgpSessionKey.parse("9:" + HEX64);
    byte[] revealed = key.revealKey();
    assertThat(key).isInstanceOf(Destroyable.class);
    assertThat(key.isDestroyed()).isFalse();

    key.destroy();

    assertThat(key.isDestroyed()).isTrue();
    assertThat(heldBytes(key)).as("the key's own copy").containsOnly(0);
    assertThat(revealed).as("a copy revealed before").isEqualTo(HexFormat.of().parseHex(HEX64));
    for (ThrowingCallable reveal : List.<ThrowingCallable>of(key::revealKey, key::revealText)) {
      assertThatThrownBy(reveal)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("the AES-256 session key has been destroyed");
    }
    assertThat(key.toString()).isEqualTo("PgpSessionKey[AES-256, ****]");
    assertThat(key).isNotEqualTo(same).isEqualTo(key);
    assertThat(same.revealText()).isEqualTo("9:" + HEX64.toUpperCase(Locale.ROOT));
    key.destroy(); // twice does nothing more
    assertThat(key.isDestroyed()).isTrue();
  }

  @Test
  void decryption_withADestroyedSessionKey_failsSayingSo() {
    byte[] message = encrypt(to(ALICE).build(), TEXT);
    DecryptionResult result = revealing(ALICE).decrypt(in(message), new ByteArrayOutputStream());
    PgpSessionKey sessionKey = Objects.requireNonNull(result.sessionKey());
    PgpDecryptor decryptor = PgpDecryptor.builder().sessionKey(sessionKey).build();
    assertThat(decrypt(decryptor, message)).isEqualTo(TEXT);

    sessionKey.destroy();

    assertThatThrownBy(() -> decryptor.decrypt(in(message), new ByteArrayOutputStream()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the AES-256 session key has been destroyed");
  }

  /** The bytes {@code key} holds itself, read past its API to see them zeroed. */
  private static byte[] heldBytes(PgpSessionKey key) throws ReflectiveOperationException {
    Field f = PgpSessionKey.class.getDeclaredField("key");
    f.setAccessible(true);
    return (byte[]) f.get(key);
  }

  // --- revealing and using it

  @ParameterizedTest(name = "aead={0}")
  @ValueSource(booleans = {false, true})
  void revealedSessionKey_opensTheMessageAlone(boolean aead) {
    TestKey recipient = aead ? EVE : ALICE;
    byte[] message = encrypt(to(recipient).allowAead(aead).build(), TEXT);
    DecryptionResult withKey =
        revealing(recipient).decrypt(in(message), new ByteArrayOutputStream());
    PgpSessionKey sessionKey = withKey.sessionKey();
    assertThat(sessionKey).isNotNull();
    assertThat(sessionKey.algorithm()).isEqualTo(SymmetricAlgorithm.AES_256);
    assertThat(withKey.aead()).isEqualTo(aead);
    assertThat(withKey.openedWithSessionKey()).isFalse();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DecryptionResult bySessionKey =
        PgpDecryptor.builder()
            .sessionKey(PgpSessionKey.parse(sessionKey.revealText()))
            .revealSessionKey(true)
            .build()
            .decrypt(in(message), out);
    assertThat(out.toByteArray()).isEqualTo(TEXT);
    assertThat(bySessionKey.openedWithSessionKey()).isTrue();
    assertThat(bySessionKey.openedWithPassword()).isFalse();
    assertThat(bySessionKey.decryptionKeyFingerprint()).isEmpty();
    assertThat(bySessionKey.aead()).isEqualTo(aead);
    assertThat(bySessionKey.sessionKey()).isEqualTo(sessionKey);
  }

  @Test
  void sessionKey_isOnlyInTheResultWhenAskedFor() {
    byte[] message = encrypt(to(ALICE).build(), TEXT);
    DecryptionResult result =
        PgpDecryptor.builder()
            .key(PgpKey.of(ALICE.privateKey()))
            .build()
            .decrypt(in(message), new ByteArrayOutputStream());
    assertThat(result.sessionKey()).isNull();
  }

  @Test
  void passwordMessage_revealsASessionKeyThatOpensIt() {
    Secret password = Secret.of("correct horse battery staple");
    byte[] message = encrypt(PgpEncryptor.builder().password(password).build(), TEXT);
    DecryptionResult result =
        PgpDecryptor.builder()
            .password(password)
            .revealSessionKey(true)
            .build()
            .decrypt(in(message), new ByteArrayOutputStream());
    assertThat(result.openedWithPassword()).isTrue();
    assertThat(decrypt(PgpDecryptor.builder().sessionKey(result.sessionKey()).build(), message))
        .isEqualTo(TEXT);
  }

  @ParameterizedTest(name = "aead={0}")
  @ValueSource(booleans = {false, true})
  void wrongSessionKey_failsLikeAWrongKey_withoutQuotingIt(boolean aead) {
    TestKey recipient = aead ? EVE : ALICE;
    byte[] message = encrypt(to(recipient).allowAead(aead).build(), TEXT);
    PgpSessionKey wrong = PgpSessionKey.parse("9:" + HEX64);
    assertThatThrownBy(() -> decrypt(PgpDecryptor.builder().sessionKey(wrong).build(), message))
        .isInstanceOfSatisfying(
            PgpWrongKeyException.class,
            e -> {
              assertThat(e.sessionKeysTried()).isEqualTo(1);
              assertThat(e.getMessage())
                  .startsWith("the session key given does not open the message; check that")
                  .doesNotContainIgnoringCase(HEX64.substring(0, 16));
            });
  }

  @ParameterizedTest(name = "aead={0}")
  @ValueSource(booleans = {false, true})
  void severalSessionKeys_theRightOneAfterWrongOnesOpensTheMessage(boolean aead) {
    TestKey recipient = aead ? EVE : ALICE;
    // More than one AEAD chunk, so that reading the first chunk again for the next key matters.
    byte[] text = new byte[600_000];
    new SecureRandom().nextBytes(text);
    byte[] message = encrypt(to(recipient).allowAead(aead).build(), text);
    PgpSessionKey right = sessionKeyOf(recipient, message);
    PgpSessionKey otherCipher = PgpSessionKey.parse("7:" + HEX64.substring(0, 32));
    List<PgpSessionKey> keys =
        List.of(otherCipher, wrong(right), wrong(wrong(right)), right, wrong(right));
    assertThat(decrypt(PgpDecryptor.builder().sessionKeys(keys).build(), message)).isEqualTo(text);
    assertThatThrownBy(
            () ->
                decrypt(
                    PgpDecryptor.builder().sessionKeys(List.of(wrong(right), otherCipher)).build(),
                    message))
        .isInstanceOf(PgpWrongKeyException.class)
        .hasMessageStartingWith("none of the 2 session keys given opens the message");
  }

  @ParameterizedTest(name = "aead={0}")
  @ValueSource(booleans = {false, true})
  void wrongSessionKeys_besideTheRightPrivateKey_theKeyOpensIt(boolean aead) {
    TestKey recipient = aead ? EVE : ALICE;
    byte[] message = encrypt(to(recipient).allowAead(aead).build(), TEXT);
    PgpSessionKey wrong = PgpSessionKey.parse("9:" + HEX64);
    for (List<PgpSessionKey> wrongOnes : List.of(List.of(wrong), List.of(wrong, wrong(wrong)))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      DecryptionResult result =
          PgpDecryptor.builder()
              .sessionKeys(wrongOnes)
              .key(PgpKey.of(recipient.privateKey()))
              .build()
              .decrypt(in(message), out);
      assertThat(out.toByteArray()).isEqualTo(TEXT);
      assertThat(result.decryptionKeyFingerprint()).isNotEmpty();
      assertThat(result.openedWithSessionKey()).isFalse();
    }
  }

  @Test
  void wrongSessionKey_andWrongPrivateKey_namesBoth() {
    byte[] message = encrypt(to(ALICE).build(), TEXT);
    PgpDecryptor decryptor =
        PgpDecryptor.builder()
            .sessionKey(PgpSessionKey.parse("9:" + HEX64))
            .key(PgpKey.of(PgpTestKeys.CAROL_SEQUOIA.privateKey()))
            .build();
    assertThatThrownBy(() -> decrypt(decryptor, message))
        .isInstanceOf(PgpWrongKeyException.class)
        .hasMessageStartingWith(
            "the session key given does not open the message, and the message was encrypted for"
                + " key ID(s) "
                + ALICE.encryptionKeyId());
  }

  @ParameterizedTest(name = "aead={0}")
  @ValueSource(booleans = {false, true})
  void sessionKey_opensEncryptedDataWithoutSessionKeyPackets(boolean aead) {
    TestKey recipient = aead ? EVE : ALICE;
    byte[] message = encrypt(to(recipient).allowAead(aead).build(), TEXT);
    PgpSessionKey key = sessionKeyOf(recipient, message);
    byte[] bare = Arrays.copyOfRange(message, Packets.encryptedDataStart(message), message.length);
    assertThat(decrypt(PgpDecryptor.builder().sessionKey(key).build(), bare)).isEqualTo(TEXT);
  }

  @Test
  void decryptFile_withAWrongSessionKey_leavesNoPlaintext() throws Exception {
    Path source = dir.resolve("in.pgp");
    Files.write(source, encrypt(to(ALICE).build(), TEXT));
    Path target = dir.resolve("out.csv");
    PgpDecryptor decryptor =
        PgpDecryptor.builder().sessionKey(PgpSessionKey.parse("9:" + HEX64)).build();
    assertThatThrownBy(() -> decryptor.decryptFile(source, target))
        .isInstanceOf(PgpWrongKeyException.class);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(source);
    }
  }

  static PgpDecryptor revealing(TestKey key) {
    return PgpDecryptor.builder().key(PgpKey.of(key.privateKey())).revealSessionKey(true).build();
  }

  /** The session key of {@code message}, which {@code key} opens. */
  static PgpSessionKey sessionKeyOf(TestKey key, byte[] message) {
    return revealing(key).decrypt(in(message), new ByteArrayOutputStream()).sessionKey();
  }

  /** The same cipher, the key's last byte changed. */
  private static PgpSessionKey wrong(PgpSessionKey key) {
    byte[] bytes = key.revealKey();
    bytes[bytes.length - 1] ^= 0x5A;
    return PgpSessionKey.of(key.algorithm(), bytes);
  }

  static ByteArrayInputStream in(byte[] bytes) {
    return new ByteArrayInputStream(bytes);
  }
}

package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.TEXT;
import static dev.tributary.pgp.EncryptDecryptTest.decrypt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Secret;
import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.RequiresProgram;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Messages GnuPG encrypts with the legacy ciphers ({@code gpg --cipher-algo}), to a key and with a
 * password: the default policy refuses 3DES, CAST5 and Blowfish, naming the cipher, {@code
 * legacySenders()} reads them, and IDEA, which this library does not implement, is named as such
 * under either policy.
 */
@RequiresProgram(value = "gpg", debianPackage = "gnupg")
class LegacyCipherInteropTest {
  static final String PASSWORD = "legacy password";

  @RegisterExtension final Gpg gpg = Gpg.perTest();

  /** GnuPG's message with {@code cipher}, to Alice's key or with {@link #PASSWORD}. */
  byte[] gpgEncrypts(String cipher, boolean toKey) {
    List<String> args = new ArrayList<>(List.of("--cipher-algo", cipher, "--output", "-"));
    if (toKey) {
      gpg.importKey(PgpTestKeys.ALICE_RSA.armoredPublicKey());
      args.addAll(List.of("--encrypt", "--recipient", PgpTestKeys.ALICE_RSA.fingerprint()));
    } else {
      args.addAll(List.of("--no-symkey-cache", "--passphrase", PASSWORD, "--symmetric"));
    }
    return gpg.run(TEXT, args.toArray(String[]::new)).ok().out();
  }

  static PgpDecryptor decryptor(boolean withKey, PgpPolicy policy) {
    PgpDecryptor.Builder b = PgpDecryptor.builder().policy(policy);
    return (withKey
            ? b.key(PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey()))
            : b.password(Secret.of(PASSWORD)))
        .build();
  }

  @ParameterizedTest(name = "{0}, to a key: {3}")
  @CsvSource({
    "3DES, 2, 3DES, true",
    "3DES, 2, 3DES, false",
    "CAST5, 3, CAST5, true",
    "CAST5, 3, CAST5, false",
    "BLOWFISH, 4, Blowfish, true",
    "BLOWFISH, 4, Blowfish, false"
  })
  void legacyCipher_isRefusedByDefault_namingIt_andReadForLegacySenders(
      String cipher, int id, String name, boolean toKey) {
    byte[] message = gpgEncrypts(cipher, toKey);
    assertThatThrownBy(() -> decrypt(decryptor(toKey, PgpPolicy.defaults()), message))
        .isInstanceOfSatisfying(
            PgpCipherRefusedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(PgpDataException.Reason.WEAK_ALGORITHM);
              assertThat(e.cipherId()).isEqualTo(id);
              assertThat(e.cipherName()).isEqualTo(name + " (ID " + id + ")");
            })
        .hasMessage(
            "the message is encrypted with "
                + name
                + " (ID "
                + id
                + "), a legacy cipher with 64-bit blocks, which the policy refuses as weak; ask the"
                + " sender to use AES, or accept it with PgpPolicy.legacySenders()");
    assertThat(decrypt(decryptor(toKey, PgpPolicy.legacySenders()), message)).isEqualTo(TEXT);
  }

  @ParameterizedTest(name = "to a key: {0}")
  @ValueSource(booleans = {true, false})
  void idea_isNamed_asACipherThisLibraryDoesNotImplement_underEitherPolicy(boolean toKey) {
    byte[] message = gpgEncrypts("IDEA", toKey);
    for (PgpPolicy policy : List.of(PgpPolicy.defaults(), PgpPolicy.legacySenders())) {
      assertThatThrownBy(() -> decrypt(decryptor(toKey, policy), message))
          .isInstanceOfSatisfying(
              PgpCipherRefusedException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(PgpDataException.Reason.UNSUPPORTED);
                assertThat(e.cipherId()).isEqualTo(1);
                assertThat(e.cipherName()).isEqualTo("IDEA (ID 1)");
              })
          .hasMessage(
              (toKey ? "the message is encrypted with" : "the message's password packet names")
                  + " IDEA (ID 1), a legacy cipher with 64-bit blocks that this library does not"
                  + " implement; ask the sender to use AES");
    }
  }
}

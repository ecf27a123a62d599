package dev.tributary.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.testing.PgpTestKeys.TestKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fixtures are all there; sdk-pgp's tests check that each parses to its fingerprint. */
class PgpTestKeysTest {
  static final List<TestKey> ALL =
      List.of(
          PgpTestKeys.ALICE_RSA,
          PgpTestKeys.BOB_25519,
          PgpTestKeys.CAROL_SEQUOIA,
          PgpTestKeys.DAVE_SEQUOIA,
          PgpTestKeys.EVE_V6,
          PgpTestKeys.EXPIRED_SUBKEY,
          PgpTestKeys.REVOKED_SUBKEY,
          PgpTestKeys.WEAK_RSA_1024,
          PgpTestKeys.SIGN_ONLY);

  @Test
  void everyKey_hasArmoredPublicAndPrivateParts_andAFingerprint() {
    for (TestKey k : ALL) {
      assertThat(k.armoredPublicKey())
          .as(k.name())
          .startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----");
      assertThat(k.armoredPrivateKey().strip())
          .as(k.name())
          .startsWith("-----BEGIN PGP PRIVATE KEY BLOCK-----")
          .endsWith("-----END PGP PRIVATE KEY BLOCK-----");
      assertThat(k.fingerprint()).as(k.name()).matches("[0-9A-F]{40}|[0-9A-F]{64}");
      assertThat(k.privateKey().passphrase().reveal()).isEqualTo(k.passphrase());
    }
    assertThat(PgpTestKeys.ENCRYPTION_KEYS).allMatch(k -> k.encryptionKeyId().length() == 16);
  }

  @Test
  void privateKeys_printRedacted() {
    assertThat(PgpTestKeys.BOB_25519.privateKey().toString()).doesNotContain("bob passphrase");
  }
}

package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.TEXT;
import static dev.tributary.pgp.EncryptDecryptTest.decrypt;
import static dev.tributary.pgp.EncryptDecryptTest.encrypt;
import static dev.tributary.pgp.EncryptDecryptTest.to;
import static dev.tributary.pgp.EncryptDecryptTest.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.PgpTestKeys.TestKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * A changed octet in the encrypted session key of a packet that names a key held was reported as a
 * wrong key: "the message was encrypted for key ID(s) 8089…, but the private key(s) held are
 * F9B6…", sending the user to look for a key they hold. It is tampering, and gets the one integrity
 * error.
 */
class TamperedSessionKeyPacketTest {
  static final java.util.List<TestKey> KEYS =
      java.util.List.of(PgpTestKeys.ALICE_RSA, PgpTestKeys.BOB_25519, PgpTestKeys.EVE_V6);

  @ParameterizedTest
  @FieldSource("KEYS")
  void aChangedOctetInTheEncryptedSessionKey_isTheIntegrityError(TestKey key) {
    byte[] message = encrypt(to(key).build(), TEXT);
    assertThat(Packets.tagAt(message, 0)).as("a PKESK (tag 1) first").isEqualTo(1);
    int start = Packets.bodyStart(message, 0);
    int length = Packets.end(message, 0) - start;
    // v3: version, key ID (8), algorithm; v6: version, length, key version, fingerprint (32),
    // algorithm. Past those, the encrypted session key: change a few of its octets.
    int keyMaterial = message[start] == 6 ? start + 36 : start + 10;
    for (int at : new int[] {keyMaterial + 5, start + length / 2, start + length - 3}) {
      byte[] tampered = message.clone();
      tampered[at] ^= 0x10;
      assertThatThrownBy(() -> decrypt(with(key), tampered))
          .as("octet %d of %d", at, message.length)
          .isInstanceOf(PgpIntegrityException.class)
          .hasMessage(PgpIntegrityException.MESSAGE);
    }
    assertThat(decrypt(with(key), message)).isEqualTo(TEXT);
  }
}

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

  /** The offset and length of the body of the packet that starts {@code message}. */
  static int[] firstPacketBody(byte[] message) {
    int tag = message[0] & 0xff;
    assertThat(tag & 0x80).as("a packet header").isNotZero();
    if ((tag & 0x40) == 0) { // old format: the length type in the low two bits
      int type = tag & 3;
      return switch (type) {
        case 0 -> new int[] {2, message[1] & 0xff};
        case 1 -> new int[] {3, ((message[1] & 0xff) << 8) | (message[2] & 0xff)};
        default -> throw new AssertionError("unexpected length type " + type);
      };
    }
    int first = message[1] & 0xff;
    if (first < 192) {
      return new int[] {2, first};
    }
    assertThat(first).as("a two-octet length").isLessThan(224);
    return new int[] {3, ((first - 192) << 8) + (message[2] & 0xff) + 192};
  }

  @ParameterizedTest
  @FieldSource("KEYS")
  void aChangedOctetInTheEncryptedSessionKey_isTheIntegrityError(TestKey key) {
    byte[] message = encrypt(to(key).build(), TEXT);
    int header = message[0] & 0xff;
    int tag = (header & 0x40) != 0 ? header & 0x3f : (header >> 2) & 0x0f;
    assertThat(tag).as("a PKESK (tag 1) first").isEqualTo(1);
    int[] body = firstPacketBody(message);
    int start = body[0];
    int length = body[1];
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

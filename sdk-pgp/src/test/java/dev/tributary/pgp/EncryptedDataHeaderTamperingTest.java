package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.TEXT;
import static dev.tributary.pgp.EncryptDecryptTest.decrypt;
import static dev.tributary.pgp.EncryptDecryptTest.encrypt;
import static dev.tributary.pgp.EncryptDecryptTest.to;
import static dev.tributary.pgp.EncryptDecryptTest.with;
import static dev.tributary.pgp.PasswordEncryptionTest.PASSWORD;
import static dev.tributary.pgp.PasswordEncryptionTest.encryptWith;
import static dev.tributary.pgp.PasswordEncryptionTest.withPasswords;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tributary.testing.PgpTestKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The first octets of the encrypted data packet (its version; for SEIPD v2 also the cipher, AEAD
 * mode and chunk size) changed on the way are tampering like any other changed octet, and give the
 * one integrity error, whatever opens the message. A SEIPD v1 version octet changed to 0, 2 or 3
 * was reported as damaged packets ({@code MALFORMED}, "its packets cannot be read") when a password
 * or a session key opened the message.
 */
class EncryptedDataHeaderTamperingTest {

  /** How a message is opened: Alice's key, a password, or its session key. */
  enum Opener {
    KEY,
    PASSWORD,
    SESSION_KEY
  }

  private static byte[] message(Opener opener, boolean aead) {
    return opener == Opener.PASSWORD
        ? encryptWith(aead, PASSWORD)
        : encrypt(
            to(aead ? PgpTestKeys.EVE_V6 : PgpTestKeys.ALICE_RSA).allowAead(aead).build(), TEXT);
  }

  private static PgpDecryptor decryptor(Opener opener, boolean aead, byte[] message) {
    PgpDecryptor byKey = with(aead ? PgpTestKeys.EVE_V6 : PgpTestKeys.ALICE_RSA);
    return switch (opener) {
      case KEY -> byKey;
      case PASSWORD -> withPasswords(PASSWORD);
      case SESSION_KEY -> {
        PgpDecryptor revealing =
            PgpDecryptor.builder()
                .key(PgpKey.of((aead ? PgpTestKeys.EVE_V6 : PgpTestKeys.ALICE_RSA).privateKey()))
                .revealSessionKey(true)
                .build();
        PgpSessionKey key =
            revealing
                .decrypt(new ByteArrayInputStream(message), new ByteArrayOutputStream())
                .sessionKey();
        yield PgpDecryptor.builder().sessionKey(key).build();
      }
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"KEY", "PASSWORD", "SESSION_KEY"})
  void seipdV1_changedVersionOctet_isTheIntegrityError(Opener opener) {
    byte[] message = message(opener, false);
    PgpDecryptor decryptor = decryptor(opener, false, message);
    int version = Packets.encryptedDataBodyStart(message);
    assertThat(message[version]).as("SEIPD v1").isEqualTo((byte) 1);
    assertThat(decrypt(decryptor, message)).isEqualTo(TEXT);
    // With a given session key, a version changed to 2 reads the ciphertext as a v2 header, whose
    // authentication fails as it would for a session key of another message (see below).
    int[] changes =
        opener == Opener.SESSION_KEY ? new int[] {0, 3, 0xff} : new int[] {0, 2, 3, 0xff};
    for (int changed : changes) {
      byte[] tampered = message.clone();
      tampered[version] = (byte) changed;
      assertThat(catchThrowable(() -> decrypt(decryptor, tampered)))
          .as("version %d", changed)
          .isInstanceOf(PgpIntegrityException.class)
          .hasMessage(PgpIntegrityException.MESSAGE);
    }
    if (opener != Opener.SESSION_KEY) {
      // Version 2, and the ciphertext after it happening to read as a v2 header naming an unknown
      // cipher (130), OCB and a valid chunk size: it was "unsupported cipher (ID 130)" about one
      // run in twenty, as the random ciphertext fell.
      byte[] tampered = message.clone();
      tampered[version] = 2;
      tampered[version + 1] = (byte) 130;
      tampered[version + 2] = 2;
      tampered[version + 3] = 6;
      assertThat(catchThrowable(() -> decrypt(decryptor, tampered)))
          .as("version 2 with a readable v2 header")
          .isInstanceOf(PgpIntegrityException.class)
          .hasMessage(PgpIntegrityException.MESSAGE);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"KEY", "PASSWORD", "SESSION_KEY"})
  void seipdV2_changedHeaderOctets_areTheIntegrityError(Opener opener) {
    byte[] message = message(opener, true);
    PgpDecryptor decryptor = decryptor(opener, true, message);
    int version = Packets.encryptedDataBodyStart(message);
    assertThat(message[version]).as("SEIPD v2").isEqualTo((byte) 2);
    assertThat(decrypt(decryptor, message)).isEqualTo(TEXT);
    // The version, the cipher, the AEAD mode and the chunk size, each changed a few ways. With a
    // given session key only a version other than 1 and 2 is certain tampering: the key was given
    // for this message by the caller, and an authentication failure (or SEIPD v1's quick check,
    // for a version changed to 1) cannot tell a changed octet from a session key of another
    // message.
    int[][] changes =
        opener == Opener.SESSION_KEY
            ? new int[][] {{0, 0}, {0, 3}, {0, 0xff}}
            : new int[][] {
              {0, 1}, {0, 3}, {1, 7}, {1, 0}, {2, 1}, {2, 9}, {3, 0}, {3, 17}, {3, 200}
            };
    for (int[] change : changes) {
      byte[] tampered = message.clone();
      tampered[version + change[0]] = (byte) change[1];
      assertThat(catchThrowable(() -> decrypt(decryptor, tampered)))
          .as("octet %d of the packet's body set to %d", change[0], change[1])
          .isInstanceOf(PgpIntegrityException.class)
          .hasMessage(PgpIntegrityException.MESSAGE);
    }
  }
}

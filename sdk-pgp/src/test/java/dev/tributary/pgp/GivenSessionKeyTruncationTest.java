package dev.tributary.pgp;

import static dev.tributary.pgp.Rfc9580Packets.AES_256;
import static dev.tributary.pgp.Rfc9580Packets.concat;
import static dev.tributary.pgp.Rfc9580Packets.literal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.pgp.Rfc9580Packets.V2;
import dev.tributary.testing.PgpTestKeys;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A session key given alone ({@code PgpDecryptor.Builder.sessionKey}) is tested on the first chunk
 * of AEAD-protected data, whose tag alone says whether it is the key; reading that chunk reads 32
 * octets past it (a chunk is the last one when the final tag alone follows it). A message cut off
 * there ends before its packet's length says, whatever the key: the integrity error, as with a
 * private key, not "no key fits" ({@link ForeignMessageFuzzTest} found it).
 */
class GivenSessionKeyTruncationTest {
  private static final byte[] KEY = new byte[32];
  private static final byte[] DATA = new byte[1000];

  static {
    new Random(7).nextBytes(KEY);
    new Random(8).nextBytes(DATA);
  }

  private static PgpDecryptor sessionKeyAlone() {
    return PgpDecryptor.builder()
        .sessionKey(PgpSessionKey.of(SymmetricAlgorithm.AES_256, KEY))
        .build();
  }

  /**
   * Cut {@code at} octets into the first chunk's ciphertext (64 octets, 16 of tag): inside it, in
   * its tag, and in the 32 octets after it.
   */
  @ParameterizedTest(name = "GnuPG''s packet, cut {0} octets into the first chunk")
  @ValueSource(ints = {8, 70, 88, 104})
  void gnupgAeadPacket_cutNearItsFirstChunk_isTheIntegrityError(int at) throws Exception {
    byte[] pkesk =
        Rfc9580Packets.pkeskV3(Rfc9580Packets.rsaSubkey(PgpTestKeys.ALICE_RSA), AES_256, KEY);
    byte[] data = Rfc9580Packets.gnupgAead(KEY, AES_256, 0, literal(DATA), 512);
    byte[] message = concat(pkesk, data);
    assertThat(EncryptDecryptTest.decrypt(sessionKeyAlone(), message)).isEqualTo(DATA);
    // header octet, partial length octet, version, cipher, mode, chunk size, 15 octets of IV
    byte[] cut = Arrays.copyOf(message, pkesk.length + 2 + 19 + at);

    assertThatThrownBy(() -> EncryptDecryptTest.decrypt(sessionKeyAlone(), cut))
        .isInstanceOf(PgpIntegrityException.class)
        .hasMessage(PgpIntegrityException.MESSAGE);
  }

  @ParameterizedTest(name = "SEIPD v2, cut {0} octets into the first chunk")
  @ValueSource(ints = {8, 70, 88, 104})
  void seipdV2_cutNearItsFirstChunk_isTheIntegrityError(int at) throws Exception {
    byte[] message = Rfc9580Packets.seipdV2(KEY, 0, literal(DATA), V2.RIGHT);
    assertThat(EncryptDecryptTest.decrypt(sessionKeyAlone(), message)).isEqualTo(DATA);
    // header octet, five-octet length, version, cipher, mode, chunk size, 32 octets of salt
    byte[] cut = Arrays.copyOf(message, 6 + 36 + at);

    assertThatThrownBy(() -> EncryptDecryptTest.decrypt(sessionKeyAlone(), cut))
        .isInstanceOf(PgpIntegrityException.class)
        .hasMessage(PgpIntegrityException.MESSAGE);
  }
}

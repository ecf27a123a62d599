package dev.tributary.pgp;

import static dev.tributary.pgp.Rfc9580Packets.AES_256;
import static dev.tributary.pgp.Rfc9580Packets.concat;
import static dev.tributary.pgp.Rfc9580Packets.literal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.core.auth.Secret;
import dev.tributary.testing.PgpTestKeys;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * GnuPG 2.4 ends its AEAD Encrypted Data packet (tag 20) with an empty chunk, its tag alone, when
 * the content fills its last chunk exactly, and then authenticates the final tag with that empty
 * chunk's index ({@code g10/cipher-aead.c}: {@code do_free} writes a tag for the chunk in progress
 * even when it is empty, and {@code write_final_chunk} counts a chunk only if it holds data; rnp
 * reads it so since 2018). BouncyCastle expects the final tag right after the last full chunk and
 * took GnuPG's message for a modified one. Such content is one in 4 MiB at GnuPG's default chunk
 * size: a file, compressed or not, whose packets come to a multiple of 4 MiB. {@link
 * Rfc9580Packets#gnupgAead} writes it as GnuPG does.
 */
class GnupgAeadChunkBoundaryTest {
  private static final byte[] KEY = new byte[32];

  static {
    new Random(20).nextBytes(KEY);
  }

  /** Plaintext whose literal data packet (12 octets of header and fields) fills whole chunks. */
  private static byte[] filling(int chunks, int chunkSize) {
    byte[] data = new byte[chunks * chunkSize - 12];
    new Random(chunks).nextBytes(data);
    return data;
  }

  private static byte[] toAlice(int c, byte[] data) throws Exception {
    byte[] pkesk =
        Rfc9580Packets.pkeskV3(Rfc9580Packets.rsaSubkey(PgpTestKeys.ALICE_RSA), AES_256, KEY);
    return concat(pkesk, Rfc9580Packets.gnupgAead(KEY, AES_256, c, literal(data), 8192));
  }

  private static PgpDecryptor alice() {
    return PgpDecryptor.builder().key(PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey())).build();
  }

  @Test
  void contentFillingItsLastChunk_decrypts_withTheKey_theSessionKey_andAPassword()
      throws Exception {
    for (int chunks : new int[] {1, 2, 16}) {
      byte[] data = filling(chunks, 64);
      byte[] message = toAlice(0, data);
      assertThat(EncryptDecryptTest.decrypt(alice(), message))
          .as("%d chunks", chunks)
          .isEqualTo(data);
      PgpDecryptor bySessionKey =
          PgpDecryptor.builder()
              .sessionKey(PgpSessionKey.of(SymmetricAlgorithm.AES_256, KEY))
              .build();
      assertThat(EncryptDecryptTest.decrypt(bySessionKey, message)).isEqualTo(data);
    }
    Rfc9580Packets.SessionKeyPackets skesk =
        Rfc9580Packets.gnupgSessionKeyPackets(AES_256, List.of(), List.of("pw"));
    byte[] data = filling(3, 64);
    byte[] message =
        concat(
            skesk.packets(),
            Rfc9580Packets.gnupgAead(skesk.sessionKey(), AES_256, 0, literal(data), 512));
    PgpDecryptor byPassword = PgpDecryptor.builder().password(Secret.of("pw")).build();
    assertThat(EncryptDecryptTest.decrypt(byPassword, message)).isEqualTo(data);
  }

  @Test
  void fourMiBOfContent_atGnuPgsDefaultChunkSize_decrypts() throws Exception {
    byte[] data = filling(1, 4 << 20);
    assertThat(EncryptDecryptTest.decrypt(alice(), toAlice(16, data))).isEqualTo(data);
  }

  /** The empty chunk's tag is checked like any other: changed, it is the integrity error. */
  @Test
  void theEmptyChunksTag_changed_isTheIntegrityError() throws Exception {
    byte[] message = toAlice(0, filling(2, 64));
    message[message.length - 17] ^= 1; // the last octet of the empty chunk's tag

    assertThatThrownBy(() -> EncryptDecryptTest.decrypt(alice(), message))
        .isInstanceOf(PgpIntegrityException.class)
        .hasMessage(PgpIntegrityException.MESSAGE);
  }
}

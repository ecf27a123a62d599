package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.TEXT;
import static dev.tributary.pgp.EncryptDecryptTest.decrypt;
import static dev.tributary.pgp.EncryptDecryptTest.with;
import static dev.tributary.pgp.TrailingDataTest.assertMalformedInOurWords;
import static dev.tributary.pgp.TrailingDataTest.compressedPacket;
import static dev.tributary.pgp.TrailingDataTest.compressedStream;
import static dev.tributary.pgp.TrailingDataTest.encryptedToAlice;
import static dev.tributary.pgp.TrailingDataTest.literalDataPacket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.testing.PgpTestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ZLIB stream's header and Adler-32 checksum, which the decryption reads itself (the deflate data
 * between them is inflated raw): what zlib refuses is refused, in our words, after the integrity
 * check has passed.
 */
class ZlibChecksumTest {
  static final String CHECKSUM =
      "the decrypted message is malformed: its compressed data fails its checksum (Adler-32): it"
          + " was damaged before it was encrypted";
  static final String CANNOT =
      "the decrypted message is malformed: its compressed data cannot be decompressed";
  static final String TRUNCATED =
      "the decrypted message is malformed: its compressed data ends early: it is truncated";

  @TempDir Path dir;

  /** The ZLIB stream of a literal data packet of {@link EncryptDecryptTest#TEXT}. */
  static byte[] zlibStream() throws Exception {
    return compressedStream(CompressionAlgorithmTags.ZLIB, literalDataPacket(TEXT));
  }

  static byte[] encrypted(byte[] zlibStream) throws Exception {
    return encryptedToAlice(compressedPacket(CompressionAlgorithmTags.ZLIB, zlibStream));
  }

  @Test
  void anUntouchedStream_decrypts() throws Exception {
    assertThat(decrypt(with(PgpTestKeys.ALICE_RSA), encrypted(zlibStream()))).isEqualTo(TEXT);
  }

  @Test
  void aChecksumThatDoesNotMatch_isMalformed_andDecryptFileLeavesNoFile() throws Exception {
    for (int i = 1; i <= 4; i++) {
      byte[] z = zlibStream();
      z[z.length - i] ^= 0x01;
      assertMalformedInOurWords(encrypted(z), CHECKSUM);
    }
    byte[] z = zlibStream();
    z[z.length - 1] ^= (byte) 0x80;
    Path source = Files.write(dir.resolve("damaged.pgp"), encrypted(z));
    assertThatThrownBy(() -> with(PgpTestKeys.ALICE_RSA).decryptFile(source, dir.resolve("out")))
        .isInstanceOf(PgpDataException.class)
        .hasMessage(CHECKSUM);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(source);
    }
  }

  @Test
  void aChecksumCutShort_isTruncated() throws Exception {
    byte[] z = zlibStream();
    for (int cut = 1; cut <= 4; cut++) {
      assertMalformedInOurWords(encrypted(Arrays.copyOf(z, z.length - cut)), TRUNCATED);
    }
  }

  @Test
  void headersThatZlibRefuses_cannotBeDecompressed() throws Exception {
    byte[] z = zlibStream();
    assertThat((z[0] << 8 | z[1] & 0xff) % 31).as("the stream's own header").isZero();
    // The check bits wrong; a preset dictionary; a method other than deflate; a 64 KiB window.
    for (int[] header :
        new int[][] {
          {z[0], z[1] ^ 1}, withCheck(z[0], z[1] | 0x20), withCheck(0x79, 0), withCheck(0x88, 0)
        }) {
      byte[] damaged = z.clone();
      damaged[0] = (byte) header[0];
      damaged[1] = (byte) header[1];
      assertMalformedInOurWords(encrypted(damaged), CANNOT);
    }
  }

  @Test
  void aStreamCutInItsHeader_isTruncated() throws Exception {
    assertMalformedInOurWords(encrypted(Arrays.copyOf(zlibStream(), 1)), TRUNCATED);
  }

  /** CMF and FLG with FLG's check bits set so that the two pass zlib's check. */
  static int[] withCheck(int cmf, int flg) {
    int c = cmf & 0xff;
    int f = flg & 0xe0;
    return new int[] {c, f | (31 - (c << 8 | f) % 31) % 31};
  }
}

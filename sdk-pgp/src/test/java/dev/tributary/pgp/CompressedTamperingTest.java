package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.decrypt;
import static dev.tributary.pgp.EncryptDecryptTest.encrypt;
import static dev.tributary.pgp.EncryptDecryptTest.to;
import static dev.tributary.pgp.EncryptDecryptTest.with;
import static dev.tributary.pgp.TrailingDataTest.compressedPacket;
import static dev.tributary.pgp.TrailingDataTest.compressedStream;
import static dev.tributary.pgp.TrailingDataTest.literalDataPacket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.PgpTestKeys.TestKey;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bouncycastle.bcpg.AEADAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A bit flipped inside the encrypted data of a compressed message gives the one integrity error,
 * also when it first breaks the decompression (bzip2's block CRC, zlib's block lengths) or the
 * packets inside (a literal data packet's header). Regression test for the adversarial tester's
 * finding of stop 30: in GnuPG's messages, whose compressed data packet has an indeterminate length
 * and so runs to the end of the encrypted data, most such flips gave "the decrypted message is
 * malformed" (MALFORMED, {@code sop} exit 41), an oracle on unauthenticated plaintext. The
 * read-ahead of the compressed packet had read the decrypted data to its end and met the failed MDC
 * on its helper thread; the decryption stream could not check it a second time, and the caller's
 * drain, meant to find the integrity failure, found none. Content that is malformed under a valid
 * MDC or AEAD tag is what the sender sent: it stays MALFORMED.
 */
class CompressedTamperingTest {
  /** Base64 of random bytes, like the tester's message: bzip2 and deflate shrink it a little. */
  private static final byte[] TEXT = base64(3000, 30);

  /**
   * Compresses well, then does not: ZIP and ZLIB switch to the read-ahead while inflating the CSV,
   * which then reads the rest to the end of the encrypted data.
   */
  private static final byte[] LARGE =
      concat(
          "id,email\n1,a@example.com\n2,b@example.com\n"
              .repeat(5_000)
              .getBytes(StandardCharsets.UTF_8),
          base64(150_000, 31));

  private static final List<Compression> COMPRESSIONS =
      List.of(Compression.ZIP, Compression.ZLIB, Compression.BZIP2);

  static Stream<Arguments> compressionsAndVersions() {
    return COMPRESSIONS.stream().flatMap(c -> Stream.of(Arguments.of(c, 1), Arguments.of(c, 2)));
  }

  /**
   * GnuPG's form: the compressed data packet has an indeterminate length (an old-format header).
   */
  @ParameterizedTest(name = "{0}, SEIPD v{1}")
  @MethodSource("compressionsAndVersions")
  void flipInTheEncryptedData_ofGnuPgsForm_givesTheIntegrityError(
      Compression compression, int version) throws Exception {
    byte[] message = sealed(version, gnuPgCompressed(compression, TEXT));
    assertEveryFlipFailsTheIntegrityCheck(message, version, positions(message, version, 5, 0));
  }

  @ParameterizedTest(name = "{0}, SEIPD v{1}")
  @MethodSource("compressionsAndVersions")
  void flipInTheEncryptedData_ofALargeMessageInGnuPgsForm_givesTheIntegrityError(
      Compression compression, int version) throws Exception {
    byte[] message = sealed(version, gnuPgCompressed(compression, LARGE));
    // Spread over the message, and dense in its last 300 KiB: what the read-ahead reads last.
    List<Integer> at = positions(message, version, message.length / 30, 0);
    at.addAll(positions(message, version, 10_007, message.length - (300 << 10)));
    assertEveryFlipFailsTheIntegrityCheck(message, version, at);
  }

  /** Our own encryptor's form: the compressed data packet has partial lengths. */
  @ParameterizedTest(name = "{0}, SEIPD v{1}")
  @MethodSource("compressionsAndVersions")
  void flipInTheEncryptedData_ofOurEncryptorsMessage_givesTheIntegrityError(
      Compression compression, int version) {
    byte[] message =
        encrypt(
            to(key(version))
                .compression(compression)
                .skipCompressionOfCompressedData(false)
                .allowAead(version == 2)
                .build(),
            TEXT);
    assertEveryFlipFailsTheIntegrityCheck(message, version, positions(message, version, 7, 0));
  }

  /**
   * The other side: a compressed stream damaged before encryption, sealed with a valid MDC or AEAD
   * tag, is what the sender sent, and is reported as such (MALFORMED), not blamed on the transport.
   * ZLIB and BZIP2 have a flipped bit, which their checksums catch; ZIP, which has none (a flipped
   * bit in its Huffman codes may just decode to other bytes), is cut off halfway.
   */
  @ParameterizedTest(name = "{0}, SEIPD v{1}")
  @MethodSource("compressionsAndVersions")
  void compressedStreamDamagedBeforeEncryption_isMalformed_notAnIntegrityError(
      Compression compression, int version) throws Exception {
    byte[] content = gnuPgCompressed(compression, TEXT);
    if (compression == Compression.ZIP) {
      content = Arrays.copyOf(content, content.length / 2);
    } else {
      content[content.length / 2] ^= 0x10;
    }
    byte[] message = sealed(version, content);
    assertThatThrownBy(() -> decrypt(with(key(version)), message))
        .isInstanceOf(PgpDataException.class)
        .isNotInstanceOf(PgpIntegrityException.class)
        .extracting(e -> ((PgpDataException) e).reason())
        .isEqualTo(PgpDataException.Reason.MALFORMED);
  }

  /**
   * Flips one bit at each of {@code positions} and decrypts: every case must give the one integrity
   * error.
   */
  private static void assertEveryFlipFailsTheIntegrityCheck(
      byte[] message, int version, List<Integer> positions) {
    PgpDecryptor decryptor = with(key(version));
    assertThat(decrypt(decryptor, message)).as("the message untouched").isNotEmpty();
    Map<String, List<Integer>> wrong = new TreeMap<>();
    for (int p : positions) {
      byte[] tampered = message.clone();
      tampered[p] ^= (byte) (1 << (p % 8));
      try {
        decrypt(decryptor, tampered);
        wrong.computeIfAbsent("decrypted without an error", k -> new ArrayList<>()).add(p);
      } catch (PgpIntegrityException e) {
        assertThat(e).hasMessage(PgpIntegrityException.MESSAGE);
      } catch (RuntimeException e) {
        String what = e.getClass().getSimpleName() + ": " + e.getMessage();
        wrong.computeIfAbsent(what, k -> new ArrayList<>()).add(p);
      }
    }
    assertThat(wrong)
        .as("of %d flips at octets %s, these gave no integrity error", positions.size(), positions)
        .isEmpty();
  }

  /**
   * Every {@code step}-th octet of the encrypted data packet's body from {@code from}, after the
   * octets that choose the cipher (v1: the version; v2: version, cipher, mode, chunk size).
   */
  private static List<Integer> positions(byte[] message, int version, int step, int from) {
    int body = Packets.encryptedDataBodyStart(message);
    assertThat(message[body]).as("the packet's version").isEqualTo((byte) version);
    List<Integer> positions = new ArrayList<>();
    for (int p = Math.max(from, body + (version == 1 ? 1 : 4)); p < message.length; p += step) {
      positions.add(p);
    }
    return positions;
  }

  /** SEIPD v1 to Carol (X25519: a cheap decryption per case), v2 to Eve. */
  private static TestKey key(int version) {
    return version == 1 ? PgpTestKeys.CAROL_SEQUOIA : PgpTestKeys.EVE_V6;
  }

  /** A literal data packet of {@code data}, compressed in a packet of indeterminate length. */
  private static byte[] gnuPgCompressed(Compression compression, byte[] data) throws Exception {
    return compressedPacket(
        compression.id(), compressedStream(compression.id(), literalDataPacket(data)));
  }

  /**
   * {@code content} encrypted by BouncyCastle, as it is, in partial-body pieces: SEIPD v1 with an
   * MDC, or v2 (OCB, 4 KiB chunks: several of them).
   */
  private static byte[] sealed(int version, byte[] content) throws Exception {
    BcPGPDataEncryptorBuilder builder =
        new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
            .setWithIntegrityPacket(true);
    if (version == 2) {
      builder.setWithAEAD(AEADAlgorithmTags.OCB, 6).setUseV6AEAD();
    }
    PGPEncryptedDataGenerator gen = new PGPEncryptedDataGenerator(builder);
    gen.addMethod(
        new BcPublicKeyKeyEncryptionMethodGenerator(
            CraftedMessagesTest.encryptionKey(key(version))));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream enc = gen.open(out, new byte[1 << 12])) {
      enc.write(content);
    }
    return out.toByteArray();
  }

  private static byte[] base64(int randomBytes, long seed) {
    byte[] b = new byte[randomBytes];
    new Random(seed).nextBytes(b);
    return Base64.getMimeEncoder().encode(b);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}

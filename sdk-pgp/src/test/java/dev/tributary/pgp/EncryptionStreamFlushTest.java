package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.decrypt;
import static dev.tributary.pgp.EncryptDecryptTest.to;
import static dev.tributary.pgp.EncryptDecryptTest.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.testing.PgpTestKeys;
import dev.tributary.testing.PgpTestKeys.TestKey;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code flush()} of the stream of {@code encrypt(OutputStream)} does, as its javadoc says: it
 * flushes the target, whatever the cipher, compression or armor, and pushes none of the bytes the
 * message holds in its buffers (OpenPGP's partial packets come in powers of two, AEAD in whole
 * chunks): the target holds no more after a flush than before it, and the message, flushed or not,
 * is whole once closed.
 */
class EncryptionStreamFlushTest {
  static Stream<Arguments> messages() {
    return Stream.of(
        Arguments.of("SEIPD v1, AES", to(PgpTestKeys.ALICE_RSA), PgpTestKeys.ALICE_RSA),
        Arguments.of(
            "SEIPD v1, BZIP2, armored",
            to(PgpTestKeys.ALICE_RSA)
                .compression(Compression.BZIP2)
                .skipCompressionOfCompressedData(false)
                .armor(true),
            PgpTestKeys.ALICE_RSA),
        Arguments.of(
            "SEIPD v1, Camellia",
            to(PgpTestKeys.ALICE_RSA).symmetricAlgorithm(SymmetricAlgorithm.CAMELLIA_256),
            PgpTestKeys.ALICE_RSA),
        Arguments.of("SEIPD v2", to(PgpTestKeys.EVE_V6).allowAead(true), PgpTestKeys.EVE_V6));
  }

  /** Regression: flush() of the default (SEIPD v1, AES) message never reached the target. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void flush_flushesTheTarget_pushesNothingBuffered_andLeavesTheMessageWhole(
      String name, PgpEncryptor.Builder builder, TestKey key) throws Exception {
    byte[] data = new byte[3 << 20];
    new Random(13).nextBytes(data);
    Target target = new Target();
    PgpEncryptor.EncryptionStream out = builder.build().encrypt(target);

    int[] writes = {100, 1 << 20, (1 << 20) + 7, data.length - (2 << 20) - 107};
    int at = 0;
    for (int i = 0; i < writes.length; i++) {
      out.write(data, at, writes[i]);
      at += writes[i];
      int held = target.size();
      out.flush();
      assertThat(target.flushes)
          .as("the target's flushes after %s flushes", i + 1)
          .isEqualTo(i + 1);
      assertThat(target.size()).as("bytes the flush pushed").isEqualTo(held);
    }
    byte[] flushed = target.toByteArray();
    assertThatThrownBy(() -> decrypt(with(key), flushed))
        .as("what the target holds after the last flush, before close")
        .isInstanceOf(PgpDataException.class);
    out.close();

    assertThat(decrypt(with(key), target.toByteArray())).isEqualTo(data);
  }

  /** Counts its flushes. */
  static final class Target extends ByteArrayOutputStream {
    int flushes;

    @Override
    public void flush() {
      flushes++;
    }
  }
}

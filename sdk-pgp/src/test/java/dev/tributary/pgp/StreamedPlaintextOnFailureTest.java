package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.encrypt;
import static dev.tributary.pgp.EncryptDecryptTest.to;
import static dev.tributary.pgp.EncryptDecryptTest.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tributary.testing.PgpTestKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the user guide ("Decrypting: fail closed") says a caller of the stream API receives before a
 * failure. SEIPD v1's MDC covers the whole message and is checked at its end, so the stream hands
 * out plaintext that was never authenticated, damaged bytes too; SEIPD v2 checks each chunk's tag
 * before any of its plaintext is handed out, so only the sender's plaintext comes out, but a
 * message cut at a chunk boundary still hands out its first chunks before the final tag fails it.
 * Either way the caller must discard what it received; {@code decryptFile} leaves nothing.
 */
class StreamedPlaintextOnFailureTest {
  private static final int CHUNK = 256 << 10;

  /** 1 MiB that does not compress: four SEIPD v2 chunks, and more than v1's buffers hold back. */
  private static final byte[] PLAIN = random(1 << 20);

  @TempDir Path dir;

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    new Random(20261204).nextBytes(b);
    return b;
  }

  /** What {@code open} handed out before it failed, and the failure. */
  private record Streamed(byte[] released, Throwable failure) {}

  private static Streamed stream(PgpDecryptor decryptor, byte[] message) {
    ByteArrayOutputStream released = new ByteArrayOutputStream();
    Throwable failure =
        catchThrowable(
            () -> {
              try (PgpDecryptor.DecryptionStream in =
                  decryptor.open(new ByteArrayInputStream(message))) {
                in.transferTo(released);
              }
            });
    return new Streamed(released.toByteArray(), failure);
  }

  private static boolean isPrefixOfPlaintext(byte[] released) {
    return released.length <= PLAIN.length
        && Arrays.equals(released, 0, released.length, PLAIN, 0, released.length);
  }

  private void assertDecryptFileLeavesNothing(PgpDecryptor decryptor, byte[] message)
      throws Exception {
    Path source = Files.write(dir.resolve("damaged.pgp"), message);
    Path target = dir.resolve("plain.bin");
    assertThat(catchThrowable(() -> decryptor.decryptFile(source, target)))
        .isInstanceOf(PgpIntegrityException.class);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(source);
    }
  }

  @Test
  void seipdV1_damagedNearItsEnd_streamHandsOutUnauthenticatedPlaintext_thenFails()
      throws Exception {
    byte[] message =
        encrypt(to(PgpTestKeys.ALICE_RSA).compression(Compression.NONE).build(), PLAIN);
    byte[] damaged = message.clone();
    damaged[damaged.length - 100] ^= 0x01; // in the last literal data, before the MDC packet
    PgpDecryptor alice = with(PgpTestKeys.ALICE_RSA);

    Streamed s = stream(alice, damaged);

    assertThat(s.failure()).isInstanceOf(PgpIntegrityException.class);
    assertThat(s.released().length)
        .as("plaintext handed out before the MDC failed")
        .isGreaterThan(PLAIN.length - CHUNK);
    assertThat(isPrefixOfPlaintext(s.released()))
        .as("what was handed out holds the damaged bytes")
        .isFalse();
    assertDecryptFileLeavesNothing(alice, damaged);
  }

  @Test
  void seipdV2_damagedInItsThirdChunk_streamHandsOutTheTwoChunksBefore_only() throws Exception {
    byte[] message = v2Message();
    byte[] damaged = message.clone();
    damaged[inChunkData(message, "flip", SeipdV2Chunks::flips, 2)] ^= 0x01;

    assertThat(releasedBeforeTheFailure(damaged))
        .as("no more than two chunks")
        .isLessThanOrEqualTo(2 * CHUNK);
  }

  @Test
  void seipdV2_cutAtAChunkBoundary_streamHandsOutChunksBefore_thenFails() throws Exception {
    byte[] message = v2Message();
    byte[] truncated =
        Arrays.copyOf(message, inChunkData(message, "truncate", SeipdV2Chunks::cuts, 3));

    assertThat(releasedBeforeTheFailure(truncated))
        .as("authenticated chunks before the cut, handed out before the failure")
        .isGreaterThan(CHUNK)
        .isLessThanOrEqualTo(3 * CHUNK);
  }

  /** Our SEIPD v2 message of {@link #PLAIN} to Eve: in chunks of 256 KiB. */
  private static byte[] v2Message() {
    return encrypt(
        to(PgpTestKeys.EVE_V6).allowAead(true).compression(Compression.NONE).build(), PLAIN);
  }

  /**
   * The first of the {@code offsets} in a chunk's ciphertext (not its tag) where a mutation of
   * {@code kind} leaves {@code whole} chunks whole before it.
   */
  private static int inChunkData(
      byte[] message, String kind, Function<SeipdV2Chunks, Set<Integer>> offsets, int whole) {
    SeipdV2Chunks chunks = SeipdV2Chunks.of(message, Packets.walk(message));
    assertThat(chunks).isNotNull();
    assertThat(chunks.chunkSize).isEqualTo(CHUNK);
    return offsets.apply(chunks).stream()
        .filter(o -> chunks.part(o).endsWith(" chunk"))
        .filter(o -> chunks.chunksBefore(new Mutation(kind, o, "", message)) == whole)
        .findFirst()
        .orElseThrow();
  }

  /**
   * How much plaintext Eve's stream handed out of {@code bad} before it failed the integrity check:
   * only the start of the plaintext, unchanged; and decryptFile leaves nothing.
   */
  private int releasedBeforeTheFailure(byte[] bad) throws Exception {
    PgpDecryptor eve = with(PgpTestKeys.EVE_V6);
    Streamed s = stream(eve, bad);
    assertThat(s.failure()).isInstanceOf(PgpIntegrityException.class);
    assertThat(isPrefixOfPlaintext(s.released())).as("only the sender's plaintext").isTrue();
    assertDecryptFileLeavesNothing(eve, bad);
    return s.released().length;
  }
}

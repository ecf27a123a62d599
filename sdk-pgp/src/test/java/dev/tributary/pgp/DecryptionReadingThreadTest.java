package dev.tributary.pgp;

import static dev.tributary.pgp.EncryptDecryptTest.encrypt;
import static dev.tributary.pgp.EncryptDecryptTest.to;
import static dev.tributary.pgp.EncryptDecryptTest.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.testing.PgpTestKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Which thread reads the caller's ciphertext in {@link PgpDecryptor#decrypt}: the caller's own, but
 * for a compressed data packet, which the helper that decrypts it ahead of its decompression reads;
 * no thread reads the stream ahead of the decryption. The caller's stream is left open either way.
 */
class DecryptionReadingThreadTest {
  /** 2 MB of CSV that compresses to about half: more than the 64 KiB read before the packets. */
  private static final byte[] TEXT = csv(50_000);

  private static byte[] csv(int lines) {
    Random random = new Random(5);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      b.append(i).append(",user").append(random.nextInt(10_000_000)).append("@example.com,");
      b.append(random.nextBoolean() ? "DE" : "US").append('\n');
    }
    return b.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** The ciphertext, recording the threads that read it and whether it was closed. */
  private static final class Recorded extends FilterInputStream {
    final Set<String> readers = ConcurrentHashMap.newKeySet();
    volatile boolean closed;
    final AtomicInteger availableCalls = new AtomicInteger();

    Recorded(byte[] data) {
      super(new ByteArrayInputStream(data));
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      readers.add(Thread.currentThread().getName());
      return super.read(b, off, len);
    }

    @Override
    public int read() throws IOException {
      readers.add(Thread.currentThread().getName());
      return super.read();
    }

    @Override
    public int available() throws IOException {
      availableCalls.incrementAndGet();
      return super.available();
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void decrypt_uncompressed_readsOnTheCallersThreadOnly() {
    byte[] message = encrypt(to(PgpTestKeys.ALICE_RSA).compression(Compression.NONE).build(), TEXT);
    Recorded source = new Recorded(message);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    with(PgpTestKeys.ALICE_RSA).decrypt(source, out);

    assertThat(out.toByteArray()).isEqualTo(TEXT);
    assertThat(source.readers).containsExactly(Thread.currentThread().getName());
    assertThat(source.closed).isFalse();
    assertThat(source.availableCalls).as("available() calls on the caller's stream").hasValue(0);
  }

  @Test
  void decrypt_compressed_readsTheCompressedPacketOnTheDecryptingHelperOnly() {
    byte[] message = encrypt(to(PgpTestKeys.ALICE_RSA).compression(Compression.ZLIB).build(), TEXT);
    assertThat(message.length)
        .as("compressed, and larger than the first read")
        .isBetween(1 << 18, TEXT.length * 3 / 4);
    Recorded source = new Recorded(message);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    with(PgpTestKeys.ALICE_RSA).decrypt(source, out);

    assertThat(out.toByteArray()).isEqualTo(TEXT);
    assertThat(source.readers)
        .containsExactlyInAnyOrder(Thread.currentThread().getName(), "tributary-pgp-decrypt");
    assertThat(source.closed).isFalse();
    assertThat(source.availableCalls).as("available() calls on the caller's stream").hasValue(0);
  }

  /**
   * The decryption never asks the caller's stream how much is available: BouncyCastle's readers ask
   * after every read, and a {@code FileInputStream} answers with two system calls.
   */
  @Test
  void open_neverAsksTheCallersStreamWhatIsAvailable() throws Exception {
    for (Compression c : new Compression[] {Compression.NONE, Compression.ZLIB}) {
      Recorded source =
          new Recorded(encrypt(to(PgpTestKeys.ALICE_RSA).compression(c).build(), TEXT));
      try (InputStream in = with(PgpTestKeys.ALICE_RSA).open(source)) {
        assertThat(in.readAllBytes()).isEqualTo(TEXT);
      }
      assertThat(source.closed).as("open's stream closes the caller's").isTrue();
      assertThat(source.availableCalls).as(c + ": available() calls").hasValue(0);
    }
  }
}

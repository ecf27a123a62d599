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
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Which thread reads the caller's ciphertext in {@link PgpDecryptor#decrypt}: the caller's own for
 * an uncompressed message, a read-ahead helper once a compressed data packet is found (there three
 * stages share the cores). The caller's stream is left open either way.
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
  }

  @Test
  void decrypt_compressed_readsAheadOnAHelperThread() {
    byte[] message = encrypt(to(PgpTestKeys.ALICE_RSA).compression(Compression.ZLIB).build(), TEXT);
    assertThat(message.length)
        .as("compressed, and larger than the first read")
        .isBetween(1 << 18, TEXT.length * 3 / 4);
    Recorded source = new Recorded(message);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    with(PgpTestKeys.ALICE_RSA).decrypt(source, out);

    assertThat(out.toByteArray()).isEqualTo(TEXT);
    assertThat(source.readers).contains("tributary-pgp-read");
    assertThat(source.closed).isFalse();
  }
}

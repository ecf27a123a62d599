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
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.junit.jupiter.api.Test;

/**
 * Which thread reads the caller's ciphertext in {@link PgpDecryptor#decrypt}: the caller's own, but
 * for a compressed data packet whose data compresses, which the helper that decrypts it ahead of
 * its decompression reads from the point where the data decompressed outgrows the data read; no
 * thread reads the stream ahead of the decryption. The caller's stream is left open either way.
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

  /**
   * The ciphertext, recording the threads that read it, how many octets each read, and whether it
   * was closed.
   */
  private static final class Recorded extends FilterInputStream {
    final Set<String> readers = ConcurrentHashMap.newKeySet();
    final Map<String, Long> octetsRead = new ConcurrentHashMap<>();
    volatile boolean closed;
    final AtomicInteger availableCalls = new AtomicInteger();

    Recorded(byte[] data) {
      super(new ByteArrayInputStream(data));
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      readers.add(Thread.currentThread().getName());
      int n = super.read(b, off, len);
      count(n);
      return n;
    }

    @Override
    public int read() throws IOException {
      readers.add(Thread.currentThread().getName());
      int c = super.read();
      count(c < 0 ? -1 : 1);
      return c;
    }

    private void count(int n) {
      if (n > 0) {
        octetsRead.merge(Thread.currentThread().getName(), (long) n, Long::sum);
      }
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
  void decrypt_compressed_readsTheCompressedPacketOnTheDecryptingHelper() {
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
   * Stored deflate blocks (what zlib makes of data that does not compress) cost the inflater no
   * more than a copy: no helper decrypts ahead of it.
   */
  @Test
  void decrypt_compressedPacketOfStoredBlocks_readsOnTheCallersThreadOnly() throws Exception {
    byte[] random = new byte[3 << 20];
    new Random(6).nextBytes(random);
    Recorded source = new Recorded(zlibMessage(random, new byte[0]));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    with(PgpTestKeys.ALICE_RSA).decrypt(source, out);

    assertThat(out.toByteArray()).isEqualTo(random);
    assertThat(source.readers).containsExactly(Thread.currentThread().getName());
  }

  /**
   * Stored blocks first, then compressed ones: the helper takes over the reading where the data
   * starts to compress, and not an octet is lost or repeated at the change.
   */
  @Test
  void decrypt_compressedPacketThatStartsToCompress_isReadAheadFromThere() throws Exception {
    byte[] random = new byte[2 << 20];
    new Random(7).nextBytes(random);
    byte[] text = csv(250_000);
    byte[] message = zlibMessage(random, text);
    Recorded source = new Recorded(message);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    with(PgpTestKeys.ALICE_RSA).decrypt(source, out);

    byte[] expected = Arrays.copyOf(random, random.length + text.length);
    System.arraycopy(text, 0, expected, random.length, text.length);
    assertThat(out.toByteArray()).isEqualTo(expected);
    assertThat(source.readers)
        .containsExactlyInAnyOrder(Thread.currentThread().getName(), "tributary-pgp-decrypt");
    // The caller read the stored part; the helper the compressed part after it but for what the
    // caller had read ahead of the inflater at the switch: at most 576 KiB (a 256 KiB chunk of
    // ciphertext, the 64 KiB buffer under it and the inflater's 256 KiB of input).
    long compressedPart = message.length - random.length;
    assertThat(source.octetsRead.get(Thread.currentThread().getName()))
        .as("octets the caller read")
        .isGreaterThanOrEqualTo(random.length);
    assertThat(source.octetsRead.get("tributary-pgp-decrypt"))
        .as("octets the helper read, of %d after the stored part", compressedPart)
        .isGreaterThanOrEqualTo(compressedPart - (576 << 10))
        .isGreaterThan(576 << 10);
  }

  /**
   * A message to Alice (AES-256, SEIPD v1) whose ZLIB packet holds a literal data packet of {@code
   * stored} deflated at level 0, in stored blocks, then {@code compressed} at level 6.
   */
  private static byte[] zlibMessage(byte[] stored, byte[] compressed) throws Exception {
    ByteArrayOutputStream literal = new ByteArrayOutputStream();
    try (OutputStream data =
        new PGPLiteralDataGenerator()
            .open(
                literal,
                PGPLiteralData.BINARY,
                "data.bin",
                stored.length + compressed.length,
                new Date(0))) {
      data.write(stored);
      data.write(compressed);
    }
    byte[] packets = literal.toByteArray();
    int storedEnd = packets.length - compressed.length;
    ByteArrayOutputStream zlib = new ByteArrayOutputStream();
    Deflater deflater = new Deflater(Deflater.NO_COMPRESSION);
    try (DeflaterOutputStream out = new DeflaterOutputStream(zlib, deflater, 1 << 16, true)) {
      out.write(packets, 0, storedEnd);
      deflater.setLevel(6);
      out.flush(); // a sync flush, which applies the new level to what follows
      out.write(packets, storedEnd, packets.length - storedEnd);
    }
    assertThat(zlib.size())
        .as("stored, then compressed")
        .isBetween(storedEnd, storedEnd + storedEnd / 1000 + 64 + compressed.length * 3 / 4);
    deflater.end();
    ByteArrayOutputStream packet = new ByteArrayOutputStream();
    packet.write(0xC8); // compressed data, new format, five-octet length
    packet.write(0xFF);
    packet.write(ByteBuffer.allocate(4).putInt(zlib.size() + 1).array());
    packet.write(2); // ZLIB
    zlib.writeTo(packet);
    return DamagedInputFuzzTest.sealForAlice(packet.toByteArray());
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

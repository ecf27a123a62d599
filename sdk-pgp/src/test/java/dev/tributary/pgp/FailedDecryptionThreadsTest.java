package dev.tributary.pgp;

import static dev.tributary.pgp.AbortedEncryptionTest.assertHelperThreadsEnd;
import static dev.tributary.pgp.AbortedEncryptionTest.helperThreads;
import static dev.tributary.pgp.EncryptDecryptTest.encrypt;
import static dev.tributary.pgp.EncryptDecryptTest.to;
import static dev.tributary.pgp.EncryptDecryptTest.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.testing.PgpTestKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A decryption that fails its integrity check must free the MDC's helper thread, or a host that
 * meets many bad files collects threads parked for ever (with their buffers).
 */
class FailedDecryptionThreadsTest {
  @TempDir Path dir;

  /** 3 MiB of random data to Alice, uncompressed: enough for the helper thread to start. */
  static byte[] message() {
    byte[] data = new byte[3 << 20];
    new Random(11).nextBytes(data);
    return encrypt(to(PgpTestKeys.ALICE_RSA).build(), data);
  }

  static byte[] truncated() {
    byte[] m = message();
    return Arrays.copyOf(m, m.length / 2);
  }

  static byte[] tampered() {
    byte[] m = message();
    m[m.length / 2] ^= 1;
    return m;
  }

  @Test
  void decrypt_ofATruncatedOrTamperedMessage_freesTheHelperThread() {
    assertIntegrityFailures_freeTheHelperThreads(truncated(), tampered());
  }

  /** Each of {@code bad} fails its integrity check in {@code decrypt}, and no helper stays. */
  private static void assertIntegrityFailures_freeTheHelperThreads(byte[]... bad) {
    for (byte[] message : bad) {
      Set<Thread> before = helperThreads();
      assertThatThrownBy(
              () ->
                  with(PgpTestKeys.ALICE_RSA)
                      .decrypt(new ByteArrayInputStream(message), new ByteArrayOutputStream()))
          .isInstanceOf(PgpIntegrityException.class);
      assertHelperThreadsEnd(before);
    }
  }

  @Test
  void decryptFile_ofATruncatedMessage_freesTheHelperThread() throws Exception {
    Path source = Files.write(dir.resolve("bad.pgp"), truncated());
    Set<Thread> before = helperThreads();
    assertThatThrownBy(
            () -> with(PgpTestKeys.ALICE_RSA).decryptFile(source, dir.resolve("plain.csv")))
        .isInstanceOf(PgpIntegrityException.class);
    assertHelperThreadsEnd(before);
  }

  /**
   * Fails while looking for the literal data, inside {@code open}, after the first 256 KiB were
   * decrypted and handed to the helper thread: the caller never gets a stream to close.
   */
  @Test
  void open_failingBeforeTheLiteralData_freesTheHelperThread() throws Exception {
    byte[] garbage = new byte[300 << 10];
    new Random(5).nextBytes(garbage);
    ByteArrayOutputStream packet = new ByteArrayOutputStream();
    packet.write(0xC8); // compressed data, new format, five-octet length
    packet.write(0xFF);
    packet.write(java.nio.ByteBuffer.allocate(4).putInt(garbage.length + 1).array());
    packet.write(1); // ZIP (raw deflate): random bytes are no deflate stream
    packet.write(garbage);
    org.bouncycastle.openpgp.PGPEncryptedDataGenerator gen =
        new org.bouncycastle.openpgp.PGPEncryptedDataGenerator(
            new org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder(
                    org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags.AES_256)
                .setWithIntegrityPacket(true));
    gen.addMethod(
        new org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator(
            CraftedMessagesTest.aliceEncryptionKey()));
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    try (java.io.OutputStream enc = gen.open(message, new byte[1 << 16])) {
      enc.write(packet.toByteArray());
    }

    // Truncated too: a malformed message is read to its end to tell damage from tampering, and a
    // whole one would end the thread by passing its integrity check.
    byte[] cut = Arrays.copyOf(message.toByteArray(), message.size() - (10 << 10));

    Set<Thread> before = helperThreads();
    assertThatThrownBy(() -> with(PgpTestKeys.ALICE_RSA).open(new ByteArrayInputStream(cut)))
        .isInstanceOf(PgpIntegrityException.class);
    assertHelperThreadsEnd(before);
  }

  @Test
  void open_readToTheFailure_thenClose_freesTheHelperThread() throws Exception {
    Set<Thread> before = helperThreads();
    try (InputStream in = with(PgpTestKeys.ALICE_RSA).open(new ByteArrayInputStream(truncated()))) {
      assertThatThrownBy(in::readAllBytes).isInstanceOf(PgpIntegrityException.class);
    }
    assertHelperThreadsEnd(before);
  }

  /**
   * 6 MiB of CSV-like text to Alice, ZLIB-compressed: its compressed data packet is decrypted on a
   * helper thread ahead of the decompression (and the MDC hashed on another).
   */
  static byte[] compressedMessage() {
    StringBuilder text = new StringBuilder();
    Random random = new Random(13);
    while (text.length() < 6 << 20) {
      text.append(random.nextInt(1_000_000)).append(",user").append(random.nextInt(99_999));
      text.append("@example.com,").append(random.nextBoolean() ? "DE" : "US").append('\n');
    }
    return encrypt(
        to(PgpTestKeys.ALICE_RSA).compression(Compression.ZLIB).build(),
        text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void decrypt_ofATamperedOrTruncatedCompressedMessage_freesTheHelperThreads() {
    byte[] m = compressedMessage();
    byte[] tampered = m.clone();
    tampered[m.length / 3] ^= 1; // inside the deflate stream: zlib fails before the MDC is read
    assertIntegrityFailures_freeTheHelperThreads(tampered, Arrays.copyOf(m, m.length / 2));
  }

  /**
   * The decompression limit stops the read mid-way, with the packet still being decrypted ahead:
   * the helper decrypting ahead has ended when the exception is thrown, before the caller closes
   * the stream (which then ends the MDC's helper too).
   */
  @Test
  void open_ofACompressionBomb_endsTheDecryptHelper_beforeAnyClose() throws Exception {
    PgpDecryptor limited =
        PgpDecryptor.builder()
            .key(PgpKey.of(PgpTestKeys.ALICE_RSA.privateKey()))
            .policy(PgpPolicy.builder().maxDecompressedBytes(1 << 20).build())
            .build();
    Set<Thread> before = helperThreads();
    try (InputStream in = limited.open(new ByteArrayInputStream(compressedMessage()))) {
      assertThatThrownBy(in::readAllBytes)
          .isInstanceOfSatisfying(
              PgpDataException.class,
              e -> assertThat(e.reason()).isEqualTo(PgpDataException.Reason.TOO_LARGE));
      assertDecryptThreadsEnd(before);
    }
    assertHelperThreadsEnd(before);
  }

  @Test
  void open_closedBeforeTheEnd_freesTheHelperThreads() throws Exception {
    Set<Thread> before = helperThreads();
    try (InputStream in =
        with(PgpTestKeys.ALICE_RSA).open(new ByteArrayInputStream(compressedMessage()))) {
      assertThat(in.readNBytes(1 << 16)).hasSize(1 << 16);
    }
    assertHelperThreadsEnd(before);
  }

  /**
   * The thread decrypting ahead has ended when the failure is thrown, before any close; the MDC's
   * waits for the close (the caller of {@code open} closes what it opened), as before.
   */
  private static void assertDecryptThreadsEnd(Set<Thread> before) {
    for (Thread t : helperThreads()) {
      if (!before.contains(t) && t.getName().equals("tributary-pgp-decrypt")) {
        assertThat(t.isAlive()).as("%s still runs", t).isFalse();
      }
    }
  }
}

package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tributary.pgp.SymmetricAlgorithm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link SeipdV1InputStream} against a body built here with the JDK's own CFB (AES, and TripleDES
 * for a 64-bit block) and SHA-1 (RFC 9580 §5.13.1: a random prefix that repeats its last two
 * octets, the data, and the MDC packet): the data comes back whole for every length, also where the
 * held-back MDC straddles the 256 KiB chunks that are decrypted into the MDC helper's buffers; any
 * changed or missing octet fails the check instead of reporting the end.
 */
@Timeout(60)
class SeipdV1InputStreamTest {
  private static final int CHUNK = 1 << 18;

  /** The prefix (18 octets) and the MDC packet (22 octets) around the data. */
  private static final int FRAME = 18 + 22;

  private static final byte[] KEY = Chunks.random(7, 32);
  private static final byte[] DES_KEY = Chunks.random(8, 24);

  private static final int[] LENGTHS = {
    0,
    1,
    1000,
    CHUNK - FRAME - 1,
    CHUNK - FRAME,
    CHUNK - FRAME + 1,
    CHUNK - 18 - 2,
    CHUNK - 18,
    CHUNK - 18 + 1,
    CHUNK,
    2 * CHUNK - FRAME,
    2 * CHUNK - 18 - 11,
    5 * CHUNK + 3
  };

  @Test
  void theData_comesBackWhole_atEveryLength_andReadsInAnySize() throws Exception {
    for (int length : LENGTHS) {
      byte[] data = Chunks.random(length, length);
      byte[] body = seipdBody(data, length);
      for (int readSize : new int[] {1 << 16, 4093}) {
        assertThat(decrypt(body, readSize))
            .as("%d octets, read %d", length, readSize)
            .isEqualTo(data);
      }
    }
  }

  /** A 64-bit block cipher: a prefix of 10 octets, and the previous block is 8 octets. */
  @Test
  void aCipherWithEightOctetBlocks_decryptsAtChunkBoundaries() throws Exception {
    for (int length : new int[] {0, 5, CHUNK - 10 - 22, CHUNK - 10 - 1, 2 * CHUNK + 5}) {
      byte[] data = Chunks.random(length + 1, length);
      byte[] body = cfbBody("DESede", DES_KEY, 8, data, length);
      assertThat(decrypt(body, 1 << 16, SymmetricAlgorithm.TRIPLE_DES, DES_KEY))
          .as("%d octets", length)
          .isEqualTo(data);
    }
  }

  @Test
  void aChangedOctet_anywhere_failsTheMdc() throws Exception {
    int length = 3 * CHUNK + 100;
    byte[] data = Chunks.random(11, length);
    byte[] body = seipdBody(data, 0);
    Random random = new Random(12);
    int[] positions = {
      18 + 5, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK + random.nextInt(CHUNK), body.length - 21
    };
    for (int at : positions) {
      byte[] tampered = body.clone();
      tampered[at] ^= 0x01;
      assertThatThrownBy(() -> decrypt(tampered, 1 << 16))
          .as("octet %d changed", at)
          .isInstanceOf(IntegrityFailure.class)
          .hasMessageContaining("MDC"); // its digest or its packet's header, not the prefix
    }
  }

  /**
   * The read-ahead of a compressed packet of indeterminate length (GnuPG's) reads this stream to
   * its end on a helper thread; the caller, whose decompression failed first, reads on to find the
   * integrity failure. That second read was an {@code InterruptedIOException} of the spent MDC
   * hash, and the tampering was reported as a malformed message (stop 30's adversarial tester).
   */
  @Test
  void afterAFailedMdc_everyLaterRead_failsTheSameWay() throws Exception {
    byte[] body = seipdBody(Chunks.random(14, 3000), 0);
    body[1000] ^= 0x01;
    try (InputStream in =
        new SeipdV1InputStream(
            new ByteArrayInputStream(body), BlockEncryptor.of(SymmetricAlgorithm.AES_256, KEY))) {
      assertThatThrownBy(in::readAllBytes)
          .isInstanceOf(IntegrityFailure.class)
          .hasMessage("the MDC does not match");
      for (int i = 0; i < 2; i++) {
        assertThatThrownBy(() -> in.read(new byte[100], 0, 100))
            .isInstanceOf(IntegrityFailure.class)
            .hasMessage("the MDC does not match");
      }
      assertThatThrownBy(in::read).isInstanceOf(IntegrityFailure.class);
    }
  }

  @Test
  void truncation_atAChunkBoundaryOrWithinTheMdc_isAnIntegrityFailure() throws Exception {
    byte[] body = seipdBody(Chunks.random(13, 2 * CHUNK), 0);
    for (int cut : new int[] {CHUNK, 2 * CHUNK, body.length - 1, body.length - 22}) {
      byte[] truncated = Arrays.copyOf(body, cut);
      assertThatThrownBy(() -> decrypt(truncated, 1 << 16))
          .as("cut at %d", cut)
          .isInstanceOf(IntegrityFailure.class);
    }
  }

  private static byte[] decrypt(byte[] body, int readSize) throws IOException {
    return decrypt(body, readSize, SymmetricAlgorithm.AES_256, KEY);
  }

  private static byte[] decrypt(byte[] body, int readSize, SymmetricAlgorithm cipher, byte[] key)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in =
        new SeipdV1InputStream(new ByteArrayInputStream(body), BlockEncryptor.of(cipher, key))) {
      byte[] buffer = new byte[readSize];
      int n;
      while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
        out.write(buffer, 0, n);
      }
    }
    return out.toByteArray();
  }

  /** The SEIPD v1 body after its version octet, AES-256. */
  static byte[] seipdBody(byte[] data, int seed) throws Exception {
    return cfbBody("AES", KEY, 16, data, seed);
  }

  /** CFB with a zero IV over the prefix (a block and two octets), the data and the MDC packet. */
  private static byte[] cfbBody(String cipher, byte[] key, int bs, byte[] data, int seed)
      throws Exception {
    int p = bs + 2;
    byte[] prefix = Chunks.random(seed + 1, p);
    prefix[p - 2] = prefix[p - 4];
    prefix[p - 1] = prefix[p - 3];
    byte[] plain = new byte[p + data.length + 22];
    System.arraycopy(prefix, 0, plain, 0, p);
    System.arraycopy(data, 0, plain, p, data.length);
    plain[p + data.length] = (byte) 0xD3;
    plain[p + data.length + 1] = 0x14;
    MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
    sha1.update(plain, 0, p + data.length + 2);
    System.arraycopy(sha1.digest(), 0, plain, p + data.length + 2, 20);
    Cipher cfb = Cipher.getInstance(cipher + "/CFB/NoPadding");
    cfb.init(
        Cipher.ENCRYPT_MODE, new SecretKeySpec(key, cipher), new IvParameterSpec(new byte[bs]));
    return cfb.doFinal(plain);
  }
}

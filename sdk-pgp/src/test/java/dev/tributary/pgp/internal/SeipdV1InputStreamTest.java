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
 * {@link SeipdV1InputStream} against a body built here with the JDK's own AES/CFB and SHA-1 (RFC
 * 9580 §5.13.1: a random prefix that repeats its last two octets, the data, and the MDC packet):
 * the data comes back whole for every length, also where the held-back MDC straddles the 256 KiB
 * chunks that are decrypted into the MDC helper's buffers; any changed or missing octet fails the
 * check instead of reporting the end.
 */
@Timeout(60)
class SeipdV1InputStreamTest {
  private static final int CHUNK = 1 << 18;

  /** The prefix (18 octets) and the MDC packet (22 octets) around the data. */
  private static final int FRAME = 18 + 22;

  private static final byte[] KEY = Chunks.random(7, 32);

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
          .isInstanceOf(IntegrityFailure.class);
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
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in =
        new SeipdV1InputStream(
            new ByteArrayInputStream(body), BlockEncryptor.of(SymmetricAlgorithm.AES_256, KEY))) {
      byte[] buffer = new byte[readSize];
      int n;
      while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
        out.write(buffer, 0, n);
      }
    }
    return out.toByteArray();
  }

  /** The SEIPD v1 body after its version octet: CFB with a zero IV over prefix, data and MDC. */
  static byte[] seipdBody(byte[] data, int seed) throws Exception {
    byte[] prefix = Chunks.random(seed + 1, 18);
    prefix[16] = prefix[14];
    prefix[17] = prefix[15];
    byte[] plain = new byte[18 + data.length + 22];
    System.arraycopy(prefix, 0, plain, 0, 18);
    System.arraycopy(data, 0, plain, 18, data.length);
    plain[18 + data.length] = (byte) 0xD3;
    plain[18 + data.length + 1] = 0x14;
    MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
    sha1.update(plain, 0, 18 + data.length + 2);
    System.arraycopy(sha1.digest(), 0, plain, 18 + data.length + 2, 20);
    Cipher cfb = Cipher.getInstance("AES/CFB/NoPadding");
    cfb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "AES"), new IvParameterSpec(new byte[16]));
    return cfb.doFinal(plain);
  }
}

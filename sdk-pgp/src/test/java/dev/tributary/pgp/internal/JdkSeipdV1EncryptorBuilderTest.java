package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.bcpg.PacketTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.junit.jupiter.api.Test;

/**
 * The encryptor computes OpenPGP's CFB through AES-CBC: its output must be the JDK's own AES/CFB
 * output, byte for byte, whatever lengths the writes have (blocks split across writes, single
 * bytes, large runs) and whatever the key size.
 */
class JdkSeipdV1EncryptorBuilderTest {
  @Test
  void output_isTheJdksCfb_forAnySplitOfTheWrites() throws Exception {
    Random random = new Random(11);
    int[][] algorithms = {
      {SymmetricKeyAlgorithmTags.AES_128, 16},
      {SymmetricKeyAlgorithmTags.AES_192, 24},
      {SymmetricKeyAlgorithmTags.AES_256, 32}
    };
    for (int[] algorithm : algorithms) {
      for (int trial = 0; trial < 300; trial++) {
        byte[] key = new byte[algorithm[1]];
        random.nextBytes(key);
        byte[] plaintext = new byte[random.nextInt(300_000)];
        random.nextBytes(plaintext);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream cfb =
            new JdkSeipdV1EncryptorBuilder(algorithm[0], new SecureRandom())
                .build(key)
                .getOutputStream(out)) {
          int off = 0;
          while (off < plaintext.length) {
            int n =
                Math.min(
                    plaintext.length - off,
                    switch (random.nextInt(4)) {
                      case 0 -> 1;
                      case 1 -> random.nextInt(40);
                      case 2 -> 16 * random.nextInt(300);
                      default -> random.nextInt(200_000);
                    });
            if (n == 1 && random.nextBoolean()) {
              cfb.write(plaintext[off]);
            } else {
              cfb.write(plaintext, off, n);
            }
            off += n;
          }
        }

        Cipher jdk = Cipher.getInstance("AES/CFB/NoPadding");
        jdk.init(
            Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
        assertThat(out.toByteArray())
            .as("AES-%d, trial %d, %d bytes", algorithm[1] * 8, trial, plaintext.length)
            .isEqualTo(jdk.doFinal(plaintext));
      }
    }
  }

  /**
   * In an encrypted data packet the version octet comes before the ciphertext, so a ciphertext
   * chunk as long as a piece straddled two pieces and each was copied into the packet's buffer. The
   * first chunk now completes the first piece, and every later piece leaves in one write from the
   * cipher's own array; the bytes are the same.
   */
  @Test
  void afterTheVersionOctet_laterPiecesLeaveWithoutACopy() throws Exception {
    int piece = PartialBodyOutputStream.PIECE;
    byte[] key = new byte[32];
    new Random(12).nextBytes(key);
    byte[] plaintext = Chunks.random(13, 4 * piece + 1000);
    PieceRecorder target = new PieceRecorder();
    PartialBodyOutputStream body =
        new PartialBodyOutputStream(target, PacketTags.SYM_ENC_INTEGRITY_PRO);
    body.write(1); // the version octet, as SeipdV1OutputStream writes it
    try (OutputStream cfb =
        new JdkSeipdV1EncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256, new SecureRandom())
            .build(key)
            .getOutputStream(body)) {
      for (int off = 0; off < plaintext.length; off += 100_000) {
        cfb.write(plaintext, off, Math.min(100_000, plaintext.length - off));
      }
    }

    assertThat(target.pieceArrays).hasSize(4);
    assertThat(target.pieceArrays.subList(1, 4))
        .as("pieces after the first: the cipher's array, not the packet's buffer")
        .allSatisfy(a -> assertThat(a).isSameAs(target.pieceArrays.get(1)))
        .noneSatisfy(a -> assertThat(a).isSameAs(target.pieceArrays.get(0)));
    Cipher jdk = Cipher.getInstance("AES/CFB/NoPadding");
    jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
    byte[] expected = new byte[1 + plaintext.length];
    expected[0] = 1;
    System.arraycopy(jdk.doFinal(plaintext), 0, expected, 1, plaintext.length);
    assertThat(unframe(target.toByteArray())).isEqualTo(expected);
  }

  /**
   * The body of a packet written by {@link PartialBodyOutputStream}, read by {@link PacketBody}.
   */
  private static byte[] unframe(byte[] packet) throws IOException {
    InputStream in = new ByteArrayInputStream(packet);
    assertThat(in.read()).as("the header octet").isEqualTo(0xC0 | PacketTags.SYM_ENC_INTEGRITY_PRO);
    byte[] body = new PacketBody(in).readAllBytes();
    assertThat(in.read()).as("the packet ends with its last piece").isEqualTo(-1);
    return body;
  }

  /** Records the array of each write of a whole piece with its length octet. */
  private static final class PieceRecorder extends ByteArrayOutputStream {
    final List<byte[]> pieceArrays = new ArrayList<>();

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      if (len == 1 + PartialBodyOutputStream.PIECE) {
        pieceArrays.add(b);
      }
      super.write(b, off, len);
    }
  }
}

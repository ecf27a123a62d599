package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
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
}

package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Xor} works eight bytes at a time, in 4 KiB pieces, with a byte tail: every length and
 * every misalignment of the three ranges must give the byte-by-byte XOR, and nothing outside the
 * output range may change.
 */
class XorTest {
  @Test
  void xor_isTheBytewiseXor_forEveryLengthAndAlignment() {
    Random random = new Random(5);
    byte[] a = bytes(random, 120);
    byte[] b = bytes(random, 120);
    for (int len = 0; len <= 40; len++) {
      for (int aOff = 0; aOff < 9; aOff++) {
        for (int bOff = 0; bOff < 9; bOff++) {
          for (int outOff = 0; outOff < 9; outOff++) {
            byte[] out = bytes(random, 120);
            byte[] expected = out.clone();
            System.arraycopy(bytewise(a, aOff, b, bOff, len), 0, expected, outOff, len);

            Xor.xor(a, aOff, b, bOff, out, outOff, len);

            assertThat(out)
                .as("len %d, offsets %d %d %d", len, aOff, bOff, outOff)
                .isEqualTo(expected);
          }
        }
      }
    }
  }

  @Test
  void xor_intoOneOfItsInputs_atTheSameOffset() {
    Random random = new Random(6);
    byte[] a = bytes(random, 1000);
    byte[] b = bytes(random, 1000);
    byte[] expected = bytewise(a, 0, b, 0, 1000);

    byte[] intoA = a.clone();
    Xor.xor(intoA, 0, b, 0, intoA, 0, 1000);
    byte[] intoB = b.clone();
    Xor.xor(a, 0, intoB, 0, intoB, 0, 1000);

    assertThat(intoA).isEqualTo(expected);
    assertThat(intoB).isEqualTo(expected);
  }

  @Test
  void xor_ofRangesSpanningManyPieces_isTheBytewiseXor() {
    Random random = new Random(7);
    byte[] a = bytes(random, 300_001);
    byte[] b = bytes(random, 300_001);
    byte[] out = new byte[300_004];

    Xor.xor(a, 1, b, 0, out, 3, 300_000);

    assertThat(Arrays.copyOfRange(out, 3, 300_003)).isEqualTo(bytewise(a, 1, b, 0, 300_000));
    assertThat(Arrays.copyOf(out, 3)).containsOnly(0);
    assertThat(out[300_003]).isZero();
  }

  private static byte[] bytes(Random random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private static byte[] bytewise(byte[] a, int aOff, byte[] b, int bOff, int len) {
    byte[] x = new byte[len];
    for (int i = 0; i < len; i++) {
      x[i] = (byte) (a[aOff + i] ^ b[bOff + i]);
    }
    return x;
  }
}

package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Xor} works eight bytes at a time with a byte tail: every length and every misalignment of
 * the three ranges must give the byte-by-byte XOR, and nothing outside the output range may change.
 */
class XorTest {
  @Test
  void xor_isTheBytewiseXor_forEveryLengthAndAlignment() {
    Random random = new Random(5);
    byte[] a = new byte[120];
    byte[] b = new byte[120];
    random.nextBytes(a);
    random.nextBytes(b);
    for (int len = 0; len <= 40; len++) {
      for (int aOff = 0; aOff < 9; aOff++) {
        for (int bOff = 0; bOff < 9; bOff++) {
          for (int outOff = 0; outOff < 9; outOff++) {
            byte[] out = new byte[120];
            random.nextBytes(out);
            byte[] expected = out.clone();
            for (int i = 0; i < len; i++) {
              expected[outOff + i] = (byte) (a[aOff + i] ^ b[bOff + i]);
            }
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
    byte[] a = new byte[1000];
    byte[] b = new byte[1000];
    random.nextBytes(a);
    random.nextBytes(b);
    byte[] expected = new byte[1000];
    for (int i = 0; i < 1000; i++) {
      expected[i] = (byte) (a[i] ^ b[i]);
    }

    byte[] intoA = a.clone();
    Xor.xor(intoA, 0, b, 0, intoA, 0, 1000);
    byte[] intoB = b.clone();
    Xor.xor(a, 0, intoB, 0, intoB, 0, 1000);

    assertThat(intoA).isEqualTo(expected);
    assertThat(intoB).isEqualTo(expected);
  }

  @Test
  void xor_ofLargeRanges_matchesTheBytewiseXor() {
    Random random = new Random(7);
    byte[] a = new byte[300_001];
    byte[] b = new byte[300_001];
    random.nextBytes(a);
    random.nextBytes(b);
    byte[] out = new byte[300_003];
    Xor.xor(a, 1, b, 0, out, 3, 300_000);
    for (int i = 0; i < 300_000; i++) {
      if (out[3 + i] != (byte) (a[1 + i] ^ b[i])) {
        throw new AssertionError("byte " + i + " differs");
      }
    }
    assertThat(out[0]).isZero();
    assertThat(out[1]).isZero();
    assertThat(out[2]).isZero();
  }
}

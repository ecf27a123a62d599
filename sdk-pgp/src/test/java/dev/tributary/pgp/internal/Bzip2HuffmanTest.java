package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link Bzip2Huffman#codeLengths}: complete prefix codes no longer than 17 bits. */
class Bzip2HuffmanTest {
  @Test
  void fibonacciFrequencies_wouldMakeADeepTree_areLimitedTo17Bits() {
    int[] frequency = new int[258];
    int a = 1;
    int b = 1;
    for (int i = 0; i < 30; i++) {
      frequency[i] = a;
      int next = a + b;
      a = b;
      b = next;
    }
    byte[] lengths = new byte[258];
    Bzip2Huffman.codeLengths(frequency, 258, lengths);
    assertComplete(lengths, 258);
  }

  @Test
  void unusedSymbols_getCodesToo() {
    int[] frequency = new int[258];
    frequency[0] = 900_000;
    for (int n : new int[] {3, 4, 258}) {
      byte[] lengths = new byte[258];
      Bzip2Huffman.codeLengths(frequency, n, lengths);
      assertComplete(lengths, n);
    }
  }

  /** Every length 1 to 17, and the Kraft sum exactly 1 (a full tree). */
  static void assertComplete(byte[] lengths, int n) {
    long kraft = 0;
    for (int s = 0; s < n; s++) {
      assertThat((int) lengths[s]).as("symbol %d", s).isBetween(1, 17);
      kraft += 1L << (17 - lengths[s]);
    }
    assertThat(kraft).isEqualTo(1L << 17);
  }
}

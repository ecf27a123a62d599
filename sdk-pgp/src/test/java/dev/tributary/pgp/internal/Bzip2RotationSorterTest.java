package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Bzip2RotationSorter} against the definition: the order it gives is a permutation in which
 * every rotation is at most the next one, byte by byte, for random, small-alphabet and periodic
 * blocks (whose equal rotations may stand in any order).
 */
class Bzip2RotationSorterTest {
  @Test
  void sortsRotations_ofRandomBlocks_overSmallAndFullAlphabets() {
    Random random = new Random(5);
    Bzip2RotationSorter sorter = new Bzip2RotationSorter(3000);
    for (int round = 0; round < 300; round++) {
      int n = 1 + random.nextInt(round < 100 ? 12 : 3000);
      int alphabet = 1 + random.nextInt(round % 3 == 0 ? 256 : 3);
      byte[] block = new byte[n];
      for (int i = 0; i < n; i++) {
        block[i] = (byte) random.nextInt(alphabet);
      }
      assertSorted(block, n, sorter.sort(block, n));
    }
  }

  @Test
  void sortsRotations_ofPeriodicBlocks() {
    Bzip2RotationSorter sorter = new Bzip2RotationSorter(5000);
    Random random = new Random(9);
    for (int period : new int[] {1, 2, 3, 7, 64, 1000}) {
      byte[] unit = new byte[period];
      random.nextBytes(unit);
      for (int n : new int[] {period, 4 * period, 5000 - 5000 % period, 4999}) {
        byte[] block = new byte[n];
        for (int i = 0; i < n; i++) {
          block[i] = unit[i % period];
        }
        assertSorted(block, n, sorter.sort(block, n));
      }
    }
  }

  static void assertSorted(byte[] block, int n, int[] order) {
    int[] starts = Arrays.copyOf(order, n);
    Arrays.sort(starts);
    for (int i = 0; i < n; i++) {
      assertThat(starts[i]).as("a permutation").isEqualTo(i);
    }
    for (int i = 1; i < n; i++) {
      assertThat(compare(block, n, order[i - 1], order[i]))
          .as("rotation %d before rotation %d, n = %d", order[i - 1], order[i], n)
          .isLessThanOrEqualTo(0);
    }
  }

  private static int compare(byte[] block, int n, int a, int b) {
    for (int k = 0; k < n; k++) {
      int x = block[(a + k) % n] & 0xFF;
      int y = block[(b + k) % n] & 0xFF;
      if (x != y) {
        return x - y;
      }
    }
    return 0;
  }
}

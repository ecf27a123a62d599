package dev.tributary.pgp.internal;

import java.util.Arrays;

/**
 * Sorts the rotations of a bzip2 block for the Burrows–Wheeler transform, in O(n log n) time for
 * every input. Not thread-safe; one per stream, its arrays reused for every block.
 *
 * <p>The method is prefix doubling over cyclic strings (Manber and Myers' idea, with Karp, Miller
 * and Rosenberg's ranks): once the rotations are sorted and ranked ("classes") by their first
 * {@code k} bytes, a stable counting sort by the rank of the first half, of the order already known
 * for the second half, sorts them by their first {@code 2k} bytes, and new ranks come from one
 * pass. Each round is linear, and there are at most log2(n) of them; rounds stop as soon as the
 * ranks are all distinct or their number stops growing, which means the rotations still tied are
 * equal (the block is periodic) and may stand in any order. The first round ranks by two bytes.
 *
 * <p>Why not the alternatives: a comparison sort of rotations with a bucket sort in front, as
 * libbzip2's main sort and BouncyCastle's port do, is quadratic on repetitive blocks (which is why
 * BouncyCastle randomises them, and libbzip2 falls back to a slower sort); SA-IS over the doubled
 * block is linear but needs its own recursion and twice the arrays. Prefix doubling is short,
 * obviously correct, and its rounds are few on typical data (about log2 of the longest repeat).
 *
 * <p>Memory: four {@code int} arrays of the block's capacity, 13.7 MiB at 900k blocks.
 */
final class Bzip2RotationSorter {
  private static final int PAIRS = 1 << 16;

  private final int[] order;
  private int[] rank;
  private int[] newRank;
  private final int[] counts;

  /**
   * @param capacity the most bytes a block holds
   */
  Bzip2RotationSorter(int capacity) {
    order = new int[capacity];
    rank = new int[capacity];
    newRank = new int[capacity];
    counts = new int[Math.max(capacity, PAIRS)];
  }

  /**
   * Sorts the rotations of {@code block[0, n)}, n ≥ 1.
   *
   * @return the start of each rotation in sorted order, in an array longer than n that the next
   *     call overwrites
   */
  int[] sort(byte[] block, int n) {
    int classes = sortByFirstTwoBytes(block, n);
    for (int k = 2; k < n && classes < n; k *= 2) {
      int before = classes;
      classes = doubleLength(n, k, classes);
      if (classes == before) {
        break;
      }
    }
    return order;
  }

  private int sortByFirstTwoBytes(byte[] block, int n) {
    Arrays.fill(counts, 0, PAIRS, 0);
    for (int i = 0; i < n; i++) {
      counts[pair(block, n, i)]++;
    }
    countsToStarts(PAIRS);
    for (int i = 0; i < n; i++) {
      order[counts[pair(block, n, i)]++] = i;
    }
    int classes = 0;
    int previous = -1;
    for (int i = 0; i < n; i++) {
      int p = pair(block, n, order[i]);
      if (p != previous) {
        classes++;
        previous = p;
      }
      rank[order[i]] = classes - 1;
    }
    return classes;
  }

  /** Turns {@code counts[0, size)} into where each key's first rotation goes. */
  private void countsToStarts(int size) {
    int sum = 0;
    for (int key = 0; key < size; key++) {
      int count = counts[key];
      counts[key] = sum;
      sum += count;
    }
  }

  private static int pair(byte[] block, int n, int i) {
    int next = i + 1 == n ? 0 : i + 1;
    return (block[i] & 0xFF) << 8 | (block[next] & 0xFF);
  }

  /** From the order and ranks by the first k bytes, those by the first 2k; returns the classes. */
  private int doubleLength(int n, int k, int classes) {
    // Rotation order[i] - k, listed in the order of its second half (starting at order[i]). The
    // new ranks' array is free until rerank, which no longer needs this list.
    int[] shifted = newRank;
    for (int i = 0; i < n; i++) {
      int s = order[i] - k;
      shifted[i] = s < 0 ? s + n : s;
    }
    Arrays.fill(counts, 0, classes, 0);
    for (int i = 0; i < n; i++) {
      counts[rank[i]]++;
    }
    countsToStarts(classes);
    for (int i = 0; i < n; i++) {
      int s = shifted[i];
      order[counts[rank[s]]++] = s;
    }
    return rerank(n, k);
  }

  private int rerank(int n, int k) {
    int classes = 0;
    int firstBefore = -1;
    int secondBefore = -1;
    for (int i = 0; i < n; i++) {
      int s = order[i];
      int half = s + k;
      int first = rank[s];
      int second = rank[half >= n ? half - n : half];
      if (first != firstBefore || second != secondBefore) {
        classes++;
        firstBefore = first;
        secondBefore = second;
      }
      newRank[s] = classes - 1;
    }
    int[] t = rank;
    rank = newRank;
    newRank = t;
    return classes;
  }
}

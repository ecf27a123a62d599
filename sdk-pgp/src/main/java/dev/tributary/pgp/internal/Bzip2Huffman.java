package dev.tributary.pgp.internal;

import java.io.IOException;
import java.util.Arrays;

/**
 * The entropy coding of one bzip2 block's symbols (MTF values, RUNA/RUNB zero runs and the end of
 * block): 2 to 6 Huffman tables, one chosen for each group of 50 symbols. As libbzip2 does, the
 * tables start from slices of the alphabet of about equal frequency, then a few rounds each choose
 * the cheapest table per group and rebuild every table from the groups that chose it. Code lengths
 * are limited to 17 bits (the format allows 20) by flattening the frequencies until the Huffman
 * tree is shallow enough. Not thread-safe; one per stream, reused for every block.
 */
final class Bzip2Huffman {
  static final int GROUP = 50;
  private static final int MAX_TABLES = 6;
  private static final int MAX_SYMBOLS = 258;
  private static final int MAX_LENGTH = 17;
  private static final int ROUNDS = 4;

  private final byte[][] lengths = new byte[MAX_TABLES][MAX_SYMBOLS];
  private final int[][] codes = new int[MAX_TABLES][MAX_SYMBOLS];
  private final int[][] frequencies = new int[MAX_TABLES][MAX_SYMBOLS];
  private final byte[] selectors;

  /**
   * @param capacity the most symbols a block has
   */
  Bzip2Huffman(int capacity) {
    selectors = new byte[capacity / GROUP + 1];
  }

  /**
   * Writes the tables, the selectors and the symbols.
   *
   * @param symbols the block's symbols, ending with the end of block
   * @param alphabet the number of distinct symbols (the bytes in use + 2), at most 258
   * @param frequency how often each symbol occurs in {@code symbols}
   */
  void write(char[] symbols, int count, int alphabet, int[] frequency, Bzip2BitWriter out)
      throws IOException {
    int tables = count < 200 ? 2 : count < 600 ? 3 : count < 1200 ? 4 : count < 2400 ? 5 : 6;
    int groups = (count + GROUP - 1) / GROUP;
    startTables(frequency, count, alphabet, tables);
    for (int round = 0; round < ROUNDS; round++) {
      chooseTables(symbols, count, alphabet, tables, groups);
      for (int t = 0; t < tables; t++) {
        codeLengths(frequencies[t], alphabet, lengths[t]);
      }
    }
    for (int t = 0; t < tables; t++) {
      assignCodes(lengths[t], codes[t], alphabet);
    }
    out.write(3, tables);
    out.write(15, groups);
    writeSelectors(groups, out);
    writeLengths(tables, alphabet, out);
    for (int g = 0; g < groups; g++) {
      byte[] length = lengths[selectors[g]];
      int[] code = codes[selectors[g]];
      for (int i = g * GROUP, end = Math.min(i + GROUP, count); i < end; i++) {
        out.write(length[symbols[i]], code[symbols[i]]);
      }
    }
  }

  /** Table t is cheap (0) for one slice of the alphabet and dear (15) for the rest. */
  private void startTables(int[] frequency, int count, int alphabet, int tables) {
    int remaining = count;
    int start = 0;
    for (int part = tables; part > 0; part--) {
      int target = remaining / part;
      int end = start - 1;
      int sum = 0;
      while (sum < target && end < alphabet - 1) {
        end++;
        sum += frequency[end];
      }
      for (int v = 0; v < alphabet; v++) {
        lengths[part - 1][v] = (byte) (v >= start && v <= end ? 0 : 15);
      }
      start = end + 1;
      remaining -= sum;
    }
  }

  private void chooseTables(char[] symbols, int count, int alphabet, int tables, int groups) {
    for (int t = 0; t < tables; t++) {
      Arrays.fill(frequencies[t], 0, alphabet, 0);
    }
    for (int g = 0; g < groups; g++) {
      int start = g * GROUP;
      int end = Math.min(start + GROUP, count);
      int best = 0;
      int bestCost = Integer.MAX_VALUE;
      for (int t = 0; t < tables; t++) {
        byte[] length = lengths[t];
        int cost = 0;
        for (int i = start; i < end; i++) {
          cost += length[symbols[i]];
        }
        if (cost < bestCost) {
          bestCost = cost;
          best = t;
        }
      }
      selectors[g] = (byte) best;
      int[] f = frequencies[best];
      for (int i = start; i < end; i++) {
        f[symbols[i]]++;
      }
    }
  }

  /**
   * Huffman code lengths of at most {@link #MAX_LENGTH} for the n symbols. Every symbol gets a
   * code, the unused ones as if they occurred once; while the tree is too deep, the weights are
   * halved (plus one), which flattens it.
   */
  static void codeLengths(int[] frequency, int n, byte[] out) {
    int[] weight = new int[n];
    for (int i = 0; i < n; i++) {
      weight[i] = Math.max(frequency[i], 1);
    }
    while (huffman(weight, n, out) > MAX_LENGTH) {
      for (int i = 0; i < n; i++) {
        weight[i] = weight[i] / 2 + 1;
      }
    }
  }

  /** Puts the Huffman code lengths into {@code out}; returns the longest. */
  private static int huffman(int[] weight, int n, byte[] out) {
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = (long) weight[i] << 9 | i;
    }
    Arrays.sort(keys);
    // Nodes 0..n-1 are the leaves by weight, then the inner nodes in the order they are made,
    // which is also by weight: two queues instead of a heap.
    long[] w = new long[2 * n - 1];
    int[] parent = new int[2 * n - 1];
    for (int k = 0; k < n; k++) {
      w[k] = keys[k] >>> 9;
    }
    int leaf = 0;
    int inner = n;
    for (int next = n; next < 2 * n - 1; next++) {
      int a = leaf < n && (inner == next || w[leaf] <= w[inner]) ? leaf++ : inner++;
      int b = leaf < n && (inner == next || w[leaf] <= w[inner]) ? leaf++ : inner++;
      w[next] = w[a] + w[b];
      parent[a] = next;
      parent[b] = next;
    }
    int[] depth = new int[2 * n - 1];
    int longest = 0;
    for (int node = 2 * n - 3; node >= 0; node--) {
      depth[node] = depth[parent[node]] + 1;
      if (node < n) {
        out[(int) (keys[node] & 511)] = (byte) depth[node];
        longest = Math.max(longest, depth[node]);
      }
    }
    return longest;
  }

  /** Canonical codes, as decoders rebuild them: by length, then by symbol. */
  private static void assignCodes(byte[] length, int[] code, int alphabet) {
    int next = 0;
    for (int len = 1; len <= MAX_LENGTH; len++) {
      for (int s = 0; s < alphabet; s++) {
        if (length[s] == len) {
          code[s] = next++;
        }
      }
      next <<= 1;
    }
  }

  /** Each selector as its position in a move-to-front list of the tables, in unary. */
  private void writeSelectors(int groups, Bzip2BitWriter out) throws IOException {
    byte[] recent = {0, 1, 2, 3, 4, 5};
    for (int g = 0; g < groups; g++) {
      byte selector = selectors[g];
      int j = 0;
      while (recent[j] != selector) {
        j++;
      }
      System.arraycopy(recent, 0, recent, 1, j);
      recent[0] = selector;
      out.write(j + 1, ((1 << j) - 1) << 1);
    }
  }

  /** Each table's lengths: the first in 5 bits, then each as a change from the one before. */
  private void writeLengths(int tables, int alphabet, Bzip2BitWriter out) throws IOException {
    for (int t = 0; t < tables; t++) {
      byte[] length = lengths[t];
      int current = length[0];
      out.write(5, current);
      for (int s = 0; s < alphabet; s++) {
        for (; current < length[s]; current++) {
          out.write(2, 2);
        }
        for (; current > length[s]; current--) {
          out.write(2, 3);
        }
        out.write(1, 0);
      }
    }
  }
}

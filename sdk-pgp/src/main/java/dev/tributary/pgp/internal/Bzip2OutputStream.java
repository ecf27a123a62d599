package dev.tributary.pgp.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Writes one bzip2 stream, as {@code bzip2 -1} to {@code -9} would: "BZh", the block size, blocks
 * of at most that many hundred thousand bytes after the first run-length coding, and the end marker
 * with the combined CRC. Blocks are never randomised (bzip2 0.9's deprecated mode, which OpenPGP.js
 * and Go's {@code compress/bzip2} refuse), because {@link Bzip2RotationSorter} needs no escape from
 * repetitive data. Decoding is BouncyCastle's (see {@link CompressedContent}).
 *
 * <p>Per block: run-length coding of runs of 4 to 255 equal bytes, the Burrows–Wheeler transform,
 * move-to-front with zero runs coded as RUNA/RUNB, and {@link Bzip2Huffman}'s tables. Memory is
 * allocated once per stream: about 19 MiB at 900k blocks (the sorter's 13.7 MiB, the block and its
 * symbols), about 1.8 MiB at 100k.
 *
 * <p>Closing writes the end of the stream and closes {@code out}; {@link #abandon} stops without
 * writing more. Not thread-safe. Public for the tests in {@code dev.tributary.pgp} and the
 * benchmarks' {@code Bzip2Harness}; like all of {@code internal}, not API.
 */
public final class Bzip2OutputStream extends OutputStream {
  /** The most bytes a block holds, below the limit {@code 100_000 * level}, as libbzip2 keeps. */
  private static final int MARGIN = 19;

  private final OutputStream out;
  private final Bzip2BitWriter bits;
  private final int capacity;
  private final byte[] block;
  private final Bzip2RotationSorter sorter;
  private final Bzip2Huffman huffman;
  private final char[] symbols;
  private final int[] frequency = new int[258];
  private final boolean[] inUse = new boolean[256];
  private final int[] index = new int[256];
  private final char[] recent = new char[256];
  private int length;
  private int origin;
  private int blockCrc = -1;
  private int streamCrc;
  private int runByte = -1;
  private int runLength;
  private boolean closed;

  /**
   * Writes the stream header.
   *
   * @param level the block size in 100k, 1 to 9
   */
  public Bzip2OutputStream(OutputStream out, int level) throws IOException {
    if (level < 1 || level > 9) {
      throw new IllegalArgumentException("the bzip2 block size must be 1 to 9: " + level);
    }
    this.out = out;
    this.capacity = 100_000 * level - MARGIN;
    this.bits = new Bzip2BitWriter(out);
    block = new byte[capacity];
    sorter = new Bzip2RotationSorter(capacity);
    huffman = new Bzip2Huffman(capacity + 1);
    symbols = new char[capacity + 1];
    bits.write(24, 'B' << 16 | 'Z' << 8 | 'h');
    bits.write(8, '0' + level);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (closed) {
      throw new IOException("the bzip2 stream is closed");
    }
    int end = off + len;
    int current = runByte;
    int run = runLength;
    for (int i = off; i < end; i++) {
      int v = b[i] & 0xFF;
      if (v == current && run < 255) {
        run++;
      } else {
        if (run > 0) {
          addRun(current, run);
        }
        current = v;
        run = 1;
      }
    }
    runByte = current;
    runLength = run;
  }

  /** Adds a run of 1 to 255 bytes to the block: up to 4 of them, then the rest's count. */
  private void addRun(int value, int run) throws IOException {
    if (length + Math.min(run, 5) > capacity) {
      writeBlock();
    }
    blockCrc = Bzip2BitWriter.crc(blockCrc, value, run);
    inUse[value] = true;
    byte v = (byte) value;
    for (int i = Math.min(run, 4); i > 0; i--) {
      block[length++] = v;
    }
    if (run >= 4) {
      block[length++] = (byte) (run - 4);
      inUse[run - 4] = true;
    }
  }

  private void writeBlock() throws IOException {
    int crc = ~blockCrc;
    streamCrc = (streamCrc << 1 | streamCrc >>> 31) ^ crc;
    int used = indexBytesInUse();
    int count = moveToFront(sorter.sort(block, length), used);
    bits.write(24, 0x314159);
    bits.write(24, 0x265359);
    bits.write(32, crc);
    bits.write(1, 0); // not randomised
    bits.write(24, origin);
    writeSymbolMap();
    huffman.write(symbols, count, used + 2, frequency, bits);
    length = 0;
    blockCrc = -1;
    Arrays.fill(inUse, false);
  }

  /** Numbers the bytes in use from 0, in order; returns how many there are. */
  private int indexBytesInUse() {
    int used = 0;
    for (int b = 0; b < 256; b++) {
      if (inUse[b]) {
        index[b] = used;
        recent[used] = (char) used;
        used++;
      }
    }
    Arrays.fill(frequency, 0, used + 2, 0);
    return used;
  }

  /**
   * Turns the last column of the sorted rotations into {@link #symbols}: each byte's position in a
   * move-to-front list of the bytes in use, zero runs in bijective base 2 (RUNA 0 counts 1, RUNB 1
   * counts 2, doubling at each digit), other positions p as p + 1, then the end of block. Also
   * finds {@link #origin}, the original block's place among the sorted rotations.
   *
   * @return the number of symbols
   */
  private int moveToFront(int[] order, int used) {
    int count = 0;
    int zeros = 0;
    for (int i = 0; i < length; i++) {
      int start = order[i];
      if (start == 0) {
        origin = i;
      }
      int s = index[block[start == 0 ? length - 1 : start - 1] & 0xFF];
      if (recent[0] == s) {
        zeros++;
        continue;
      }
      count = putZeros(zeros, count);
      zeros = 0;
      char moved = recent[0];
      int j = 1;
      for (; recent[j] != s; j++) {
        char t = recent[j];
        recent[j] = moved;
        moved = t;
      }
      recent[j] = moved;
      recent[0] = (char) s;
      symbols[count++] = (char) (j + 1);
      frequency[j + 1]++;
    }
    count = putZeros(zeros, count);
    int endOfBlock = used + 1;
    symbols[count++] = (char) endOfBlock;
    frequency[endOfBlock]++;
    return count;
  }

  private int putZeros(int zeros, int count) {
    int r = zeros;
    while (r > 0) {
      int digit = (r - 1) & 1;
      symbols[count++] = (char) digit;
      frequency[digit]++;
      r = (r - 1) >> 1;
    }
    return count;
  }

  /** Writes which bytes occur, in 16 ranges of 16. */
  private void writeSymbolMap() throws IOException {
    int ranges = 0;
    for (int r = 0; r < 16; r++) {
      for (int i = 0; i < 16; i++) {
        if (inUse[r * 16 + i]) {
          ranges |= 0x8000 >>> r;
          break;
        }
      }
    }
    bits.write(16, ranges);
    for (int r = 0; r < 16; r++) {
      if ((ranges & (0x8000 >>> r)) != 0) {
        int map = 0;
        for (int i = 0; i < 16; i++) {
          if (inUse[r * 16 + i]) {
            map |= 0x8000 >>> i;
          }
        }
        bits.write(16, map);
      }
    }
  }

  /** Writes out the whole bytes compressed so far; the block being filled stays. */
  @Override
  public void flush() throws IOException {
    if (!closed) {
      bits.flush();
      out.flush();
    }
  }

  /** Writes the last block and the end of the stream, and closes {@code out}. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (runLength > 0) {
      addRun(runByte, runLength);
      runLength = 0;
    }
    if (length > 0) {
      writeBlock();
    }
    bits.write(24, 0x177245);
    bits.write(24, 0x385090);
    bits.write(32, streamCrc);
    bits.finish();
    out.close();
  }

  /**
   * Ends the stream without writing anything more, for a message being aborted, and lets the
   * block's memory go; {@code out} stays open. Writing afterwards fails; close does nothing.
   */
  public void abandon() {
    closed = true;
  }
}

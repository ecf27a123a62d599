package dev.tributary.pgp.internal;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a bzip2 stream's bits, most significant first, through an 8 KiB buffer. Also holds bzip2's
 * CRC-32 (the non-reflected one, polynomial 0x04C11DB7), which the stream's blocks and its end
 * carry. Not thread-safe.
 */
final class Bzip2BitWriter {
  private static final int[] CRC_TABLE = crcTable();

  private final OutputStream out;
  private final byte[] buffer = new byte[1 << 13];
  private int used;

  /** The pending bits, in the low {@link #pending} bits. */
  private long bits;

  private int pending;

  Bzip2BitWriter(OutputStream out) {
    this.out = out;
  }

  /** Writes the low {@code n} bits of {@code value}, 0 ≤ n ≤ 32. */
  void write(int n, int value) throws IOException {
    bits = (bits << n) | (value & ((1L << n) - 1));
    pending += n;
    while (pending >= 8) {
      pending -= 8;
      buffer[used++] = (byte) (bits >>> pending);
      if (used == buffer.length) {
        out.write(buffer, 0, used);
        used = 0;
      }
    }
  }

  /** Pads the last byte with zero bits and writes out everything buffered. */
  void finish() throws IOException {
    if (pending > 0) {
      write(8 - pending, 0);
    }
    flush();
  }

  /** Writes out the whole bytes buffered; a partial byte stays. */
  void flush() throws IOException {
    if (used > 0) {
      out.write(buffer, 0, used);
      used = 0;
    }
  }

  /** {@code crc} updated with {@code count} copies of the byte {@code b}. */
  static int crc(int crc, int b, int count) {
    for (int i = 0; i < count; i++) {
      crc = (crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ b) & 0xFF];
    }
    return crc;
  }

  private static int[] crcTable() {
    int[] table = new int[256];
    for (int i = 0; i < 256; i++) {
      int c = i << 24;
      for (int k = 0; k < 8; k++) {
        c = (c & 0x80000000) != 0 ? (c << 1) ^ 0x04C11DB7 : c << 1;
      }
      table[i] = c;
    }
    return table;
  }
}

package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.function.IntSupplier;

/** Test data, and moving it through streams in pieces of awkward sizes. */
final class Chunks {
  private Chunks() {}

  static byte[] random(long seed, int length) {
    byte[] data = new byte[length];
    new Random(seed).nextBytes(data);
    return data;
  }

  /**
   * Asserts that {@code actual} holds the bytes of {@code expected}, naming the length or the first
   * difference rather than printing megabytes of both.
   */
  static void assertSameBytes(byte[] actual, byte[] expected, String what) {
    assertThat(actual.length).as("%s: length", what).isEqualTo(expected.length);
    assertThat(Arrays.mismatch(actual, expected))
        .as("%s: first byte that differs", what)
        .isEqualTo(-1);
  }

  /** Piece sizes from 1 up to {@code max}, mostly odd ones, now and then a single byte. */
  static IntSupplier oddSizes(Random random, int max) {
    return () -> random.nextInt(8) == 0 ? 1 : 1 + random.nextInt(max);
  }

  /**
   * Writes {@code data} to {@code out} in pieces of the sizes {@code sizes} gives (cut at the end),
   * each piece of one byte through {@code write(int)}.
   */
  static void write(OutputStream out, byte[] data, IntSupplier sizes) throws IOException {
    int off = 0;
    while (off < data.length) {
      int n = Math.min(data.length - off, sizes.getAsInt());
      if (n == 1) {
        out.write(data[off]);
      } else {
        out.write(data, off, n);
      }
      off += n;
    }
  }

  /**
   * Reads {@code in} to its end asking for pieces of the sizes {@code sizes} gives (a size of one
   * through {@code read()}), into a buffer at a moving offset.
   */
  static byte[] readAll(InputStream in, IntSupplier sizes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[1 << 20];
    while (true) {
      int size = sizes.getAsInt();
      if (size == 1) {
        int b = in.read();
        if (b < 0) {
          return out.toByteArray();
        }
        out.write(b);
        continue;
      }
      int off = (buffer.length - size) / 3;
      int n = in.read(buffer, off, size);
      if (n < 0) {
        return out.toByteArray();
      }
      out.write(buffer, off, n);
    }
  }
}

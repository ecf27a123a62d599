package dev.tributary.pgp.internal;

import java.util.zip.Deflater;

/**
 * Decides from the first bytes of the data whether compressing it is worth the CPU: data that is
 * already compressed (gzip, zip, bzip2, xz, zstd, 7z, JPEG, PNG, …) or random-looking (encrypted)
 * is stored instead, which costs nothing and saves zlib's tens of MB/s.
 */
final class Compressibility {
  /** How many bytes the decision looks at. */
  static final int SAMPLE = 64 * 1024;

  private static final byte[][] MAGIC = {
    {0x1f, (byte) 0x8b}, // gzip
    {'P', 'K', 3, 4}, // zip, docx, xlsx, jar
    {'B', 'Z', 'h'}, // bzip2
    {(byte) 0xfd, '7', 'z', 'X', 'Z', 0}, // xz
    {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd}, // zstd
    {'7', 'z', (byte) 0xbc, (byte) 0xaf}, // 7z
    {(byte) 0xff, (byte) 0xd8, (byte) 0xff}, // JPEG
    {(byte) 0x89, 'P', 'N', 'G'}, // PNG
    {'P', 'A', 'R', '1'}, // Parquet
    {0x04, 0x22, 0x4d, 0x18} // LZ4
  };

  private Compressibility() {}

  static boolean worthCompressing(byte[] sample, int length) {
    if (length < 64) {
      return true;
    }
    for (byte[] magic : MAGIC) {
      if (startsWith(sample, length, magic)) {
        return false;
      }
    }
    Deflater deflater = new Deflater(1, true);
    try {
      deflater.setInput(sample, 0, length);
      deflater.finish();
      byte[] out = new byte[length + 1024];
      int compressed = 0;
      while (!deflater.finished()) {
        compressed += deflater.deflate(out, 0, out.length);
      }
      return compressed < length * 0.9;
    } finally {
      deflater.end();
    }
  }

  private static boolean startsWith(byte[] data, int length, byte[] magic) {
    if (length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (data[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}

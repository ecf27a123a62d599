package dev.tributary.pgp;

import java.nio.ByteBuffer;

/** Where things are in a binary OpenPGP message, for tests that damage it in one place. */
final class Packets {
  private Packets() {}

  /** Where the body of the encrypted data packet (tag 18 or 20) starts, after its header. */
  static int encryptedDataBodyStart(byte[] m) {
    int p = 0;
    while (p < m.length) {
      boolean newFormat = (m[p] & 0x40) != 0;
      int tag = newFormat ? m[p] & 0x3f : (m[p] >> 2) & 0x0f;
      int headerLength;
      long length;
      if (!newFormat) {
        int octets = 1 << (m[p] & 3); // 1, 2 or 4; 8 (indeterminate) is never written
        headerLength = 1 + octets;
        length = 0;
        for (int i = 0; i < octets; i++) {
          length = (length << 8) | (m[p + 1 + i] & 0xff);
        }
      } else if ((m[p + 1] & 0xff) < 192) {
        headerLength = 2;
        length = m[p + 1] & 0xff;
      } else if ((m[p + 1] & 0xff) < 224) {
        headerLength = 3;
        length = (((m[p + 1] & 0xff) - 192) << 8) + (m[p + 2] & 0xff) + 192;
      } else if ((m[p + 1] & 0xff) == 255) {
        headerLength = 6;
        length = ByteBuffer.wrap(m, p + 2, 4).getInt() & 0xffffffffL;
      } else {
        headerLength = 2; // a partial body length: only the encrypted data has one
        length = 0;
      }
      if (tag == 18 || tag == 20) {
        return p + headerLength;
      }
      p += headerLength + (int) length;
    }
    throw new IllegalStateException("no encrypted data packet");
  }
}

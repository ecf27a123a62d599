package dev.tributary.pgp.internal;

/**
 * The XOR of two byte ranges, the last step of CFB in both directions. A method of its own so that
 * the JIT compiles (and vectorizes) this one loop early, on its own, rather than as part of a
 * larger caller compiled later.
 */
final class Xor {
  private Xor() {}

  /** {@code out[outOff + i] = a[aOff + i] ^ b[bOff + i]} for i in [0, len). */
  static void xor(byte[] a, int aOff, byte[] b, int bOff, byte[] out, int outOff, int len) {
    for (int i = 0; i < len; i++) {
      out[outOff + i] = (byte) (a[aOff + i] ^ b[bOff + i]);
    }
  }
}

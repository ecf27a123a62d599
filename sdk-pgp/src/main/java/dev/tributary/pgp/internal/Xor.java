package dev.tributary.pgp.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The XOR of two byte ranges, the last step of CFB in both directions, eight bytes at a time. The
 * JIT of JDK 17 does not vectorize a byte loop over three arrays at different offsets (it cannot
 * tell that they do not overlap), so a byte loop runs at about a byte per cycle; reading and
 * writing longs through a byte-array view is several times faster once compiled. (With all three at
 * one offset it does vectorize a byte loop, about 1.4 times as fast as this one alone; laid out so
 * in decryption, that made no difference to a 512 MiB {@code sop decrypt}, whose XOR is bound by
 * memory traffic: sdk-pgp/README.md, stop 29.)
 *
 * <p>Ranges are XORed 4 KiB at a time, by a method of its own, for the JIT's sake (as {@link
 * JdkPieces}): a 256 KiB call spends so long in its loop that C2 first compiles the loop alone (an
 * on-stack replacement) and then the whole method again; in 4 KiB calls it compiles the method
 * once, sooner. That saved 0.1–0.4 s of CPU per 512 MiB {@code sop} run.
 */
final class Xor {
  private static final int PIECE = 4096;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

  private Xor() {}

  /**
   * {@code out[outOff + i] = a[aOff + i] ^ b[bOff + i]} for i in [0, len). {@code out} may be
   * {@code a} or {@code b} at the same offset, not overlapping otherwise.
   */
  static void xor(byte[] a, int aOff, byte[] b, int bOff, byte[] out, int outOff, int len) {
    for (int i = 0; i < len; i += PIECE) {
      piece(a, aOff + i, b, bOff + i, out, outOff + i, Math.min(PIECE, len - i));
    }
  }

  private static void piece(
      byte[] a, int aOff, byte[] b, int bOff, byte[] out, int outOff, int len) {
    int i = 0;
    for (; i <= len - 8; i += 8) {
      long x = (long) LONGS.get(a, aOff + i) ^ (long) LONGS.get(b, bOff + i);
      LONGS.set(out, outOff + i, x);
    }
    for (; i < len; i++) {
      out[outOff + i] = (byte) (a[aOff + i] ^ b[bOff + i]);
    }
  }
}

package dev.tributary.pgp.internal;

import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;

/**
 * Bulk data for the JDK's AES and SHA-1, handed over at most 4 KiB per call. The JIT inlines the
 * JDK's multi-block AES (ECB, CBC) and SHA-1 intrinsics only into C2-compiled callers, and C2 takes
 * those callers once they have been called thousands of times, whatever the size of each call. In 4
 * KiB calls that happens after some 20 MiB; in the 256 KiB calls of a decryption it never happened
 * within a 512 MiB file, whose AES then ran one block per call (a seventh of the speed in a
 * microbenchmark), and SHA-1 got its intrinsic only after some 300 MiB in 64 KiB calls. This is
 * what a short-lived process, such as one {@code sop} call, pays; a long-running one gets there
 * either way.
 */
final class JdkPieces {
  private static final int PIECE = 4096;

  private JdkPieces() {}

  /** {@code cipher.update(in, inOff, len, out, outOff)}, piece by piece. */
  static void update(Cipher cipher, byte[] in, int inOff, int len, byte[] out, int outOff)
      throws ShortBufferException {
    for (int i = 0; i < len; i += PIECE) {
      cipher.update(in, inOff + i, Math.min(PIECE, len - i), out, outOff + i);
    }
  }

  /** {@code digest.update(in, off, len)}, piece by piece. */
  static void update(MessageDigest digest, byte[] in, int off, int len) {
    for (int i = 0; i < len; i += PIECE) {
      digest.update(in, off + i, Math.min(PIECE, len - i));
    }
  }
}

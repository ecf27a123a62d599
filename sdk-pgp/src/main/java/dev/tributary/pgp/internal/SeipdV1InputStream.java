package dev.tributary.pgp.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Decrypts the body of a version 1 Symmetrically Encrypted Integrity Protected Data packet (RFC
 * 9580 §5.13.1) and checks its Modification Detection Code: the fast path of decryption.
 *
 * <p>OpenPGP's CFB decrypts block i as {@code C[i] XOR E(C[i-1])}: every cipher input is already
 * known, so whole 256 KiB chunks go through one ECB call (AES-NI through the JDK) and one XOR loop,
 * eight bytes at a time ({@link Xor}), and the SHA-1 of the MDC runs on the JDK's intrinsic, on a
 * helper thread ({@link AsyncSha1}), from the very buffers the chunks are decrypted into. The
 * stream returns the packets inside (the random prefix and the trailing MDC packet removed) and
 * holds back the last 22 bytes until the end, where it verifies the MDC: {@link #read} throws
 * {@link IntegrityFailure} instead of reporting the end when the check fails or the data ends
 * early, and again on every later read: the check cannot be made twice (its hash is spent), and a
 * caller that reads on after a failure on another thread (the read-ahead of a compressed packet
 * whose length is indeterminate reads to this stream's end) must still learn of it. A message
 * longer than one chunk starts the JVM's {@link HotPathWarmUp}. Not thread-safe.
 */
final class SeipdV1InputStream extends InputStream {
  private static final int CHUNK = 1 << 18;
  private static final int MDC_LENGTH = 22;
  private static final int IV_AREA = 16;

  private final InputStream raw;
  private final BlockEncryptor cipher;
  private final int bs;

  /** Hands out the buffers {@link #pt} decrypts into, and hashes them without a copy. */
  private final AsyncSha1 sha1 = new AsyncSha1(CHUNK + MDC_LENGTH + IV_AREA);

  /** [IV_AREA - bs, IV_AREA): the previous ciphertext block; then the ciphertext chunk. */
  private final byte[] ct = new byte[IV_AREA + CHUNK];

  private final byte[] ks = new byte[CHUNK + IV_AREA];

  /**
   * Decrypted bytes, in the MDC's buffer last claimed: [pos, lim) are unread; the last MDC_LENGTH
   * are held back until the end.
   */
  private byte[] pt = new byte[0];

  private int pos;
  private int lim;

  /** [0, hashed) of {@link #pt} has been handed to the MDC hash. */
  private int hashed;

  private int prefixLeft;
  private boolean sourceDone;
  private boolean verified;

  /** The integrity failure found, thrown again by every later read. */
  private @Nullable IntegrityFailure failed;

  SeipdV1InputStream(InputStream raw, BlockEncryptor cipher) {
    this.raw = raw;
    this.cipher = cipher;
    this.bs = cipher.blockSize();
    this.prefixLeft = bs + 2;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (failed != null) {
      throw new IntegrityFailure(failed.getMessage(), failed);
    }
    try {
      while (releasable() == 0) {
        if (sourceDone) {
          verify();
          return -1;
        }
        fill();
      }
    } catch (IntegrityFailure e) {
      failed = e;
      throw e;
    }
    int n = Math.min(len, releasable());
    System.arraycopy(pt, pos, b, off, n);
    pos += n;
    return n;
  }

  private int releasable() {
    if (prefixLeft > 0) {
      return 0;
    }
    return Math.max(0, lim - pos - MDC_LENGTH);
  }

  private void fill() throws IOException {
    int m;
    try {
      m = raw.readNBytes(ct, IV_AREA, CHUNK);
    } catch (EOFException e) {
      throw new IntegrityFailure("the encrypted data ends early", e);
    }
    if (m < CHUNK) {
      sourceDone = true;
    } else if (cipher.isJdkAes()) {
      HotPathWarmUp.forDecryption(); // more than one chunk: worth getting the JIT here sooner
    }
    // Keep the held-back bytes (at most 22), then decrypt the chunk after them, into the MDC's next
    // buffer: the helper hashes it there while this thread reads it. The next buffer is never the
    // one published last, so the held-back bytes are still there to copy.
    byte[] next = sha1.claim();
    int kept = lim - pos;
    System.arraycopy(pt, pos, next, 0, kept);
    pt = next;
    hashed = Math.max(0, hashed - pos);
    pos = 0;
    lim = kept;
    if (m > 0) {
      int blocks = (m + bs - 1) / bs;
      cipher.encryptBlocks(ct, IV_AREA - bs, blocks * bs, ks, 0);
      Xor.xor(ct, IV_AREA, ks, 0, pt, lim, m);
      lim += m;
      if (!sourceDone) {
        System.arraycopy(ct, IV_AREA + m - bs, ct, IV_AREA - bs, bs);
      }
    }
    // Everything but the last 22 bytes (which may be the MDC packet) is final: hash it.
    int from = hashed;
    hashed = Math.max(hashed, lim - MDC_LENGTH);
    sha1.publish(from, hashed - from, sourceDone);
    consumePrefix();
  }

  private void consumePrefix() throws IOException {
    if (prefixLeft == 0) {
      return;
    }
    if (lim - pos < prefixLeft) {
      if (sourceDone) {
        throw new IntegrityFailure("the encrypted data is too short");
      }
      return;
    }
    // The prefix repeats its last two random bytes: a quick check that the session key is right.
    if (pt[pos + bs - 2] != pt[pos + bs] || pt[pos + bs - 1] != pt[pos + bs + 1]) {
      throw new IntegrityFailure("the quick check of the random prefix failed");
    }
    pos += prefixLeft;
    prefixLeft = 0;
  }

  private void verify() throws IOException {
    if (verified) {
      return;
    }
    if (prefixLeft > 0 || lim - pos != MDC_LENGTH) {
      throw new IntegrityFailure("the encrypted data is too short to hold its MDC");
    }
    if ((pt[pos] & 0xff) != 0xD3 || (pt[pos + 1] & 0xff) != 0x14) {
      throw new IntegrityFailure("the MDC packet is missing");
    }
    byte[] expected = sha1.digest(pt, hashed, pos + 2 - hashed);
    sha1.close();
    byte[] actual = Arrays.copyOfRange(pt, pos + 2, pos + MDC_LENGTH);
    if (!MessageDigest.isEqual(expected, actual)) {
      throw new IntegrityFailure("the MDC does not match");
    }
    verified = true;
  }

  @Override
  public void close() throws IOException {
    sha1.close();
    raw.close();
  }
}

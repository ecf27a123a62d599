package dev.tributary.pgp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link AsyncSha1}: the digest of what was given, whether it was hashed on the helper thread or
 * the caller's; close may be called more than once.
 */
@Timeout(20)
class AsyncSha1Test {
  private static final int BUFFER = 1 << 17;

  static byte[] sha1(byte[] data) throws Exception {
    return MessageDigest.getInstance("SHA-1").digest(data);
  }

  @Test
  void digest_isTheSha1OfWhatWasGiven_smallOrLarge() throws Exception {
    for (int length : new int[] {0, 1, BUFFER - 1, BUFFER, 5 * BUFFER + 3}) {
      byte[] data = Chunks.random(length, length);
      try (AsyncSha1 sha1 = new AsyncSha1()) {
        int half = length / 2;
        sha1.update(data, 0, half);
        sha1.update(data, half, length - half);
        assertThat(sha1.digest()).as("%d bytes", length).isEqualTo(sha1(data));
      }
    }
  }

  /**
   * A pending interrupt does not fail the digest of data under one buffer, hashed on the caller's
   * thread with nothing to wait for: it used to throw IllegalStateException "interrupted while
   * hashing", which fails a decryption at its MDC check.
   */
  @Test
  void pendingInterrupt_smallData_digestsWithoutAnException_andKeepsTheInterrupt()
      throws Exception {
    byte[] data = Chunks.random(2, 1000);
    byte[][] digest = new byte[1][];
    Background caller =
        Background.start(
            "caller",
            () -> {
              Thread.currentThread().interrupt();
              try (AsyncSha1 sha1 = new AsyncSha1()) {
                sha1.update(data, 0, data.length);
                digest[0] = sha1.digest();
              }
            });
    assertThat(caller.join()).isNull();
    assertThat(caller.interruptedAtEnd()).as("interrupt status kept").isTrue();
    assertThat(digest[0]).isEqualTo(sha1(data));
  }

  /**
   * Buffers claimed and filled by the caller (as decryption fills them), then a tail given to the
   * digest: the SHA-1 of all of it, in order, with one buffer or many.
   */
  @Test
  void claimedBuffers_andATail_digestToTheSha1OfAll() throws Exception {
    for (int buffers : new int[] {1, 9}) {
      byte[] data = Chunks.random(buffers, buffers * 1000 + 7);
      try (AsyncSha1 sha1 = new AsyncSha1(1024)) {
        for (int i = 0; i < buffers; i++) {
          byte[] b = sha1.claim();
          assertThat(b).hasSize(1024);
          System.arraycopy(data, i * 1000, b, 24, 1000);
          sha1.publish(24, 1000, i == buffers - 1);
        }
        assertThat(sha1.digest(data, buffers * 1000, 7))
            .as("%d buffers", buffers)
            .isEqualTo(sha1(data));
      }
    }
  }

  @Test
  void close_twice_doesNothingMore() throws Exception {
    byte[] data = Chunks.random(1, 3 * BUFFER);
    AsyncSha1 sha1 = new AsyncSha1();
    sha1.update(data, 0, data.length);
    assertThat(sha1.digest()).isEqualTo(sha1(data));
    sha1.close();
    sha1.close();
  }
}

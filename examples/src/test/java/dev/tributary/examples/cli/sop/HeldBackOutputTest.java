package dev.tributary.examples.cli.sop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HeldBackOutputTest {
  static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new SplittableRandom(seed).nextBytes(b);
    return b;
  }

  /** Writes {@code data} to {@code held} in pieces of varying size, 1 to 100,000 bytes. */
  static void writeInPieces(HeldBackOutput held, byte[] data) throws Exception {
    SplittableRandom sizes = new SplittableRandom(3);
    for (int at = 0; at < data.length; ) {
      int n = Math.min(data.length - at, 1 + sizes.nextInt(100_000));
      held.write(data, at, n);
      at += n;
    }
  }

  @Test
  void upToTheLimit_nothingIsWrittenUntilRelease_thenAllOfItInOrder() throws Exception {
    int limit = 1 << 20; // four pieces of 256 KiB
    for (int size : new int[] {0, 1, 256 << 10, (256 << 10) + 1, limit - 1, limit}) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      HeldBackOutput held = new HeldBackOutput(out, limit);
      byte[] data = random(size, size);
      writeInPieces(held, data);
      held.flush();
      assertThat(out.size()).as("held back, %d bytes", size).isZero();
      assertThat(held.streaming()).isFalse();
      held.release();
      assertThat(out.toByteArray()).as("%d bytes", size).isEqualTo(data);
    }
  }

  @Test
  void pastTheLimit_theHeldDataIsWritten_andTheRestStreamsOn() throws Exception {
    int limit = 1 << 20;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    HeldBackOutput held = new HeldBackOutput(out, limit);
    byte[] data = random(3 * limit + 12_345, 9);
    held.write(data, 0, limit);
    assertThat(out.size()).isZero();
    held.write(data[limit]);
    assertThat(held.streaming()).isTrue();
    assertThat(out.toByteArray()).isEqualTo(Arrays.copyOf(data, limit + 1));
    held.write(data, limit + 1, data.length - limit - 1);
    held.release();
    assertThat(out.toByteArray()).isEqualTo(data);
  }

  @Test
  void aFailedMessage_neverReleased_writesNothing() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    HeldBackOutput held = new HeldBackOutput(out, HeldBackOutput.LIMIT);
    writeInPieces(held, random(5 << 20, 1));
    held.flush();
    assertThat(out.size()).isZero();
    assertThat(HeldBackOutput.LIMIT).isEqualTo(16 << 20);
  }
}

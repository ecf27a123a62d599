package dev.tributary.examples.cli.sop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UnfinishedOnFailureTest {
  /** Writes {@code data} in pieces of 1 to {@code max} bytes, some of them single bytes. */
  static void writeInPieces(UnfinishedOnFailure target, byte[] data, int max) throws IOException {
    SplittableRandom sizes = new SplittableRandom(data.length);
    for (int at = 0; at < data.length; ) {
      int n = Math.min(data.length - at, 1 + sizes.nextInt(max));
      if (n == 1) {
        target.write(data[at]);
      } else {
        target.write(data, at, n);
      }
      at += n;
    }
  }

  static byte[] random(int n) {
    byte[] b = new byte[n];
    new SplittableRandom(n).nextBytes(b);
    return b;
  }

  @Test
  void finish_writesEverythingInOrder_whateverThePieces() throws Exception {
    for (int size : new int[] {0, 1, 99, 100, 101, 1000, 100_000}) {
      for (int max : new int[] {1, 7, 100, 250}) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        UnfinishedOnFailure target = new UnfinishedOnFailure(out, 100);
        byte[] data = random(size);
        writeInPieces(target, data, max);
        target.flush();
        assertThat(out.size())
            .as("%d bytes in pieces up to %d", size, max)
            .isEqualTo(Math.max(0, size - 100));
        target.finish();
        assertThat(out.toByteArray()).as("%d bytes in pieces up to %d", size, max).isEqualTo(data);
      }
    }
  }

  @Test
  void fail_dropsTheLastBytes_andAllThatComesAfter() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    UnfinishedOnFailure target = new UnfinishedOnFailure(out, 100);
    byte[] data = random(1000);
    writeInPieces(target, data, 30);
    target.fail();
    target.write(new byte[500], 0, 500);
    target.write('x');
    target.finish();
    assertThat(out.toByteArray()).isEqualTo(Arrays.copyOf(data, 900));
  }

  @Test
  void aFailedReadOfTheWatchedInput_dropsWhatIsWrittenAfterIt() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    UnfinishedOnFailure target = new UnfinishedOnFailure(out, 10);
    InputStream failing =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("not UTF-8");
          }
        };
    InputStream in =
        target.watch(new SequenceInputStream(new ByteArrayInputStream(random(50)), failing));
    byte[] buffer = new byte[50];
    assertThat(in.readNBytes(buffer, 0, 50)).isEqualTo(50);
    target.write(buffer);
    assertThatThrownBy(in::read).hasMessage("not UTF-8");
    target.write(new byte[] {'E', 'N', 'D'});
    target.finish();
    assertThat(out.toByteArray()).isEqualTo(Arrays.copyOf(buffer, 40));
  }
}

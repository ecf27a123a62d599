package dev.tributary.benchmarks;

import dev.tributary.pgp.internal.CrLfToLf;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The line-ending conversion that decryption runs on text literal data ({@code
 * TextLineEndings.NATIVE}, the default, on Unix): 16 MiB of CSV rows with CRLF line endings, like
 * pgp-vs-gpg.sh's crlf.csv, read through {@link CrLfToLf#input} in the 256 KiB reads that {@code
 * PgpDecryptor.decrypt} makes, against the same reads without the conversion ({@link #copy}).
 * Milliseconds per 16 MiB: 16 ms is 1000 MiB/s, about what decryption itself reaches.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CrLfToLfBenchmark {
  private byte[] text;
  private final byte[] buffer = new byte[1 << 18];

  @Setup
  public void makeText() {
    text = csvRows("\r\n");
  }

  /**
   * 16 MiB of CSV rows like pgp-vs-gpg.sh's data.csv, each ended by {@code ending}, as US-ASCII:
   * the text of this benchmark and of {@link CrlfOutputStreamBenchmark}.
   */
  static byte[] csvRows(String ending) {
    StringBuilder s = new StringBuilder();
    Random random = new Random(7);
    for (int i = 0; s.length() < 16 << 20; i++) {
      s.append(
              String.format(
                  "%08d,user%07d@example.com,%s,%05.2f",
                  i,
                  random.nextInt(10_000_000),
                  random.nextBoolean() ? "DE" : "US",
                  random.nextDouble() * 100))
          .append(ending);
    }
    return s.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private long drain(InputStream in) throws IOException {
    long total = 0;
    int n;
    while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
      total += n;
    }
    return total;
  }

  @Benchmark
  public long copy() throws IOException {
    return drain(new ByteArrayInputStream(text));
  }

  @Benchmark
  public long crLfToLf() throws IOException {
    return drain(CrLfToLf.input(new ByteArrayInputStream(text)));
  }
}

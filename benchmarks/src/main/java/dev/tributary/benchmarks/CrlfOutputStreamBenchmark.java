package dev.tributary.benchmarks;

import dev.tributary.pgp.internal.CrlfOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The line-ending conversion that text encryption and text signing run ({@code
 * PgpEncryptor.Builder.text(true)}, {@code SignatureType.TEXT}): 16 MiB of CSV rows, with LF line
 * endings ({@code lf}, made CRLF) or CRLF already ({@code crlf}, kept), written through {@link
 * CrlfOutputStream} in the 64 KiB writes that {@code Interrupts.copy} makes, against the same
 * writes without it ({@link #copy}) and through the per-byte loop {@link CrlfOutputStream} had
 * until stop 39 ({@link #perByte}, kept here to compare in one run). The stream below discards what
 * it is given. Milliseconds per 16 MiB: 16 ms is 1000 MiB/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CrlfOutputStreamBenchmark {
  @Param({"lf", "crlf"})
  public String endings;

  private byte[] text;

  /** Copies what it is given into {@link #piece}, round and round. */
  private final OutputStream sink =
      new OutputStream() {
        private final byte[] piece = new byte[1 << 18];
        private int used;

        @Override
        public void write(int b) {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          while (len > 0) {
            int n = Math.min(len, piece.length - used);
            System.arraycopy(b, off, piece, used, n);
            used = (used + n) % piece.length;
            off += n;
            len -= n;
          }
        }
      };

  @Setup
  public void makeText() {
    text = CrLfToLfBenchmark.csvRows(endings.equals("crlf") ? "\r\n" : "\n");
  }

  private long pour(OutputStream out) throws IOException {
    for (int off = 0; off < text.length; off += 1 << 16) {
      out.write(text, off, Math.min(1 << 16, text.length - off));
    }
    out.close();
    return text.length;
  }

  @Benchmark
  public long copy() throws IOException {
    return pour(sink);
  }

  @Benchmark
  public long crlf() throws IOException {
    return pour(new CrlfOutputStream(sink));
  }

  @Benchmark
  public long perByte() throws IOException {
    return pour(new PerByte(sink));
  }

  /** {@link CrlfOutputStream} as it was before stop 39: one byte at a time. */
  private static final class PerByte extends FilterOutputStream {
    private final ByteArrayOutputStream chunk = new ByteArrayOutputStream(1 << 16);
    private boolean afterCr;

    PerByte(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      chunk.reset();
      for (int i = off; i < off + len; i++) {
        byte c = b[i];
        if (afterCr && c != '\n') {
          chunk.write('\n');
        } else if (!afterCr && c == '\n') {
          chunk.write('\r');
        }
        chunk.write(c);
        afterCr = c == '\r';
      }
      chunk.writeTo(out);
    }
  }
}

package dev.tributary.benchmarks;

import dev.tributary.pgp.internal.Bzip2OutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.bouncycastle.apache.bzip2.CBZip2OutputStream;

/**
 * sdk-pgp's bzip2 encoder ({@code internal.Bzip2OutputStream}) and BouncyCastle's {@code
 * CBZip2OutputStream}, side by side at 900k blocks, on four inputs of the same size: varied CSV
 * (rows that differ, as an export's), random bytes, one row over and over, and zeros. Each input is
 * first compressed once by both on a 2 MiB slice (to warm up the JIT), then {@code rounds} times in
 * full, the two alternating; the best time of each is reported, with the compressed size. Ends with
 * the heap one encoder holds at level 9 and at level 1.
 *
 * <p>Arguments: {@code [MiB per input, default 20] [rounds, default 1]}. BouncyCastle takes a
 * minute or more on the repeated row of 20 MiB, which is its quadratic sort.
 */
public final class Bzip2Harness {
  private Bzip2Harness() {}

  interface Encoder {
    OutputStream open(OutputStream out) throws IOException;
  }

  public static void main(String[] args) throws IOException {
    int mib = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    Encoder ours = out -> new Bzip2OutputStream(out, 9);
    Encoder bc = out -> new CBZip2OutputStream(out, 9);
    System.out.println("input          MiB   ours ms   ours bytes   BC ms     BC bytes   ours/BC");
    for (Map.Entry<String, byte[]> input : inputs(mib << 20).entrySet()) {
      byte[] data = input.getValue();
      byte[] slice = Arrays.copyOf(data, Math.min(data.length, 2 << 20));
      run(ours, slice);
      run(bc, slice);
      long[] best = {Long.MAX_VALUE, Long.MAX_VALUE};
      long[] size = new long[2];
      for (int r = 0; r < rounds; r++) {
        long t = System.nanoTime();
        size[0] = run(ours, data);
        best[0] = Math.min(best[0], System.nanoTime() - t);
        t = System.nanoTime();
        size[1] = run(bc, data);
        best[1] = Math.min(best[1], System.nanoTime() - t);
      }
      System.out.printf(
          Locale.ROOT,
          "%-12s %5d %9d %12d %7d %12d %9.2f%n",
          input.getKey(),
          mib,
          best[0] / 1_000_000,
          size[0],
          best[1] / 1_000_000,
          size[1],
          (double) best[0] / best[1]);
    }
    for (int level : new int[] {9, 1}) {
      System.out.printf(
          Locale.ROOT, "heap of one encoder, level %d: %.1f MiB%n", level, heap(level));
    }
  }

  static Map<String, byte[]> inputs(int size) {
    Map<String, byte[]> inputs = new LinkedHashMap<>();
    inputs.put("varied CSV", variedCsv(size));
    byte[] random = new byte[size];
    new Random(1).nextBytes(random);
    inputs.put("random", random);
    byte[] row = "2026-12-01,export,42,user@example.com\n".getBytes(StandardCharsets.US_ASCII);
    byte[] rows = new byte[size];
    for (int i = 0; i < size; i++) {
      rows[i] = row[i % row.length];
    }
    inputs.put("same row", rows);
    inputs.put("zeros", new byte[size]);
    return inputs;
  }

  /** Like sdk-pgp's OpenPgpJsInteropTest.variedCsv(), scaled: rows whose ids and values differ. */
  static byte[] variedCsv(int size) {
    Random random = new Random(11);
    StringBuilder csv = new StringBuilder(size + 64).append("id,email,score\n");
    for (int i = 0; csv.length() < size; i++) {
      csv.append(i).append(",user").append(random.nextInt(1_000_000)).append("@example.com,");
      csv.append(random.nextInt(1000)).append('\n');
    }
    return Arrays.copyOf(csv.toString().getBytes(StandardCharsets.US_ASCII), size);
  }

  private static long run(Encoder encoder, byte[] data) throws IOException {
    Counter counter = new Counter();
    try (OutputStream out = encoder.open(counter)) {
      for (int off = 0; off < data.length; off += 1 << 16) {
        out.write(data, off, Math.min(1 << 16, data.length - off));
      }
    }
    return counter.count;
  }

  private static double heap(int level) throws IOException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = settledHeap(memory);
    try (Bzip2OutputStream out = new Bzip2OutputStream(OutputStream.nullOutputStream(), level)) {
      long after = settledHeap(memory);
      out.write(1);
      return (after - before) / 1048576.0;
    }
  }

  private static long settledHeap(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static final class Counter extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}

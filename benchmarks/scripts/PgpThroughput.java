import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.Compression;
import dev.tributary.pgp.PgpCertificate;
import dev.tributary.pgp.PgpDecryptor;
import dev.tributary.pgp.PgpEncryptor;
import dev.tributary.pgp.PgpKey;
import dev.tributary.pgp.TextLineEndings;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The in-process side of pgp-vs-gpg.sh: encrypts and decrypts a file several times in one JVM and
 * prints the best throughput, i.e. the steady state without JVM start and JIT warm-up, the least
 * CPU time the calling thread spent on one decryption (what a host's own thread pays; the MDC's
 * SHA-1 runs on a helper thread beside it), the peak heap used over the rounds ({@link
 * #heapPeakMiB}) and the heap's cap ({@link
 * Runtime#maxMemory()}: {@code -Xmx} less one survivor space, so 61 MiB for {@code -Xmx64m} with
 * the serial collector). Earlier versions printed only the cap, as "heap N MiB max".
 *
 * <p>With {@code text} after ROUNDS the file is encrypted as text ({@code
 * PgpEncryptor.Builder.text(true)}: literal data 'u', CRLF line endings) and decrypted with the
 * default {@link TextLineEndings#NATIVE} (each CR LF made LF on Unix) and, on a second line marked
 * "as stored", with {@link TextLineEndings#AS_STORED}, which hands the text out unconverted; the
 * gap between the two is the conversion's cost.
 *
 * <pre>java -Xmx64m -cp tributary-examples.jar PgpThroughput.java FILE CERT KEY ROUNDS [text]</pre>
 */
public final class PgpThroughput {
  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    PgpCertificate cert = PgpCertificate.parse(Files.readString(Path.of(args[1])));
    PgpKey key = PgpKey.parse(Files.readString(Path.of(args[2])), Secret.empty());
    int rounds = Integer.parseInt(args[3]);
    boolean text = args.length > 4 && args[4].equals("text");
    Path out = Files.createTempFile(file.getParent(), "inproc", ".pgp");
    long size = Files.size(file);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (Compression c : new Compression[] {Compression.NONE, Compression.ZLIB}) {
      PgpEncryptor encryptor =
          PgpEncryptor.builder().recipient(cert).compression(c).text(text).build();
      for (TextLineEndings endings :
          text
              ? new TextLineEndings[] {TextLineEndings.NATIVE, TextLineEndings.AS_STORED}
              : new TextLineEndings[] {TextLineEndings.NATIVE}) {
        PgpDecryptor decryptor = PgpDecryptor.builder().key(key).textLineEndings(endings).build();
        double enc = Double.MAX_VALUE;
        double dec = Double.MAX_VALUE;
        long decCpu = Long.MAX_VALUE;
        resetHeapPeak();
        for (int i = 0; i < rounds; i++) {
          long t = System.nanoTime();
          try (InputStream in = Files.newInputStream(file);
              OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            encryptor.encrypt(in, o);
          }
          enc = Math.min(enc, (System.nanoTime() - t) / 1e9);
          t = System.nanoTime();
          long cpu = threads.getCurrentThreadCpuTime();
          try (InputStream in = Files.newInputStream(out)) {
            decryptor.decrypt(in, OutputStream.nullOutputStream());
          }
          decCpu = Math.min(decCpu, threads.getCurrentThreadCpuTime() - cpu);
          dec = Math.min(dec, (System.nanoTime() - t) / 1e9);
        }
        System.out.printf(
            "in-process %-5s %s: encrypt %7.1f MiB/s   decrypt %7.1f MiB/s, caller's CPU %4d ms"
                + "   (best of %d, heap peak %d MiB, cap %d MiB)%n",
            c,
            file.getFileName() + (endings == TextLineEndings.AS_STORED ? " as stored" : ""),
            size / 1048576.0 / enc,
            size / 1048576.0 / dec,
            decCpu / 1_000_000,
            rounds,
            heapPeakMiB(),
            Runtime.getRuntime().maxMemory() >> 20);
      }
    }
    Files.delete(out);
  }

  /** Collects garbage, then resets each heap pool's peak to its current use. */
  static void resetHeapPeak() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /**
   * The heap used at its peak since {@link #resetHeapPeak}, in MiB: the sum of each heap pool's
   * peak. The pools peak at different moments, so this bounds the true peak from above; it counts
   * garbage not yet collected, as a young generation fills up before each collection.
   */
  static long heapPeakMiB() {
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        used += pool.getPeakUsage().getUsed();
      }
    }
    return used >> 20;
  }
}

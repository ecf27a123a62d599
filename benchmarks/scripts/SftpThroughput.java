import dev.tributary.core.auth.Authorization;
import dev.tributary.core.auth.Secret;
import dev.tributary.sftp.ExistingTarget;
import dev.tributary.sftp.HostKeyPolicy;
import dev.tributary.sftp.SftpClient;
import dev.tributary.sftp.UploadOptions;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The in-process side of sftp-vs-openssh.sh: uploads and downloads a file several times through
 * one {@link SftpClient} in one JVM and prints the best throughput, i.e. the steady state of the
 * library without JVM start and JIT warm-up (what a host's job sees after its first transfer),
 * with the peak heap used over the rounds ({@link #heapPeakMiB}) and the heap's cap ({@link
 * Runtime#maxMemory()}, about {@code -Xmx}). Earlier versions printed only the cap, as "heap N MiB
 * max".
 *
 * <pre>java -cp tributary-examples.jar SftpThroughput.java FILE PORT USER KEY KNOWN_HOSTS ROUNDS</pre>
 */
public final class SftpThroughput {
  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int port = Integer.parseInt(args[1]);
    String user = args[2];
    Secret key = Secret.of(Files.readString(Path.of(args[3])));
    Path knownHosts = Path.of(args[4]);
    int rounds = Integer.parseInt(args[5]);
    long size = Files.size(file);
    UploadOptions overwrite =
        UploadOptions.builder().existingTarget(ExistingTarget.OVERWRITE).build();
    double put = Double.MAX_VALUE;
    double get = Double.MAX_VALUE;
    try (SftpClient client =
        SftpClient.builder("127.0.0.1")
            .port(port)
            .authorization(Authorization.sftpPrivateKey(user, key, Secret.empty()))
            .hostKeys(HostKeyPolicy.knownHosts(knownHosts))
            .build()) {
      resetHeapPeak();
      for (int i = 0; i < rounds; i++) {
        long t = System.nanoTime();
        client.upload("inproc-up.bin", file, overwrite);
        put = Math.min(put, (System.nanoTime() - t) / 1e9);
        t = System.nanoTime();
        long got = client.download("remote.bin", OutputStream.nullOutputStream());
        get = Math.min(get, (System.nanoTime() - t) / 1e9);
        if (got != size) {
          throw new IllegalStateException("downloaded " + got + " bytes, expected " + size);
        }
      }
    }
    long peak = heapPeakMiB();
    double mib = size / (1024.0 * 1024.0);
    System.out.printf(
        "tributary in-process (one JVM, one client, best of %d): put %.0f MiB/s, get %.0f MiB/s,"
            + " heap peak %d MiB, cap %d MiB%n",
        rounds, mib / put, mib / get, peak, Runtime.getRuntime().maxMemory() >> 20);
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

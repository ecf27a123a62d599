import java.io.FileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The floor under any JVM decryption of a SEIPD v1 message, for {@code FLOOR=1
 * benchmarks/scripts/pgp-vs-gpg.sh}: start the JVM, read the file and SHA-1 it (the MDC covers the
 * whole plaintext, in order, so one core must hash all of it), nothing else: no key, no AES, no
 * output. If this alone is slower than gpg's whole decryption, no JVM decryptor can match gpg on
 * this machine.
 *
 * <p>As in the library, a helper thread reads (see {@code ReadAheadInputStream}) while the main
 * thread hashes, so the floor is the JVM's start plus the hash, not the hash plus the reading; and
 * the hash gets at most 4 KiB per call (see {@code JdkPieces}), so that the JIT uses the JDK's
 * SHA-1 intrinsic as early as it can.
 */
public final class Sha1Floor {
  private static final int BUFFER = 1 << 17;
  private static final int PIECE = 4096;

  private Sha1Floor() {}

  /** A buffer and how much of it holds data; fewer than a whole buffer marks the end. */
  private record Filled(byte[] bytes, int length) {}

  public static void main(String[] args) throws Exception {
    BlockingQueue<byte[]> empty = new ArrayBlockingQueue<>(4);
    BlockingQueue<Filled> filled = new ArrayBlockingQueue<>(4);
    for (int i = 0; i < 4; i++) {
      empty.add(new byte[BUFFER]);
    }
    Thread reader = new Thread(() -> read(args[0], empty, filled), "reader");
    reader.setDaemon(true);
    reader.start();
    MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
    for (Filled f; ; ) {
      f = filled.take();
      for (int i = 0; i < f.length(); i += PIECE) {
        sha1.update(f.bytes(), i, Math.min(PIECE, f.length() - i));
      }
      if (f.length() < BUFFER) {
        break;
      }
      empty.put(f.bytes());
    }
    System.out.println(java.util.HexFormat.of().formatHex(sha1.digest()));
  }

  private static void read(String file, BlockingQueue<byte[]> empty, BlockingQueue<Filled> filled) {
    try (FileInputStream in = new FileInputStream(file)) {
      for (int n = BUFFER; n == BUFFER; ) {
        byte[] b = empty.take();
        n = in.readNBytes(b, 0, BUFFER);
        filled.put(new Filled(b, n));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

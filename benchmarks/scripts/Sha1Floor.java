import java.io.FileInputStream;
import java.security.MessageDigest;

/**
 * The floor under any JVM decryption of a SEIPD v1 message, for {@code FLOOR=1
 * benchmarks/scripts/pgp-vs-gpg.sh}: start the JVM, read the file and SHA-1 it (the MDC covers the
 * whole plaintext, in order, so one core must hash all of it), nothing else: no key, no AES, no
 * output. If this alone is slower than gpg's whole decryption, no JVM decryptor can match gpg on
 * this machine.
 *
 * <p>Hashes 4 KiB per call, as the library does (see {@code JdkPieces}), so that the JIT uses the
 * JDK's SHA-1 intrinsic as early as it can.
 */
public final class Sha1Floor {
  private Sha1Floor() {}

  public static void main(String[] args) throws Exception {
    MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
    byte[] buffer = new byte[1 << 18];
    try (FileInputStream in = new FileInputStream(args[0])) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        for (int i = 0; i < n; i += 4096) {
          sha1.update(buffer, i, Math.min(4096, n - i));
        }
      }
    }
    System.out.println(java.util.HexFormat.of().formatHex(sha1.digest()));
  }
}

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How fast this JVM's own AES-256 runs in each mode on this CPU, once compiled, in the 4 KiB calls
 * sdk-pgp makes ({@code internal.JdkPieces}): {@code java benchmarks/scripts/JdkAesModes.java
 * [MiB]}.
 *
 * <p>OpenPGP's CFB decryption needs AES <em>encryption</em> of blocks all known in advance, which
 * sdk-pgp gets from {@code AES/ECB/NoPadding}. The JDK runs ECB as one multi-block stub only where
 * it has one for the CPU; elsewhere it calls its one-block AES-NI stub once per 16 bytes, and ECB
 * is then several times slower than CBC decryption, which is always one multi-block stub. Compare
 * the "ECB encrypt" and "CBC decrypt" lines to see which case a machine is: the speed of
 * uncompressed decryption against gpg depends on it (sdk-pgp/README.md, stop 34).
 */
public final class JdkAesModes {
  private static final int PIECE = 4096;

  private JdkAesModes() {}

  private record Mode(String transformation, int opmode, String label) {}

  public static void main(String[] args) throws Exception {
    int mib = args.length > 0 ? Integer.parseInt(args[0]) : 256;
    List<Mode> modes =
        List.of(
            new Mode("AES/ECB/NoPadding", Cipher.ENCRYPT_MODE, "ECB encrypt (CFB decryption's)"),
            new Mode("AES/CBC/NoPadding", Cipher.ENCRYPT_MODE, "CBC encrypt (CFB encryption's)"),
            new Mode("AES/CBC/NoPadding", Cipher.DECRYPT_MODE, "CBC decrypt"),
            new Mode("AES/CFB/NoPadding", Cipher.DECRYPT_MODE, "the JDK's CFB decrypt"));
    System.out.println(
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", " + cpu());
    SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");
    byte[] in = new byte[1 << 20];
    byte[] out = new byte[in.length];
    for (Mode m : modes) {
      Cipher c = Cipher.getInstance(m.transformation());
      if (m.transformation().contains("ECB")) {
        c.init(m.opmode(), key);
      } else {
        c.init(m.opmode(), key, new IvParameterSpec(new byte[16]));
      }
      double best = 0;
      for (int round = 0; round < 5; round++) { // the first rounds compile; report the best
        long t = System.nanoTime();
        for (int i = 0; i < mib; i++) {
          for (int off = 0; off < in.length; off += PIECE) {
            c.update(in, off, PIECE, out, off);
          }
        }
        best = Math.max(best, mib / ((System.nanoTime() - t) / 1e9));
      }
      System.out.printf("%-32s %6.0f MiB/s%n", m.label(), best);
    }
  }

  /** The CPU's model and the flags that decide which AES stubs the JVM has. */
  private static String cpu() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
      String model =
          lines.stream()
              .filter(l -> l.startsWith("model name"))
              .map(l -> l.substring(l.indexOf(':') + 1).trim())
              .findFirst()
              .orElse("unknown CPU");
      List<String> flags =
          lines.stream()
              .filter(l -> l.startsWith("flags"))
              .findFirst()
              .map(l -> Arrays.asList(l.substring(l.indexOf(':') + 1).trim().split(" ")))
              .orElse(List.of());
      String present =
          String.join(
              " ",
              List.of("aes", "vaes", "avx2", "avx512f", "avx512vl").stream()
                  .map(f -> flags.contains(f) ? f : "no-" + f)
                  .toList());
      return model + " (" + present + ")";
    } catch (Exception e) {
      return "CPU unknown (" + e + ")";
    }
  }
}

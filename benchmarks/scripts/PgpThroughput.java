import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.Compression;
import dev.tributary.pgp.PgpCertificate;
import dev.tributary.pgp.PgpDecryptor;
import dev.tributary.pgp.PgpEncryptor;
import dev.tributary.pgp.PgpKey;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The in-process side of pgp-vs-gpg.sh: encrypts and decrypts a file several times in one JVM and
 * prints the best throughput, i.e. the steady state without JVM start and JIT warm-up.
 *
 * <pre>java -Xmx64m -cp tributary-examples.jar PgpThroughput.java FILE CERT KEY ROUNDS</pre>
 */
public final class PgpThroughput {
  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    PgpCertificate cert = PgpCertificate.parse(Files.readString(Path.of(args[1])));
    PgpKey key = PgpKey.parse(Files.readString(Path.of(args[2])), Secret.empty());
    int rounds = Integer.parseInt(args[3]);
    Path out = Files.createTempFile(file.getParent(), "inproc", ".pgp");
    long size = Files.size(file);
    for (Compression c : new Compression[] {Compression.NONE, Compression.ZLIB}) {
      PgpEncryptor encryptor = PgpEncryptor.builder().recipient(cert).compression(c).build();
      PgpDecryptor decryptor = PgpDecryptor.builder().key(key).build();
      double enc = Double.MAX_VALUE;
      double dec = Double.MAX_VALUE;
      for (int i = 0; i < rounds; i++) {
        long t = System.nanoTime();
        try (InputStream in = Files.newInputStream(file);
            OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
          encryptor.encrypt(in, o);
        }
        enc = Math.min(enc, (System.nanoTime() - t) / 1e9);
        t = System.nanoTime();
        try (InputStream in = Files.newInputStream(out)) {
          decryptor.decrypt(in, OutputStream.nullOutputStream());
        }
        dec = Math.min(dec, (System.nanoTime() - t) / 1e9);
      }
      System.out.printf(
          "in-process %-5s %s: encrypt %7.1f MiB/s   decrypt %7.1f MiB/s   (best of %d, heap %d MiB max)%n",
          c,
          file.getFileName(),
          size / 1048576.0 / enc,
          size / 1048576.0 / dec,
          rounds,
          Runtime.getRuntime().maxMemory() >> 20);
    }
    Files.delete(out);
  }
}

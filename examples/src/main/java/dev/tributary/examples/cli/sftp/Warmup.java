package dev.tributary.examples.cli.sftp;

import dev.tributary.sftp.SftpClient;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Security;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Does the one-off work of an {@code sftp} command on a spare thread while picocli builds its model
 * and parses the arguments: first {@link SftpClient#warmUp()} (sshj's security provider, about a
 * quarter of a second in a fresh JVM), then, for {@code put} and {@code get}, the JDK's AES-GCM.
 *
 * <p>AES-GCM: a short-lived process otherwise pushes its first hundreds of megabytes through SSH
 * packets in interpreted or C1-compiled code, because the AES-NI and carry-less-multiply intrinsics
 * exist only in C2-compiled code, and C2 takes a method once it has been called thousands of times,
 * not once it has processed many bytes. So this seals and opens many small packets (a fresh nonce
 * each, with the 4-byte additional data SSH uses), which reaches those counts in a fraction of the
 * time that the same number of full 32 KiB packets would take; measured in a fresh JVM, 8,000 small
 * packets first make the following 128 MiB of full packets several times faster. Each packet is
 * sealed and opened in place, in one array, as sshj does: C2 compiles the JDK's GCM for the case it
 * has seen, and an earlier warm-up with separate arrays was thrown away (a deoptimisation in the
 * JDK's overlap check) as soon as the first real packet arrived, half a second before C2 had
 * compiled it again. AES-GCM is what the client prefers and OpenSSH offers; the AES-CTR fallback is
 * left to warm up by itself.
 *
 * <p>Runs once, on a daemon thread; a command that finishes first simply exits.
 */
public final class Warmup {
  private static final int PACKETS = 8_000;
  private static final int PACKET = 512;

  private Warmup() {}

  /** Starts the warm-up when {@code args} are an {@code sftp} command that connects. */
  public static void startFor(String... args) {
    if (args.length < 2 || !args[0].equals("sftp") || args[1].equals("serve")) {
      return;
    }
    boolean transfer = args[1].equals("put") || args[1].equals("get");
    Thread t =
        new Thread(
            () -> {
              try {
                SftpClient.warmUp();
                if (transfer) {
                  run();
                }
              } catch (RuntimeException | LinkageError e) {
                // only a speed-up: the command meets the same failure and reports it
              }
            },
            "tributary-sftp-warmup");
    t.setDaemon(true);
    t.start();
  }

  private static void run() {
    try {
      Provider sun = Security.getProvider("SunJCE");
      if (sun == null) {
        return;
      }
      // [4-byte length, the additional data][payload][16-byte tag], as in an SSH packet
      byte[] packet = new byte[4 + PACKET + 16];
      byte[] nonce = new byte[12];
      SecretKeySpec key = new SecretKeySpec(new byte[16], "AES");
      Cipher seal = Cipher.getInstance("AES/GCM/NoPadding", sun);
      Cipher open = Cipher.getInstance("AES/GCM/NoPadding", sun);
      for (int i = 0; i < PACKETS; i++) {
        nonce[11] = (byte) i;
        nonce[10] = (byte) (i >>> 8);
        GCMParameterSpec spec = new GCMParameterSpec(128, nonce);
        seal.init(Cipher.ENCRYPT_MODE, key, spec);
        seal.updateAAD(packet, 0, 4);
        seal.doFinal(packet, 4, PACKET, packet, 4);
        open.init(Cipher.DECRYPT_MODE, key, spec);
        open.updateAAD(packet, 0, 4);
        open.doFinal(packet, 4, PACKET + 16, packet, 4);
      }
    } catch (GeneralSecurityException e) {
      // only a speed-up: the real transfer reports real errors
    }
  }
}

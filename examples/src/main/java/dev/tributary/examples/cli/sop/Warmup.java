package dev.tributary.examples.cli.sop;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Gets the JIT to compile the JDK's AES and SHA-1 loops while the command is still parsing keys and
 * doing the public-key work. A short-lived process otherwise runs its first megabytes through AES
 * in interpreted Java: the AES-NI intrinsics exist only in C2-compiled code, which a loop reaches
 * after some 100,000 blocks. Runs once, on a daemon thread, on dummy data; a process that finishes
 * first simply exits.
 */
final class Warmup {
  private static final int ROUNDS = 12;
  private static final int CHUNK = 1 << 18;

  private Warmup() {}

  static void start() {
    Thread t = new Thread(Warmup::run, "tributary-sop-warmup");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  private static void run() {
    try {
      byte[] data = new byte[CHUNK];
      byte[] out = new byte[CHUNK + 16];
      SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");
      Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
      ecb.init(Cipher.ENCRYPT_MODE, key);
      Cipher cfb = Cipher.getInstance("AES/CFB/NoPadding");
      cfb.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(new byte[16]));
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      for (int i = 0; i < ROUNDS; i++) {
        ecb.update(data, 0, CHUNK, out, 0);
        cfb.update(data, 0, CHUNK, out, 0);
        sha1.update(data, 0, CHUNK);
      }
    } catch (GeneralSecurityException e) {
      // only a speed-up: the real work reports real errors
    }
  }
}

package dev.tributary.examples.cli.sftp;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Security;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Gets the JIT to compile the JDK's AES-GCM (and AES-CTR with HMAC-SHA2) while the command is still
 * connecting and logging in. A short-lived process otherwise pushes its first hundreds of megabytes
 * through SSH packets in interpreted or C1-compiled code: the AES-NI and carry-less-multiply
 * intrinsics exist only in C2-compiled code, which a loop reaches after many packets. Runs once, on
 * a daemon thread, on dummy data shaped like SSH packets (32 KiB, a fresh nonce each); a command
 * that finishes first simply exits.
 */
final class Warmup {
  private static final int PACKETS = 600;
  private static final int PACKET = 32 * 1024;

  private Warmup() {}

  static void start() {
    Thread t = new Thread(Warmup::run, "tributary-sftp-warmup");
    t.setDaemon(true);
    t.start();
  }

  private static void run() {
    try {
      Provider sun = Security.getProvider("SunJCE");
      if (sun == null) {
        return;
      }
      byte[] plain = new byte[PACKET];
      byte[] sealed = new byte[PACKET + 16];
      byte[] opened = new byte[PACKET + 16];
      byte[] nonce = new byte[12];
      SecretKeySpec key = new SecretKeySpec(new byte[16], "AES");
      Cipher seal = Cipher.getInstance("AES/GCM/NoPadding", sun);
      Cipher open = Cipher.getInstance("AES/GCM/NoPadding", sun);
      Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding", sun);
      ctr.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(new byte[16]));
      Mac hmac = Mac.getInstance("HmacSHA256", sun);
      hmac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
      for (int i = 0; i < PACKETS; i++) {
        nonce[11] = (byte) i;
        nonce[10] = (byte) (i >>> 8);
        GCMParameterSpec spec = new GCMParameterSpec(128, nonce);
        seal.init(Cipher.ENCRYPT_MODE, key, spec);
        seal.updateAAD(plain, 0, 4);
        int n = seal.doFinal(plain, 0, PACKET, sealed, 0);
        open.init(Cipher.DECRYPT_MODE, key, spec);
        open.updateAAD(plain, 0, 4);
        open.doFinal(sealed, 0, n, opened, 0);
        if (i % 4 == 0) {
          ctr.update(plain, 0, PACKET, opened, 0);
          hmac.update(plain, 0, PACKET);
          hmac.doFinal();
        }
      }
    } catch (GeneralSecurityException e) {
      // only a speed-up: the real transfer reports real errors
    }
  }
}

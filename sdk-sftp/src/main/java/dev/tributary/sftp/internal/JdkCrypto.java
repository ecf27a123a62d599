package dev.tributary.sftp.internal;

import com.hierynomus.sshj.transport.cipher.ChachaPolyCiphers;
import com.hierynomus.sshj.transport.cipher.GcmCipher;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.common.SSHRuntimeException;
import net.schmizz.sshj.transport.cipher.BlockCipher;
import net.schmizz.sshj.transport.cipher.Cipher;
import net.schmizz.sshj.transport.mac.MAC;

/**
 * Ciphers and MACs that take their primitives from the JDK's own providers (AES-NI, SHA intrinsics)
 * instead of whatever sshj's {@code SecurityUtils} registered first. With BouncyCastle on the class
 * path sshj would otherwise use BouncyCastle's pure-Java AES and crawl at ~50 MiB/s; these reach
 * several hundred. They ask for the SunJCE provider by name, so a BouncyCastle that another library
 * registered (perhaps first) is never picked for the bulk crypto. BouncyCastle serves only what
 * only it has here, chacha20-poly1305 (see {@link SshjSecurity}).
 *
 * <p>The preference order: AES-GCM (no separate MAC), then AES-CTR with encrypt-then-MAC SHA-2,
 * then chacha20-poly1305 (BouncyCastle only, so last).
 */
final class JdkCrypto {
  private JdkCrypto() {}

  static List<Factory.Named<Cipher>> ciphers() {
    return List.of(
        new CipherFactory("aes128-gcm@openssh.com", 128, true),
        new CipherFactory("aes256-gcm@openssh.com", 256, true),
        new CipherFactory("aes128-ctr", 128, false),
        new CipherFactory("aes192-ctr", 192, false),
        new CipherFactory("aes256-ctr", 256, false),
        new ChachaFactory());
  }

  /**
   * sshj's chacha20-poly1305, which only BouncyCastle implements here: its provider is registered
   * when a connection chooses this cipher, not before ({@link SshjSecurity}).
   */
  private static final class ChachaFactory implements Factory.Named<Cipher> {
    private final Factory.Named<Cipher> sshj = ChachaPolyCiphers.CHACHA_POLY_OPENSSH();

    @Override
    public Cipher create() {
      SshjSecurity.requireBouncyCastle();
      return sshj.create();
    }

    @Override
    public String getName() {
      return sshj.getName();
    }
  }

  static List<Factory.Named<MAC>> macs() {
    return List.of(
        new MacFactory("hmac-sha2-256-etm@openssh.com", "HmacSHA256", 32, true),
        new MacFactory("hmac-sha2-512-etm@openssh.com", "HmacSHA512", 64, true),
        new MacFactory("hmac-sha2-256", "HmacSHA256", 32, false),
        new MacFactory("hmac-sha2-512", "HmacSHA512", 64, false),
        new MacFactory("hmac-sha1-etm@openssh.com", "HmacSHA1", 20, true),
        new MacFactory("hmac-sha1", "HmacSHA1", 20, false));
  }

  private record CipherFactory(String name, int keyBits, boolean gcm)
      implements Factory.Named<Cipher> {
    @Override
    public Cipher create() {
      return gcm ? new JdkGcmCipher(keyBits / 8) : new JdkCtrCipher(keyBits / 8);
    }

    @Override
    public String getName() {
      return name;
    }
  }

  private record MacFactory(String name, String algorithm, int size, boolean etm)
      implements Factory.Named<MAC> {
    @Override
    public MAC create() {
      return new JdkMac(algorithm, size, etm);
    }

    @Override
    public String getName() {
      return name;
    }
  }

  /**
   * The JDK's SunJCE implementation, whose AES and HMAC use CPU intrinsics, even if some library
   * inserted another provider in front of it; the default order on a JDK without SunJCE.
   */
  static javax.crypto.Cipher cipher(String transformation) throws GeneralSecurityException {
    java.security.Provider sun = java.security.Security.getProvider("SunJCE");
    return sun != null
        ? javax.crypto.Cipher.getInstance(transformation, sun)
        : javax.crypto.Cipher.getInstance(transformation);
  }

  static javax.crypto.Mac mac(String algorithm) throws GeneralSecurityException {
    java.security.Provider sun = java.security.Security.getProvider("SunJCE");
    return sun != null
        ? javax.crypto.Mac.getInstance(algorithm, sun)
        : javax.crypto.Mac.getInstance(algorithm);
  }

  static byte[] truncate(byte[] data, int size) {
    return data.length > size ? Arrays.copyOf(data, size) : data;
  }

  /** AES-GCM as sshj's {@link GcmCipher}, on the JDK's AES. */
  static final class JdkGcmCipher extends GcmCipher {
    JdkGcmCipher(int keyBytes) {
      super(12, 16, keyBytes, "AES", "AES/GCM/NoPadding");
    }

    @Override
    public void init(Mode mode, byte[] key, byte[] iv) {
      try {
        cipher = JdkCrypto.cipher("AES/GCM/NoPadding");
        initCipher(cipher, mode, truncate(key, getBlockSize()), truncate(iv, getIVSize()));
      } catch (GeneralSecurityException e) {
        throw new SSHRuntimeException(e);
      }
    }
  }

  /** AES-CTR as sshj's {@link BlockCipher}, on the JDK's AES. */
  static final class JdkCtrCipher extends BlockCipher {
    JdkCtrCipher(int keyBytes) {
      super(16, keyBytes, "AES", "AES/CTR/NoPadding");
    }

    @Override
    public void init(Mode mode, byte[] key, byte[] iv) {
      try {
        cipher = JdkCrypto.cipher("AES/CTR/NoPadding");
        initCipher(cipher, mode, truncate(key, getBlockSize()), truncate(iv, getIVSize()));
      } catch (GeneralSecurityException e) {
        throw new SSHRuntimeException(e);
      }
    }
  }

  /** An HMAC on the JDK's provider. */
  static final class JdkMac implements MAC {
    private final String algorithm;
    private final int size;
    private final boolean etm;
    private final byte[] seq = new byte[4];
    private javax.crypto.@org.jspecify.annotations.Nullable Mac mac;

    JdkMac(String algorithm, int size, boolean etm) {
      this.algorithm = algorithm;
      this.size = size;
      this.etm = etm;
    }

    private javax.crypto.Mac mac() {
      javax.crypto.Mac m = mac;
      if (m == null) {
        throw new IllegalStateException("MAC not initialised");
      }
      return m;
    }

    @Override
    public void init(byte[] key) {
      try {
        javax.crypto.Mac m = JdkCrypto.mac(algorithm);
        m.init(new SecretKeySpec(truncate(key, size), algorithm));
        mac = m;
      } catch (GeneralSecurityException e) {
        throw new SSHRuntimeException(e);
      }
    }

    @Override
    public byte[] doFinal() {
      return mac().doFinal();
    }

    @Override
    public byte[] doFinal(byte[] input) {
      return mac().doFinal(input);
    }

    @Override
    public void doFinal(byte[] buf, int offset) {
      try {
        mac().doFinal(buf, offset);
      } catch (GeneralSecurityException e) {
        throw new SSHRuntimeException(e);
      }
    }

    @Override
    public int getBlockSize() {
      return size;
    }

    @Override
    public void update(byte[] foo) {
      mac().update(foo, 0, foo.length);
    }

    @Override
    public void update(byte[] foo, int start, int len) {
      mac().update(foo, start, len);
    }

    @Override
    public void update(long i) {
      seq[0] = (byte) (i >>> 24);
      seq[1] = (byte) (i >>> 16);
      seq[2] = (byte) (i >>> 8);
      seq[3] = (byte) i;
      mac().update(seq, 0, 4);
    }

    @Override
    public boolean isEtm() {
      return etm;
    }
  }
}

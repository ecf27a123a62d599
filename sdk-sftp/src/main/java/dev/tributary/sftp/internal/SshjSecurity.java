package dev.tributary.sftp.internal;

import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyFactorySpi;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.KeySpec;
import net.schmizz.sshj.common.SSHRuntimeException;
import net.schmizz.sshj.common.SecurityUtils;

/**
 * Keeps sshj on the JDK's own JCA providers, so that a JVM's first SSH connection does not pay for
 * building BouncyCastle's provider (some two thousand algorithm entries and hundreds of classes:
 * about a quarter of a second of a short-lived program's start).
 *
 * <p>Left to itself, sshj registers BouncyCastle as a JCA provider on first use and then asks it by
 * name for everything: key factories, signatures, key agreements, digests. The JDK (17 and later)
 * has all of these itself (X25519, Ed25519, ECDH, ECDSA, RSA, SHA-2) but for two names:
 *
 * <ul>
 *   <li>the key factory {@code "ECDSA"} (the JDK calls it {@code "EC"}), for ECDSA host and user
 *       keys: this class adds a tiny provider, {@value #PROVIDER}, whose only entry hands that name
 *       to the JDK's {@code "EC"} key factory;
 *   <li>the {@code CHACHA} cipher and {@code POLY1305} MAC of chacha20-poly1305: BouncyCastle's
 *       provider is registered, at the lowest priority, only when a connection actually chooses
 *       that cipher ({@link JdkCrypto} offers it last).
 * </ul>
 *
 * <p>Both are process-wide settings of sshj's {@code SecurityUtils}: a host application that uses
 * sshj itself sees the JDK's providers too, unless it chose a provider before this SDK's first
 * connection (then that choice stands).
 */
final class SshjSecurity {
  static final String PROVIDER = "TributarySshj";

  private static boolean installed;

  private SshjSecurity() {}

  /** Puts the settings above in place; once per JVM, before sshj's first use. */
  static synchronized void install() {
    if (installed) {
      return;
    }
    SecurityUtils.setRegisterBouncyCastle(false);
    if (Security.getProvider(PROVIDER) == null) {
      Security.addProvider(new EcdsaNameProvider());
    }
    installed = true;
  }

  /**
   * Registers BouncyCastle's provider (sshj's dependency) last in line, unless a provider of that
   * name is there already.
   */
  static synchronized void requireBouncyCastle() {
    if (Security.getProvider("BC") != null) {
      return;
    }
    try {
      Security.addProvider(
          (Provider)
              Class.forName("org.bouncycastle.jce.provider.BouncyCastleProvider")
                  .getDeclaredConstructor()
                  .newInstance());
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new SSHRuntimeException(
          "chacha20-poly1305 needs BouncyCastle's bcprov on the class path", e);
    }
  }

  /** The single entry: {@code KeyFactory.ECDSA}, answered by the JDK's {@code EC} key factory. */
  private static final class EcdsaNameProvider extends Provider {
    private static final long serialVersionUID = 1L;

    EcdsaNameProvider() {
      super(PROVIDER, "1", "the key factory name ECDSA for sshj, served by the JDK's EC");
      putService(
          new Service(this, "KeyFactory", "ECDSA", EcKeyFactory.class.getName(), null, null) {
            @Override
            public Object newInstance(Object constructorParameter) throws NoSuchAlgorithmException {
              return new EcKeyFactory(KeyFactory.getInstance("EC"));
            }
          });
    }
  }

  /** A key factory SPI that passes every call to a JDK {@link KeyFactory}. */
  private static final class EcKeyFactory extends KeyFactorySpi {
    private final KeyFactory ec;

    EcKeyFactory(KeyFactory ec) {
      this.ec = ec;
    }

    @Override
    protected PublicKey engineGeneratePublic(KeySpec spec) throws InvalidKeySpecException {
      return ec.generatePublic(spec);
    }

    @Override
    protected PrivateKey engineGeneratePrivate(KeySpec spec) throws InvalidKeySpecException {
      return ec.generatePrivate(spec);
    }

    @Override
    protected <T extends KeySpec> T engineGetKeySpec(Key key, Class<T> type)
        throws InvalidKeySpecException {
      return ec.getKeySpec(key, type);
    }

    @Override
    protected Key engineTranslateKey(Key key) throws InvalidKeyException {
      return ec.translateKey(key);
    }
  }
}

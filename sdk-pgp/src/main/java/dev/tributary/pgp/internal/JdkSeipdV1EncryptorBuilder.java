package dev.tributary.pgp.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.operator.PGPDataEncryptor;
import org.bouncycastle.openpgp.operator.PGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;

/**
 * Plugs the JDK's AES into BouncyCastle's {@code PGPEncryptedDataGenerator} for SEIPD v1: CFB with
 * a zero IV and no resynchronisation (RFC 9580 §5.13.1) through {@code AES/CFB/NoPadding}, whose
 * blocks run on AES-NI, and the MDC's SHA-1 through the JDK's intrinsic. BouncyCastle still writes
 * the packets (session keys, framing, the MDC packet). AES only; AEAD is left to BouncyCastle.
 */
final class JdkSeipdV1EncryptorBuilder implements PGPDataEncryptorBuilder {
  private final int algorithm;
  private final SecureRandom random;

  JdkSeipdV1EncryptorBuilder(int algorithm, SecureRandom random) {
    this.algorithm = algorithm;
    this.random = random;
  }

  @Override
  public int getAlgorithm() {
    return algorithm;
  }

  @Override
  public int getAeadAlgorithm() {
    return -1;
  }

  @Override
  public int getChunkSize() {
    return 0;
  }

  @Override
  public boolean isV5StyleAEAD() {
    return false;
  }

  @Override
  public PGPDataEncryptor build(byte[] keyBytes) throws PGPException {
    try {
      Cipher cipher = Cipher.getInstance("AES/CFB/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(keyBytes, "AES"),
          new IvParameterSpec(new byte[16]));
      return new Encryptor(cipher);
    } catch (GeneralSecurityException e) {
      throw new PGPException("cannot set up AES/CFB: " + e.getMessage(), e);
    }
  }

  @Override
  public PGPDataEncryptor build(byte[] keyBytes, byte[] iv) throws PGPException {
    return build(keyBytes);
  }

  @Override
  public SecureRandom getSecureRandom() {
    return random;
  }

  @Override
  public PGPDataEncryptorBuilder setWithIntegrityPacket(boolean withIntegrityPacket) {
    if (!withIntegrityPacket) {
      throw new IllegalArgumentException("data is always integrity protected");
    }
    return this;
  }

  @Override
  public PGPDataEncryptorBuilder setWithAEAD(int aeadAlgorithm, int chunkSize) {
    throw new UnsupportedOperationException("AEAD is encrypted by BouncyCastle");
  }

  @Override
  public PGPDataEncryptorBuilder setUseV5AEAD() {
    throw new UnsupportedOperationException("never write GnuPG-only formats");
  }

  @Override
  public PGPDataEncryptorBuilder setUseV6AEAD() {
    throw new UnsupportedOperationException("AEAD is encrypted by BouncyCastle");
  }

  private static final class Encryptor implements PGPDataEncryptor {
    private final Cipher cipher;
    private final Sha1Calculator mdc = new Sha1Calculator();

    Encryptor(Cipher cipher) {
      this.cipher = cipher;
    }

    @Override
    public OutputStream getOutputStream(OutputStream out) {
      return new CipherStream(cipher, out);
    }

    @Override
    public PGPDigestCalculator getIntegrityCalculator() {
      return mdc;
    }

    @Override
    public int getBlockSize() {
      return 16;
    }
  }

  /** Encrypts with one cipher into {@code out}; closing finishes the cipher and closes out. */
  private static final class CipherStream extends OutputStream {
    private final Cipher cipher;
    private final OutputStream out;
    private byte[] buffer = new byte[1 << 16];

    CipherStream(Cipher cipher, OutputStream out) {
      this.cipher = cipher;
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (buffer.length < len + 16) {
        buffer = new byte[len + 16];
      }
      try {
        int n = cipher.update(b, off, len, buffer, 0);
        out.write(buffer, 0, n);
      } catch (GeneralSecurityException e) {
        throw new IOException("AES/CFB failed", e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        byte[] rest = cipher.doFinal();
        out.write(rest);
      } catch (GeneralSecurityException e) {
        throw new IOException("AES/CFB failed", e);
      }
      out.close();
    }
  }

  /** SHA-1 for the MDC, on the JDK's intrinsic, hashed on a helper thread. */
  private static final class Sha1Calculator implements PGPDigestCalculator {
    private AsyncSha1 sha1 = new AsyncSha1();

    @Override
    public int getAlgorithm() {
      return HashAlgorithmTags.SHA1;
    }

    @Override
    public OutputStream getOutputStream() {
      return new OutputStream() {
        @Override
        public void write(int b) {
          sha1.update(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          sha1.update(b, off, len);
        }
      };
    }

    @Override
    public byte[] getDigest() {
      byte[] digest = sha1.digest();
      sha1.close();
      return digest;
    }

    @Override
    public void reset() {
      sha1.close();
      sha1 = new AsyncSha1();
    }
  }
}

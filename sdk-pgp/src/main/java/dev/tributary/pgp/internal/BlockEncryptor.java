package dev.tributary.pgp.internal;

import dev.tributary.pgp.PgpDataException;
import dev.tributary.pgp.SymmetricAlgorithm;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.BlowfishEngine;
import org.bouncycastle.crypto.engines.CAST5Engine;
import org.bouncycastle.crypto.engines.CamelliaEngine;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.engines.TwofishEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Raw block encryption (ECB) of many blocks at once: the building block of OpenPGP's CFB mode. AES
 * runs on the JDK's cipher, which uses AES-NI; the other ciphers on BouncyCastle's engines.
 */
abstract class BlockEncryptor {
  abstract int blockSize();

  /** Whether this is AES on the JDK's cipher, whose hot path {@link HotPathWarmUp} warms. */
  boolean isJdkAes() {
    return false;
  }

  /** Encrypts {@code len} bytes (whole blocks) of {@code in} at {@code inOff} into {@code out}. */
  abstract void encryptBlocks(byte[] in, int inOff, int len, byte[] out, int outOff);

  static BlockEncryptor of(SymmetricAlgorithm algorithm, byte[] key) {
    switch (algorithm) {
      case AES_128, AES_192, AES_256 -> {
        return new Jdk(key);
      }
      case TWOFISH -> {
        return new Bc(new TwofishEngine(), key);
      }
      case CAMELLIA_128, CAMELLIA_192, CAMELLIA_256 -> {
        return new Bc(new CamelliaEngine(), key);
      }
      case TRIPLE_DES -> {
        return new Bc(new DESedeEngine(), key);
      }
      case CAST5 -> {
        return new Bc(new CAST5Engine(), key);
      }
      case BLOWFISH -> {
        return new Bc(new BlowfishEngine(), key);
      }
      default ->
          throw new PgpDataException(
              PgpDataException.Reason.UNSUPPORTED, "unsupported cipher " + algorithm);
    }
  }

  /**
   * AES through the JDK: hardware-accelerated, in pieces the JIT compiles early ({@link
   * JdkPieces}).
   */
  private static final class Jdk extends BlockEncryptor {
    private final Cipher cipher;

    Jdk(byte[] key) {
      try {
        cipher = Cipher.getInstance("AES/ECB/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the JDK has no AES/ECB/NoPadding", e);
      }
    }

    @Override
    int blockSize() {
      return 16;
    }

    @Override
    boolean isJdkAes() {
      return true;
    }

    @Override
    void encryptBlocks(byte[] in, int inOff, int len, byte[] out, int outOff) {
      try {
        JdkPieces.update(cipher, in, inOff, len, out, outOff);
      } catch (ShortBufferException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Any other cipher, through BouncyCastle's engine. */
  private static final class Bc extends BlockEncryptor {
    private final BlockCipher engine;

    Bc(BlockCipher engine, byte[] key) {
      this.engine = engine;
      engine.init(true, new KeyParameter(key));
    }

    @Override
    int blockSize() {
      return engine.getBlockSize();
    }

    @Override
    void encryptBlocks(byte[] in, int inOff, int len, byte[] out, int outOff) {
      int bs = engine.getBlockSize();
      for (int i = 0; i < len; i += bs) {
        engine.processBlock(in, inOff + i, out, outOff + i);
      }
    }
  }
}

package dev.tributary.pgp.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
 * The JDK's AES for SEIPD v1: CFB with a zero IV and no resynchronisation (RFC 9580 §5.13.1),
 * computed through the JDK's AES-CBC (see {@link CipherStream}), and the MDC's SHA-1 through the
 * JDK's intrinsic on a helper thread. {@link SeipdV1OutputStream} writes the packet around them;
 * this class is a BouncyCastle {@code PGPDataEncryptorBuilder} because BouncyCastle's session key
 * encryption ({@code PGPKeyEncryptionMethodGenerator.generate}) reads the cipher from one. AES
 * only; AEAD is left to BouncyCastle.
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
      Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(keyBytes, "AES"),
          new IvParameterSpec(new byte[16]));
      // The first block, all zeros, gives CFB's first keystream block E(0) and chains CBC from it.
      byte[] k0 = cipher.update(new byte[16]);
      return new Encryptor(cipher, k0);
    } catch (GeneralSecurityException e) {
      throw new PGPException("cannot set up AES/CBC: " + e.getMessage(), e);
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
    private final byte[] k0;
    private final Sha1Calculator mdc = new Sha1Calculator();

    Encryptor(Cipher cipher, byte[] k0) {
      this.cipher = cipher;
      this.k0 = k0;
    }

    @Override
    public OutputStream getOutputStream(OutputStream out) {
      return new CipherStream(cipher, k0, out);
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

  /**
   * OpenPGP's CFB encryption, computed with AES-CBC. CFB encrypts block i as {@code C[i] = P[i] XOR
   * K[i]}, where {@code K[0] = E(IV)} and {@code K[i+1] = E(C[i]) = E(P[i] XOR K[i])}; CBC encrypts
   * block i as {@code Y[i] = E(P[i] XOR Y[i-1])}. So CBC over the plaintext, chained from {@code
   * K[0]}, yields the keystream one block ahead ({@code Y[i] = K[i+1]}), and one XOR loop gives the
   * ciphertext. CFB encryption is serial either way, but the JDK runs CBC in one AES-NI loop with
   * the round keys in registers, where its CFB calls the cipher once per block and XORs byte by
   * byte. Writes of any length; a block split across writes, or across the 256 KiB pieces the
   * ciphertext is written in, goes byte by byte. Ciphertext is held until a piece is full or the
   * stream is closed; closing writes the rest (CFB needs no padding) and closes {@code out}.
   */
  private static final class CipherStream extends OutputStream {
    private static final int CHUNK = PartialBodyOutputStream.PIECE;

    private final Cipher cbc;
    private final OutputStream out;

    /** The keystream block of the current block, {@code K[i]}. */
    private final byte[] k = new byte[16];

    /** The plaintext of the current block so far: [0, used). */
    private final byte[] block = new byte[16];

    private int used;
    private final byte[] keystream = new byte[CHUNK];

    /**
     * Ciphertext not yet written: [1, 1 + filled). Byte 0 is left free for the length octet of a
     * partial body piece ({@link PartialBodyOutputStream#writeWithHeadroom}).
     */
    private final byte[] ciphertext = new byte[1 + CHUNK];

    private int filled;

    /**
     * Where the pending ciphertext is written out: {@link #CHUNK}, less what {@code out} already
     * holds of its current piece (the packet's version octet, before the first chunk). So the first
     * chunk completes {@code out}'s first piece, and every later chunk is a whole piece of its own,
     * which {@link PartialBodyOutputStream#writeWithHeadroom} passes on without a copy.
     */
    private int chunkEnd;

    /**
     * @param cbc AES/CBC/NoPadding whose chain is at {@code k0}
     * @param k0 CFB's first keystream block, {@code E(IV)}
     */
    CipherStream(Cipher cbc, byte[] k0, OutputStream out) {
      this.cbc = cbc;
      this.out = out;
      System.arraycopy(k0, 0, k, 0, 16);
      chunkEnd = CHUNK - pieceBuffered(out);
    }

    /** How many octets of its current piece {@code out} holds, if it writes partial bodies. */
    private static int pieceBuffered(OutputStream out) {
      return out instanceof PartialBodyOutputStream body ? body.buffered() : 0;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      while (len > 0) {
        if (filled == chunkEnd) {
          writeCiphertext();
        }
        int room = chunkEnd - filled;
        if (used > 0 || len < 16 || room < 16) { // one byte: a block begun, ended or split
          ciphertext[1 + filled++] = (byte) (b[off] ^ k[used]);
          block[used++] = b[off++];
          len--;
          if (used == 16) {
            update(block, 0, 16, k, 0);
            used = 0;
          }
          continue;
        }
        int m = Math.min(len, room) & ~15;
        update(b, off, m, keystream, 0); // keystream[j] = K[i + 1 + j], a block further on
        Xor.xor(b, off, k, 0, ciphertext, 1 + filled, 16);
        Xor.xor(b, off + 16, keystream, 0, ciphertext, 1 + filled + 16, m - 16);
        System.arraycopy(keystream, m - 16, k, 0, 16);
        filled += m;
        off += m;
        len -= m;
      }
      if (filled == chunkEnd) {
        writeCiphertext();
      }
    }

    /** Writes the pending ciphertext: a whole piece of a partial body without a copy. */
    private void writeCiphertext() throws IOException {
      if (filled == chunkEnd) {
        HotPathWarmUp.forEncryption(); // more than one chunk: worth getting the JIT here sooner
      }
      if (out instanceof PartialBodyOutputStream body) {
        body.writeWithHeadroom(ciphertext, 1, filled);
      } else {
        out.write(ciphertext, 1, filled);
      }
      filled = 0;
      chunkEnd = CHUNK - pieceBuffered(out);
    }

    private void update(byte[] in, int inOff, int len, byte[] result, int resultOff)
        throws IOException {
      try {
        JdkPieces.update(cbc, in, inOff, len, result, resultOff);
      } catch (GeneralSecurityException e) {
        throw new IOException("AES failed", e);
      }
    }

    @Override
    public void close() throws IOException {
      if (filled > 0) {
        writeCiphertext();
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
        public void write(int b) throws IOException {
          sha1.update(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          sha1.update(b, off, len);
        }

        /** Stops the helper thread without a digest (a message left unfinished). */
        @Override
        public void close() {
          sha1.close();
        }
      };
    }

    /**
     * @throws UncheckedIOException with an {@link java.io.InterruptedIOException} if the thread was
     *     interrupted while it waited for the hash (BouncyCastle's interface allows no checked
     *     exception; {@link SeipdV1OutputStream} unwraps it)
     */
    @Override
    public byte[] getDigest() {
      try {
        byte[] digest = sha1.digest();
        sha1.close();
        return digest;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void reset() {
      sha1.close();
      sha1 = new AsyncSha1();
    }
  }
}

package dev.tributary.pgp.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import org.bouncycastle.bcpg.PacketTags;
import org.bouncycastle.openpgp.operator.PGPDataEncryptor;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;

/**
 * Writes a Symmetrically Encrypted Integrity Protected Data packet, version 1 (RFC 9580, section
 * 5.13.1), around what is written to it: the random prefix, the data, then at {@link #close} the
 * Modification Detection Code packet (SHA-1 of all that), everything encrypted by the encryptor's
 * CFB stream, in partial body lengths ({@link PartialBodyOutputStream}). Closing ends the packet;
 * {@link #abort} leaves it unfinished; {@code out} stays open either way. Not thread-safe.
 *
 * <p>BouncyCastle's {@code PGPEncryptedDataGenerator} writes the same packet; the fast path writes
 * it here so that the bulk of a message passes through a few small methods, which the JIT compiles
 * early in a short-lived process (see {@link JdkPieces}).
 */
final class SeipdV1OutputStream extends OutputStream {
  private static final byte[] MDC_HEADER = {(byte) 0xD3, 0x14};

  private final OutputStream cipher;
  private final PGPDigestCalculator mdc;
  private final OutputStream digest;
  private boolean closed;

  SeipdV1OutputStream(OutputStream out, PGPDataEncryptor encryptor, SecureRandom random)
      throws IOException {
    PartialBodyOutputStream body =
        new PartialBodyOutputStream(out, PacketTags.SYM_ENC_INTEGRITY_PRO);
    body.write(1); // version
    cipher = encryptor.getOutputStream(body);
    mdc = encryptor.getIntegrityCalculator();
    digest = mdc.getOutputStream();
    int bs = encryptor.getBlockSize();
    byte[] prefix = new byte[bs + 2];
    random.nextBytes(prefix);
    prefix[bs] = prefix[bs - 2];
    prefix[bs + 1] = prefix[bs - 1];
    write(prefix, 0, prefix.length);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (closed) {
      throw new IOException("the encrypted data packet is already finished");
    }
    digest.write(b, off, len);
    cipher.write(b, off, len);
  }

  /** Writes the MDC packet and ends the encrypted data packet. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    try {
      write(MDC_HEADER, 0, MDC_HEADER.length);
      closed = true;
      byte[] digest;
      try {
        digest = mdc.getDigest();
      } catch (UncheckedIOException e) {
        throw e.getCause(); // interrupted while waiting for the hash
      }
      cipher.write(digest);
      cipher.close();
    } finally {
      if (!closed) { // the MDC header could not be written
        abort();
      }
    }
  }

  /**
   * Leaves the packet unfinished (no MDC, no last piece of its partial body), so what was written
   * cannot be read as a whole, shorter packet, and stops the MDC's helper thread. Later writes
   * fail; close does nothing.
   */
  void abort() throws IOException {
    closed = true;
    digest.close();
  }
}

package dev.tributary.pgp.internal;

import dev.tributary.core.SystemException;
import dev.tributary.core.TributaryException;
import dev.tributary.core.auth.Secret;
import dev.tributary.pgp.Compression;
import dev.tributary.pgp.PgpKeyException;
import dev.tributary.pgp.SymmetricAlgorithm;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bouncycastle.bcpg.AEADAlgorithmTags;
import org.bouncycastle.bcpg.PacketTags;
import org.bouncycastle.openpgp.PGPCompressedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.PGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.jspecify.annotations.Nullable;

/**
 * The stream {@link dev.tributary.pgp.PgpEncryptor#encrypt(OutputStream)} returns: plaintext in, an
 * OpenPGP message out. It waits for the first 64 KiB (or the close) to decide whether the data is
 * worth compressing, then writes [armor] → PKESKs + SEIPD → [compressed data] → [one-pass
 * signatures] → literal data → [signatures]. Closing it finishes the message, {@link #abort} leaves
 * it unfinished; the target stays open. Not thread-safe.
 *
 * <p>An interrupt of the writing thread is seen within {@value #INTERRUPT_CHECK} bytes of
 * plaintext, and by {@code close}: the write or close throws an {@link InterruptedIOException} (the
 * flag stays set) and the message is left unfinished, as by {@link #abort}. Compression keeps a
 * thread busy without a wait, where an interrupt would otherwise be seen, for as long as its input
 * lasts.
 */
public final class EncryptingOutputStream extends OutputStream {
  private static final int BUFFER = 1 << 16;

  /** Plaintext bytes between two looks at the interrupt flag. */
  static final int INTERRUPT_CHECK = Interrupts.EVERY;

  /**
   * SEIPD v2's chunk size as BouncyCastle takes it, a power of two: 2^18, 256 KiB (chunk size octet
   * 12, OpenPGP.js's default). Each chunk carries a 16-byte tag, and a reader holds one chunk
   * before releasing it. BouncyCastle's smallest, 6 (64 bytes, octet 0), made messages 25 % larger
   * than their plaintext.
   */
  static final int AEAD_CHUNK_SIZE_EXPONENT = 18;

  /** BZIP2's block size in 100k: {@code bzip2 -9}'s, BouncyCastle's, the best compression. */
  private static final int BZIP2_BLOCK_SIZE = 9;

  private final EncryptionSettings settings;
  private final OutputStream target;
  private byte[] sample = new byte[Compressibility.SAMPLE];
  private int sampled;
  private boolean closed;

  /** Plaintext bytes written since the interrupt flag was last looked at. */
  private int unchecked;

  private @Nullable OutputStream literalOut;
  private @Nullable OutputStream compressedOut;
  private @Nullable OutputStream encryptedOut;
  private @Nullable ArmorEncoder armorOut;
  private @Nullable PGPCompressedDataGenerator compressor;
  private @Nullable Bzip2OutputStream bzip2;
  private @Nullable PGPEncryptedDataGenerator encryptor;
  private final List<PGPSignatureGenerator> signatures = new ArrayList<>();

  public EncryptingOutputStream(EncryptionSettings settings, OutputStream target) {
    this.settings = settings;
    this.target = target;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (closed) {
      throw new IOException("the encrypting stream is closed");
    }
    while (len > INTERRUPT_CHECK) { // a large write is checked piece by piece
      write(b, off, INTERRUPT_CHECK);
      off += INTERRUPT_CHECK;
      len -= INTERRUPT_CHECK;
    }
    unchecked += len;
    if (unchecked >= INTERRUPT_CHECK) {
      unchecked = 0;
      abortIfInterrupted();
    }
    if (literalOut == null) {
      int n = Math.min(len, sample.length - sampled);
      System.arraycopy(b, off, sample, sampled, n);
      sampled += n;
      off += n;
      len -= n;
      if (sampled < sample.length) {
        return;
      }
      open();
    }
    if (len > 0) {
      writeData(b, off, len);
    }
  }

  /**
   * Leaves the message unfinished and throws if this thread has been interrupted (a host stopping
   * its job); the flag stays set.
   */
  private void abortIfInterrupted() throws IOException {
    if (Thread.currentThread().isInterrupted()) {
      abort();
      throw new InterruptedIOException("interrupted while encrypting: the message is unfinished");
    }
  }

  private void writeData(byte[] b, int off, int len) throws IOException {
    literalOut.write(b, off, len);
  }

  private void open() throws IOException {
    try {
      // The signing keys first: a key that cannot sign fails before anything is written.
      Date now = Date.from(settings.clock().instant());
      int type =
          settings.text() ? PGPSignature.CANONICAL_TEXT_DOCUMENT : PGPSignature.BINARY_DOCUMENT;
      for (UnlockedKeys signer : settings.signers()) {
        signatures.add(Signing.generator(signer, settings.engine(), type, now));
      }
      OutputStream out = new CloseShield(target);
      if (settings.armor()) {
        armorOut = new ArmorEncoder(out, "MESSAGE");
        out = armorOut;
      }
      encryptedOut = openEncryptedData(out);
      out = encryptedOut;
      if (settings.compression() != Compression.NONE
          && (!settings.skipIncompressible()
              || Compressibility.worthCompressing(sample, sampled))) {
        compressedOut = openCompressedData(out);
        out = compressedOut;
      }
      for (int i = 0; i < signatures.size(); i++) {
        signatures.get(i).generateOnePassVersion(i < signatures.size() - 1).encode(out);
      }
      Instant modified = settings.modificationTime();
      // Text is stored canonical, with CRLF line endings, as InlineSigning stores it (and why).
      literalOut =
          SigningOutputStream.of(
              LiteralData.open(
                  out,
                  settings.text() ? 'u' : 'b',
                  settings.fileName(),
                  modified == null ? now.toInstant() : modified),
              signatures,
              settings.text());
    } catch (PGPException | RuntimeException e) {
      // BouncyCastle throws RuntimeExceptions too (for key material it cannot use), in its words.
      if (e instanceof TributaryException t) {
        throw t;
      }
      throw new SystemException(
          "cannot start the OpenPGP message: the session key cannot be encrypted to the"
              + " recipients' keys"
              + (settings.passwords().isEmpty() ? "" : " or with the passwords")
              + ", or the "
              + settings.symmetricAlgorithm().displayName()
              + " cipher cannot be set up",
          e);
    }
    byte[] first = sample;
    sample = new byte[0];
    writeData(first, 0, sampled);
  }

  /**
   * Writes the session key packets (one for each recipient key, then one for each password) and
   * opens the encrypted data packet. SEIPD v1 with AES, the default, is written by {@link
   * SeipdV1OutputStream} with the JDK's AES; AEAD (SEIPD v2) and the other ciphers by
   * BouncyCastle's generator. Either way BouncyCastle's operators encrypt the session key (RSA
   * through the JDK's RSA, see {@link JdkRsa}).
   */
  private OutputStream openEncryptedData(OutputStream out) throws IOException, PGPException {
    SymmetricAlgorithm alg = settings.symmetricAlgorithm();
    SecureRandom random = new SecureRandom();
    boolean jdkAes =
        !settings.useAead()
            && switch (alg) {
              case AES_128, AES_192, AES_256 -> true;
              default -> false;
            };
    if (jdkAes) {
      JdkSeipdV1EncryptorBuilder builder = new JdkSeipdV1EncryptorBuilder(alg.id(), random);
      byte[] sessionKey = PGPUtil.makeRandomKey(alg.id(), random);
      try {
        for (PGPPublicKey key : settings.encryptionKeys()) {
          out.write(JdkRsa.keyEncryption(key).generate(builder, sessionKey).getEncoded());
        }
        for (Secret password : settings.passwords()) {
          out.write(
              MessagePasswords.encryption(password, false, random)
                  .generate(builder, sessionKey)
                  .getEncoded());
        }
        return new SeipdV1OutputStream(out, builder.build(sessionKey), random);
      } finally {
        Arrays.fill(sessionKey, (byte) 0); // the cipher holds its own copy
      }
    }
    PGPDataEncryptorBuilder builder =
        settings.useAead()
            ? new BcPGPDataEncryptorBuilder(alg.id())
                .setWithAEAD(AEADAlgorithmTags.OCB, AEAD_CHUNK_SIZE_EXPONENT)
                .setUseV6AEAD()
                .setSecureRandom(random)
            : new BcPGPDataEncryptorBuilder(alg.id())
                .setWithIntegrityPacket(true)
                .setSecureRandom(random);
    encryptor = new PGPEncryptedDataGenerator(builder);
    for (PGPPublicKey key : settings.encryptionKeys()) {
      encryptor.addMethod(JdkRsa.keyEncryption(key));
    }
    for (Secret password : settings.passwords()) {
      encryptor.addMethod(MessagePasswords.encryption(password, settings.useAead(), random));
    }
    return encryptor.open(out, new byte[BUFFER]);
  }

  /**
   * Opens the compressed data packet. ZIP and ZLIB are BouncyCastle's generator; BZIP2 is our own
   * {@link Bzip2OutputStream} in a packet we write, because BouncyCastle's bzip2 compressor writes
   * repetitive data in randomised blocks, which OpenPGP.js and Go refuse. Its blocks are 900k,
   * whatever the level, as BouncyCastle's were: the level is zlib's.
   */
  private OutputStream openCompressedData(OutputStream out) throws IOException, PGPException {
    if (settings.compression() == Compression.BZIP2) {
      PartialBodyOutputStream packet = new PartialBodyOutputStream(out, PacketTags.COMPRESSED_DATA);
      packet.write(Compression.BZIP2.id());
      bzip2 = new Bzip2OutputStream(packet, BZIP2_BLOCK_SIZE);
      return bzip2;
    }
    compressor =
        new PGPCompressedDataGenerator(settings.compression().id(), settings.compressionLevel());
    return compressor.open(out, new byte[BUFFER]);
  }

  /**
   * Flushes the target, so that what the message has written to it goes out, and writes nothing
   * more: the plaintext since then waits in the message's buffers (the first 64 KiB, which decide
   * on compression, the compressor's, and the packets', whose partial lengths are powers of two, or
   * SEIPD v2's 256 KiB chunks), which a flush cannot empty without ending the packets. Does nothing
   * once the message is closed or aborted.
   */
  @Override
  public void flush() throws IOException {
    if (!closed) {
      target.flush();
    }
  }

  /**
   * Finishes the message: the end of the literal data, the signatures, the MDC or last AEAD chunk,
   * the armor footer. If that fails, or this thread has been interrupted, the message is left
   * unfinished, as by {@link #abort}.
   */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    abortIfInterrupted();
    boolean finished = false;
    try {
      finish();
      finished = true;
    } finally {
      if (!finished) {
        abort();
      }
    }
  }

  /**
   * Ends the message without finishing it, for a failure while its plaintext was written: nothing
   * more reaches the target, so what it holds lacks the end of the encrypted data (and the armor
   * footer) and cannot decrypt as a whole, shorter message, which closing would make. Stops the
   * helper thread; the target stays open. Writing after it fails; close does nothing.
   */
  public void abort() throws IOException {
    closed = true;
    if (bzip2 != null) {
      bzip2.abandon();
    }
    if (encryptedOut instanceof SeipdV1OutputStream seipd) {
      seipd.abort();
    }
  }

  private void finish() throws IOException {
    if (literalOut == null) {
      open();
    }
    closed = true;
    literalOut.close();
    OutputStream signatureOut = compressedOut != null ? compressedOut : encryptedOut;
    for (int i = signatures.size() - 1; i >= 0; i--) {
      try {
        signatures.get(i).generate().encode(signatureOut);
      } catch (PGPException | RuntimeException e) {
        if (e instanceof TributaryException t) {
          throw t;
        }
        throw new PgpKeyException(
            "cannot sign the message with key "
                + settings.signers().get(i).fingerprint()
                + ": the signature cannot be made",
            e);
      }
    }
    if (compressor != null) {
      compressor.close();
    }
    if (bzip2 != null) {
      bzip2.close(); // and the packet
    }
    if (encryptor != null) {
      encryptor.close();
    } else {
      encryptedOut.close();
    }
    if (armorOut != null) {
      armorOut.close();
    }
    target.flush();
  }
}

package dev.tributary.pgp.internal;

import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import dev.tributary.pgp.Compression;
import dev.tributary.pgp.DecryptionResult;
import dev.tributary.pgp.LiteralDataFormat;
import dev.tributary.pgp.PgpDataException;
import dev.tributary.pgp.PgpDataException.Reason;
import dev.tributary.pgp.PgpIntegrityException;
import dev.tributary.pgp.SignaturePolicy;
import dev.tributary.pgp.SignatureVerification;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPOnePassSignature;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPPadding;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.jspecify.annotations.Nullable;

/**
 * The plaintext of a message, streamed. Reports the end ({@code -1}) only after the whole message
 * has been read, its integrity verified, its signatures checked (one-pass signatures, and the
 * old-style signatures before the literal data) and nothing found after it but what RFC 9580 allows
 * (the signatures a one-pass signature announced, each of them, marker and padding packets), not
 * even in the compressed data packet after its compressed stream; a failure instead throws the
 * {@link PgpIntegrityException} or {@link PgpDataException} from {@code read}, and every later
 * {@code read} throws it again. Any failure inside the encrypted data is first checked against the
 * integrity protection, so that tampering always gives the same integrity error. Not thread-safe.
 */
public final class DecryptingInputStream extends InputStream {
  private final InputStream plain;
  private final Step endOfMessage;
  private final DecryptionSettings settings;
  private final @Nullable SignatureChecks checks;
  private final Opening opening;

  private PGPObjectFactory factory;
  private boolean compressed;

  /** The packets around the compressed data packet, and that packet's body. */
  private @Nullable PGPObjectFactory outside;

  private @Nullable CompressedContent compressedContent;

  /**
   * One-pass signatures read whose signature has not been read yet, the last on top. The signatures
   * after the literal data close them in reverse order, each one of its own level (RFC 9580,
   * section 10.3): those inside the compressed data packet close those above {@link
   * #announcedOutside}, those after it the rest.
   */
  private final Deque<PGPOnePassSignature> announced = new ArrayDeque<>();

  /** How many one-pass signatures came before the compressed data packet. */
  private int announcedOutside;

  private @Nullable RuntimeException failure;
  private @Nullable InputStream literal;
  private String fileName = "";
  private Instant modificationTime = Instant.EPOCH;
  private LiteralDataFormat format = LiteralDataFormat.BINARY;
  private long count;

  /** The {@link #count} at which the interrupt flag is next looked at. */
  private long interruptCheckAt;

  private @Nullable DecryptionResult result;

  private DecryptingInputStream(
      InputStream plain,
      Step endOfMessage,
      DecryptionSettings settings,
      @Nullable SignatureChecks checks,
      Opening opening) {
    this.plain = plain;
    this.endOfMessage = endOfMessage;
    this.settings = settings;
    this.checks = checks;
    this.opening = opening;
    this.factory = new BcPGPObjectFactory(plain);
  }

  /**
   * @param endOfMessage checks what follows the encrypted data, once it has been read and verified
   */
  static DecryptingInputStream start(
      InputStream plain,
      Step endOfMessage,
      DecryptionSettings settings,
      @Nullable SignatureChecks checks,
      Opening opening)
      throws IOException {
    DecryptingInputStream s =
        new DecryptingInputStream(plain, endOfMessage, settings, checks, opening);
    s.guard(s::findLiteralData);
    return s;
  }

  private void findLiteralData() throws IOException, PGPException {
    while (true) {
      Object o = factory.nextObject();
      if (o == null) {
        throw new PgpDataException(Reason.MALFORMED, "the message holds no literal data");
      } else if (o instanceof PGPCompressedData c) {
        if (compressed) {
          throw new PgpDataException(Reason.MALFORMED, "the message is compressed twice");
        }
        compressed = true;
        checkCompression(c.getAlgorithm());
        outside = factory;
        compressedContent = CompressedContent.openForDecryption(c);
        factory = new BcPGPObjectFactory(compressedContent.stream());
        announcedOutside = announced.size();
      } else if (o instanceof PGPOnePassSignatureList list) {
        for (PGPOnePassSignature ops : list) {
          announced.push(ops);
          if (checks != null) {
            checks.onePassSignature(ops);
          }
        }
      } else if (o instanceof PGPSignatureList list) {
        // An old-style signed message: "Signature Packet, OpenPGP Message" (RFC 9580, 10.3).
        if (checks != null) {
          for (PGPSignature sig : list) {
            checks.signatureBefore(sig);
          }
        }
      } else if (o instanceof PGPLiteralData data) {
        fileName = data.getFileName();
        modificationTime = data.getModificationTime().toInstant();
        format = LiteralDataFormat.of(data.getFormat());
        literal = data.getInputStream();
        return;
      } else if (!(o instanceof PGPMarker || o instanceof PGPPadding)) {
        throw new PgpDataException(
            Reason.MALFORMED,
            "the decrypted message is malformed: it holds "
                + ParseFailures.describe(o)
                + " before its literal data");
      }
    }
  }

  /** Refuses an empty compressed data packet and an unknown compression algorithm. */
  static void checkCompression(int id) {
    if (id < 0) {
      // BouncyCastle reads the algorithm octet as the packet's first; -1 is the packet's end.
      throw new PgpDataException(
          Reason.MALFORMED,
          "the decrypted message is malformed: its compressed data packet is empty, without even"
              + " its algorithm");
    }
    for (Compression c : Compression.values()) {
      if (c.id() == id) {
        return;
      }
    }
    throw new PgpDataException(
        Reason.UNSUPPORTED, "the message uses an unknown compression algorithm (ID " + id + ")");
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (failure != null) {
      throw failure;
    }
    try {
      return readPlaintext(b, off, len);
    } catch (RuntimeException e) {
      failure = e;
      stopReadingAhead(); // a compression bomb, say: nothing more is read
      throw e;
    }
  }

  private int readPlaintext(byte[] b, int off, int len) throws IOException {
    if (result != null) {
      return -1;
    }
    if (count >= interruptCheckAt) {
      interruptCheckAt = count + Interrupts.EVERY;
      guard(() -> Interrupts.check("decrypting"));
    }
    int[] n = new int[1];
    guard(() -> n[0] = literal.read(b, off, len));
    if (n[0] < 0) {
      guard(this::finish);
      return -1;
    }
    count += n[0];
    if (compressed && count > settings.engine().policy().maxDecompressedBytes()) {
      throw new PgpDataException(
          Reason.TOO_LARGE,
          "the message decompresses to more than "
              + settings.engine().policy().maxDecompressedBytes()
              + " bytes, the policy's limit (PgpPolicy.maxDecompressedBytes): a compression bomb,"
              + " or a file larger than expected; raise the limit if it is genuine");
    }
    if (checks != null) {
      checks.update(b, off, n[0]);
    }
    return n[0];
  }

  private void finish() throws IOException, PGPException {
    if (checks != null) {
      checks.literalDataEnded();
    }
    afterLiteralData(factory, outside == null ? 0 : announcedOutside);
    if (outside != null) {
      compressedContent.requireEnd();
      afterLiteralData(outside, 0);
    }
    drain(plain);
    endOfMessage.run();
    List<SignatureVerification> signatures = checks == null ? List.of() : checks.results();
    result =
        new DecryptionResult(
            fileName,
            modificationTime,
            opening.algorithm(),
            opening.aead(),
            opening.keyFingerprint(),
            signatures,
            count,
            opening.bySessionKey(),
            opening.sessionKey(),
            format);
    if (settings.signaturePolicy() == SignaturePolicy.REQUIRED
        && signatures.stream().noneMatch(SignatureVerification::valid)) {
      throw new PgpDataException(
          Reason.BAD_SIGNATURE,
          signatures.isEmpty()
              ? "the message is not signed, and the policy requires a valid signature"
              : "the message has no valid signature by a verification certificate: "
                  + signatures.get(0).problem());
    }
  }

  /**
   * Reads the packets after the literal data at one level, inside or outside the compressed data:
   * the signatures that close the one-pass signatures above {@code floor} in {@link #announced}
   * (RFC 9580, section 10.3), one for each, in reverse order, and marker and padding packets.
   * Anything else is refused, and so are missing signatures and signatures that do not match their
   * one-pass signatures ({@link OnePassPairing}).
   */
  private void afterLiteralData(PGPObjectFactory packets, int floor) throws IOException {
    Object o;
    while ((o = packets.nextObject()) != null) {
      if (o instanceof PGPSignatureList list) {
        for (PGPSignature sig : list) {
          closeOnePassSignature(sig, floor);
        }
      } else if (!(o instanceof PGPMarker || o instanceof PGPPadding)) {
        throw new PgpDataException(
            Reason.MALFORMED,
            "the decrypted message holds " + ParseFailures.describe(o) + " after its literal data");
      }
    }
    // Under every signature policy: IGNORED skips the checks, not the message's structure.
    int missing = announced.size() - floor;
    if (missing > 0) {
      throw new PgpDataException(
          Reason.MALFORMED,
          missing == 1
              ? "the decrypted message ends without the signature that a one-pass signature"
                  + " announced"
              : "the decrypted message ends without "
                  + missing
                  + " signatures that one-pass signatures announced");
    }
  }

  private void closeOnePassSignature(PGPSignature sig, int floor) {
    if (announced.size() <= floor) {
      throw new PgpDataException(
          Reason.MALFORMED,
          "the decrypted message holds a signature after its literal data that no one-pass"
              + " signature announced");
    }
    PGPOnePassSignature ops = announced.pop();
    OnePassPairing.require(ops, sig);
    if (checks != null) {
      checks.signature(ops, sig);
    }
  }

  /**
   * Reads {@code in} to its end; for the decrypted data, {@link #plain}, that verifies the MDC or
   * the last AEAD tag.
   */
  private static void drain(InputStream in) throws IOException {
    byte[] skip = new byte[1 << 16];
    while (in.read(skip, 0, skip.length) >= 0) {
      // discard
    }
  }

  /** The format of the literal data, known once the stream has started. */
  public LiteralDataFormat format() {
    return format;
  }

  /** The result, once {@link #read} has returned -1. */
  public DecryptionResult result() {
    if (result == null) {
      throw new IllegalStateException("read the plaintext to its end first");
    }
    return result;
  }

  @Override
  public void close() throws IOException {
    stopReadingAhead();
    plain.close();
  }

  /** Stops the helper thread that decrypts the compressed data packet ahead, if there is one. */
  private void stopReadingAhead() {
    if (compressedContent != null) {
      compressedContent.stop();
    }
  }

  /** A step of reading the message; its failures are reported in our words. */
  interface Step {
    void run() throws IOException, PGPException;
  }

  private void guard(Step step) throws IOException {
    try {
      step.run();
    } catch (IntegrityFailure e) {
      stopReadingAhead();
      throw new PgpIntegrityException(e);
    } catch (IOException | PGPException | RuntimeException e) {
      // Before anything below reads the decrypted data on this thread.
      stopReadingAhead();
      if (Interrupts.causedAny(e)) {
        // A host stopping its job, not damage: the data may be whole, and is not read further.
        // The interrupt may also have closed the read-ahead under the source: checked first.
        throw new TransientException("decryption was interrupted", e);
      }
      if (SourceFailure.isCause(e)) {
        throw new TransientException("reading the message failed: " + e.getMessage(), e);
      }
      if (IntegrityFailure.isCause(e)) {
        throw new PgpIntegrityException(e);
      }
      ArmorDecoder.Damage armor = ArmorDecoder.Damage.find(e);
      if (armor != null) { // not base64: the armor was damaged, not the encrypted data
        throw new PgpDataException(Reason.MALFORMED, armor.getMessage(), e);
      }
      // Damage inside the encrypted data is tampering unless the integrity check says otherwise.
      // The read-ahead may have met the failed check first: plain throws it again (see
      // SeipdV1InputStream).
      try {
        drain(plain);
      } catch (IOException | RuntimeException drainFailure) {
        if (IntegrityFailure.isCause(drainFailure)) {
          throw new PgpIntegrityException(e);
        }
      }
      if (e instanceof TributaryException t) {
        throw t;
      }
      // BouncyCastle's messages may name its classes and print object hashes: ours instead.
      throw new PgpDataException(
          Reason.MALFORMED, "the decrypted message is malformed: its packets cannot be read", e);
    }
  }
}

package dev.tributary.pgp.internal;

import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import dev.tributary.pgp.PgpDataException;
import dev.tributary.pgp.PgpDataException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPObjectFactory;
import org.bouncycastle.openpgp.PGPOnePassSignature;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPPadding;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;

/**
 * Reads a signed message that is not encrypted (RFC 9580, section 10.3): one-pass signatures or
 * old-style signatures, optionally inside one compressed data packet, the literal data, and the
 * signatures that close the one-pass signatures, in reverse order ({@link OnePassPairing}). What it
 * finds goes to a {@link Visitor} as it streams; anything else in the message is refused as {@link
 * Reason#MALFORMED}. The decrypting counterpart is {@link DecryptingInputStream}. Not thread-safe.
 *
 * <p>An interrupt of the reading thread is seen within {@value Interrupts#EVERY} bytes of the
 * signed data, also while a compressed message (a bomb too) is decompressed: the read fails with a
 * {@link TransientException} ({@value #INTERRUPTED}) and the flag stays set.
 */
final class SignedMessageReader {
  static final String INTERRUPTED = "reading the signed message was interrupted";

  /** What the message holds, in the order it holds it. */
  interface Visitor {
    void onePassSignature(PGPOnePassSignature ops);

    void signatureBefore(PGPSignature sig);

    /** The literal data starts; {@code format} is its format octet ({@code 'b'}, {@code 'u'}…). */
    void literalData(int format);

    void data(byte[] b, int off, int len) throws IOException;

    void literalDataEnded();

    void signatureAfter(PGPOnePassSignature ops, PGPSignature sig);
  }

  private final Visitor visitor;
  private final long maxDecompressedBytes;
  private final Deque<PGPOnePassSignature> announced = new ArrayDeque<>();
  private boolean signed;

  private SignedMessageReader(Visitor visitor, long maxDecompressedBytes) {
    this.visitor = visitor;
    this.maxDecompressedBytes = maxDecompressedBytes;
  }

  /**
   * Reads the binary packets {@code packets} to their end; {@link ArmorDecoder#require} is the
   * caller's.
   *
   * @throws PgpDataException if the message is malformed or not signed
   */
  static void read(InputStream packets, Visitor visitor, long maxDecompressedBytes) {
    SignedMessageReader r = new SignedMessageReader(visitor, maxDecompressedBytes);
    try {
      r.readLevel(new BcPGPObjectFactory(new MarkerSkippingPackets(packets)), false);
    } catch (IOException | RuntimeException e) {
      if (Interrupts.causedAny(e)) {
        // A host stopping its job, not damage, nor a failing source or target.
        throw new TransientException(INTERRUPTED, e);
      }
      if (e instanceof TributaryException t) {
        throw t;
      }
      if (SourceFailure.isCause(e)) {
        throw new TransientException("reading the message failed: " + e.getMessage(), e);
      }
      throw ParseFailures.malformed("the signed message", e);
    }
  }

  /** Reads one level of packets: the message's, or those inside its compressed data packet. */
  private void readLevel(PGPObjectFactory factory, boolean compressed) throws IOException {
    int floor = announced.size();
    Object o;
    while ((o = factory.nextObject()) != null) {
      if (o instanceof PGPCompressedData c && !compressed) {
        readCompressed(c);
        floor = closeAfter(factory, floor);
        requireSigned();
        return;
      } else if (o instanceof PGPOnePassSignatureList list) {
        for (PGPOnePassSignature ops : list) {
          announced.push(ops);
          signed = true;
          visitor.onePassSignature(ops);
        }
      } else if (o instanceof PGPSignatureList list) {
        for (PGPSignature sig : list) {
          signed = true;
          visitor.signatureBefore(sig);
        }
      } else if (o instanceof PGPLiteralData data) {
        visitor.literalData(data.getFormat());
        copy(data.getInputStream(), compressed);
        visitor.literalDataEnded();
        closeAfter(factory, floor);
        requireSigned();
        return;
      } else if (!(o instanceof PGPMarker || o instanceof PGPPadding)) {
        throw new PgpDataException(
            Reason.MALFORMED,
            "the signed message is malformed: it holds "
                + ParseFailures.describe(o)
                + " before its literal data");
      }
    }
    throw new PgpDataException(
        Reason.NOT_OPENPGP, "the OpenPGP data is not a signed message: it holds no literal data");
  }

  private void readCompressed(PGPCompressedData c) throws IOException {
    DecryptingInputStream.checkCompression(c.getAlgorithm());
    CompressedContent content = CompressedContent.open(c);
    readLevel(new BcPGPObjectFactory(new MarkerSkippingPackets(content.stream())), true);
    content.requireEnd();
  }

  private void copy(InputStream literal, boolean compressed) throws IOException {
    byte[] buffer = new byte[Interrupts.EVERY]; // the flag is looked at before each read
    long count = 0;
    while (true) {
      Interrupts.check("reading the signed message");
      int n = literal.read(buffer);
      if (n < 0) {
        return;
      }
      count += n;
      if (compressed && count > maxDecompressedBytes) {
        throw new PgpDataException(
            Reason.TOO_LARGE,
            "the message decompresses to more than "
                + maxDecompressedBytes
                + " bytes, the policy's limit (PgpPolicy.maxDecompressedBytes): a compression"
                + " bomb, or a file larger than expected; raise the limit if it is genuine");
      }
      visitor.data(buffer, 0, n);
    }
  }

  /**
   * Reads the signatures after the literal data at one level, which close the one-pass signatures
   * above {@code floor}, and refuses anything else and any that are missing; returns the new floor.
   */
  private int closeAfter(PGPObjectFactory packets, int floor) throws IOException {
    Object o;
    while ((o = packets.nextObject()) != null) {
      if (o instanceof PGPSignatureList list) {
        for (PGPSignature sig : list) {
          if (announced.size() <= floor) {
            throw new PgpDataException(
                Reason.MALFORMED,
                "the signed message holds a signature after its literal data that no one-pass"
                    + " signature announced");
          }
          PGPOnePassSignature ops = announced.pop();
          OnePassPairing.require(ops, sig, "the signed message");
          visitor.signatureAfter(ops, sig);
        }
      } else if (!(o instanceof PGPMarker || o instanceof PGPPadding)) {
        throw new PgpDataException(
            Reason.MALFORMED,
            "the signed message holds " + ParseFailures.describe(o) + " after its literal data");
      }
    }
    if (announced.size() > floor) {
      throw new PgpDataException(
          Reason.MALFORMED,
          "the signed message ends without "
              + (announced.size() - floor)
              + " signature(s) that its one-pass signatures announced");
    }
    return floor;
  }

  private void requireSigned() {
    if (!signed) {
      throw new PgpDataException(
          Reason.NOT_OPENPGP,
          "the OpenPGP data is not a signed message: its literal data has no signature");
    }
  }
}

package dev.tributary.pgp.internal;

import dev.tributary.core.TransientException;
import dev.tributary.pgp.LiteralDataFormat;
import dev.tributary.pgp.SignatureVerification;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.openpgp.PGPOnePassSignature;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.jspecify.annotations.Nullable;

/**
 * Verifies and detaches inline-signed messages that are not encrypted: one-pass or old-style signed
 * messages, binary or armored ({@link SignedMessageReader}), and cleartext-signed messages ({@link
 * CleartextMessage}). Signatures are checked by {@link SignatureChecks}, as in decryption.
 * Stateless.
 */
public final class InlineVerification {
  /** The message of the failure of a call that an interrupt of its thread stopped. */
  public static final String INTERRUPTED = SignedMessageReader.INTERRUPTED;

  private InlineVerification() {}

  /**
   * Writes the signed data to {@code data} and returns a verification per signature.
   *
   * @param textToLf whether the CR LF pairs of text (literal data {@code 't'} or {@code 'u'}) are
   *     written as LF; the signatures are checked over the text as stored
   * @param clock what the signatures' expiry and creation times are judged against
   */
  public static List<SignatureVerification> verify(
      InputStream message,
      OutputStream data,
      List<PGPPublicKeyRing> certs,
      Engine engine,
      boolean textToLf,
      Clock clock) {
    SignatureChecks checks = new SignatureChecks(engine, certs, clock);
    try {
      BufferedInputStream in = new BufferedInputStream(SourceFailure.guard(message), 1 << 16);
      if (isCleartext(in)) {
        CleartextMessage m = CleartextMessage.read(in);
        if (!TextSignatureHashing.hasLoneCr(m.text(), 0, m.signedLength())) {
          checks.dataHasNoLoneCr();
        }
        for (PGPSignature sig : m.signatures()) {
          checks.signatureBefore(sig);
        }
        for (int off = 0; off < m.signedLength(); off += Interrupts.EVERY) {
          Interrupts.check(CleartextMessage.READING); // the text may be 64 MiB
          checks.update(m.text(), off, Math.min(Interrupts.EVERY, m.signedLength() - off));
        }
        checks.literalDataEnded();
        writeText(data, m.text(), m.text().length);
        return cleartextChecked(checks.results(), m);
      }
      InputStream packets = ArmorDetection.binaryWithFooter(in, "MESSAGE");
      SignedMessageReader.read(packets, new Checking(checks, data, textToLf), maxBytes(engine));
      ArmorDecoder.require(packets, "the signed message");
      return checks.results();
    } catch (IOException e) {
      throw readFailure(e);
    } catch (RuntimeException e) {
      throw interruptedOr(e);
    }
  }

  /**
   * Writes the signed data to {@code data} and the message's signatures, as detached signatures, to
   * {@code signatures}; returns how many there were.
   */
  public static int detach(
      InputStream message, OutputStream data, OutputStream signatures, boolean armor) {
    List<PGPSignature> found = new ArrayList<>();
    try {
      BufferedInputStream in = new BufferedInputStream(SourceFailure.guard(message), 1 << 16);
      if (isCleartext(in)) {
        CleartextMessage m = CleartextMessage.read(in);
        found.addAll(m.signatures());
        writeText(data, m.text(), m.signedLength());
      } else {
        InputStream packets = ArmorDetection.binaryWithFooter(in, "MESSAGE");
        SignedMessageReader.read(packets, new Collecting(found, data), Long.MAX_VALUE);
        ArmorDecoder.require(packets, "the signed message");
      }
    } catch (IOException e) {
      throw readFailure(e);
    } catch (RuntimeException e) {
      throw interruptedOr(e);
    }
    byte[] encoded = DetachedSignatures.encode(found, armor);
    try {
      signatures.write(encoded);
      signatures.flush();
    } catch (IOException e) {
      throw new TransientException("writing the signatures failed: " + e.getMessage(), e);
    }
    return found.size();
  }

  private static boolean isCleartext(BufferedInputStream in) throws IOException {
    in.mark(64);
    byte[] head = in.readNBytes(64);
    in.reset();
    return CleartextMessage.starts(head);
  }

  private static long maxBytes(Engine engine) {
    return engine.policy().maxDecompressedBytes();
  }

  /**
   * A verification turned invalid when its signature breaks the cleartext signature framework's
   * rules (RFC 9580, section 7): a text signature (type 0x01), over the text with CR LF line
   * endings, whose hash algorithm the message's {@code Hash:} headers name, if it has any.
   */
  private static List<SignatureVerification> cleartextChecked(
      List<SignatureVerification> results, CleartextMessage m) {
    List<SignatureVerification> checked = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      SignatureVerification v = results.get(i);
      String problem = v.valid() ? cleartextProblem(m.signatures().get(i), m) : null;
      checked.add(
          problem == null
              ? v
              : new SignatureVerification(
                  v.keyId(),
                  v.signerFingerprint(),
                  v.signingKeyFingerprint(),
                  v.created(),
                  v.type(),
                  false,
                  problem));
    }
    return checked;
  }

  private static @Nullable String cleartextProblem(PGPSignature sig, CleartextMessage m) {
    if (sig.getSignatureType() != PGPSignature.CANONICAL_TEXT_DOCUMENT) {
      // A binary signature checks the text's bytes as they stand, line endings and all: the
      // signature of a file, say, framed as a cleartext message. GnuPG and Sequoia refuse it.
      return "the signature is a binary signature (type 0x00), not the text signature (type 0x01)"
          + " that a cleartext-signed message holds";
    }
    String notAHash = m.notAHashName();
    if (notAHash != null) {
      String shown = notAHash.length() > 40 ? notAHash.substring(0, 40) + "…" : notAHash;
      return "the message's Hash: header names "
          + TerminalText.quote(shown)
          + ", which is no hash algorithm: RFC 9580 (section 6.2.2.3) has no signature of such a"
          + " message count";
    }
    String hash = CleartextMessage.hashName(sig.getHashAlgorithm());
    if (!m.hashes().isEmpty() && !m.hashes().contains(hash)) {
      return "the signature uses hash algorithm "
          + hash
          + ", which the message's Hash: header does not name";
    }
    return null;
  }

  private static void write(OutputStream out, byte[] b, int off, int len) {
    try {
      out.write(b, off, len);
      out.flush();
    } catch (IOException e) {
      throw new TransientException("writing the signed data failed: " + e.getMessage(), e);
    }
  }

  /**
   * Writes the first {@code len} bytes of a cleartext-signed message's text, which may be 64 MiB,
   * {@link Interrupts#EVERY} bytes at a time, looking at the interrupt flag before each.
   */
  private static void writeText(OutputStream out, byte[] text, int len)
      throws InterruptedIOException {
    for (int off = 0; off < len; off += Interrupts.EVERY) {
      Interrupts.check(CleartextMessage.READING);
      int n = Math.min(Interrupts.EVERY, len - off);
      try {
        out.write(text, off, n);
      } catch (IOException e) {
        throw new TransientException("writing the signed data failed: " + e.getMessage(), e);
      }
    }
    try {
      out.flush();
    } catch (IOException e) {
      throw new TransientException("writing the signed data failed: " + e.getMessage(), e);
    }
  }

  /**
   * {@code e}, or, when an interrupt of this thread caused it (a write into a file the interrupt
   * closed, say), the interrupt: the same failure the one-pass path gives ({@link
   * SignedMessageReader}).
   */
  private static RuntimeException interruptedOr(RuntimeException e) {
    boolean told = e instanceof TransientException && INTERRUPTED.equals(e.getMessage());
    return !told && Interrupts.causedAny(e) ? new TransientException(INTERRUPTED, e) : e;
  }

  private static RuntimeException readFailure(IOException e) {
    if (Interrupts.causedAny(e)) {
      // A host stopping its job, not damage, nor a failing source.
      return new TransientException(INTERRUPTED, e);
    }
    if (SourceFailure.isCause(e)) {
      return new TransientException("reading the message failed: " + e.getMessage(), e);
    }
    return ParseFailures.malformed("the signed message", e);
  }

  /**
   * Feeds the data to the checks as stored and writes it out, text with its CR LF pairs made LF
   * when asked to.
   */
  private static final class Checking implements SignedMessageReader.Visitor {
    private final SignatureChecks checks;
    private final OutputStream out;
    private final boolean textToLf;
    private CrLfToLf.@Nullable Output text;

    Checking(SignatureChecks checks, OutputStream out, boolean textToLf) {
      this.checks = checks;
      this.out = out;
      this.textToLf = textToLf;
    }

    @Override
    public void onePassSignature(PGPOnePassSignature ops) {
      checks.onePassSignature(ops);
    }

    @Override
    public void signatureBefore(PGPSignature sig) {
      checks.signatureBefore(sig);
    }

    @Override
    public void literalData(int format) {
      if (textToLf && LiteralDataFormat.of(format).isText()) {
        text = CrLfToLf.output(out);
      }
    }

    @Override
    public void data(byte[] b, int off, int len) {
      checks.update(b, off, len);
      InlineVerification.write(text != null ? text : out, b, off, len);
    }

    @Override
    public void literalDataEnded() {
      if (text != null) {
        try {
          text.finish(); // a CR that ends the text
          text.flush();
        } catch (IOException e) {
          throw new TransientException("writing the signed data failed: " + e.getMessage(), e);
        }
      }
      checks.literalDataEnded();
    }

    @Override
    public void signatureAfter(PGPOnePassSignature ops, PGPSignature sig) {
      checks.signature(ops, sig);
    }
  }

  /** Collects the signatures and writes the data out. */
  private record Collecting(List<PGPSignature> found, OutputStream out)
      implements SignedMessageReader.Visitor {
    @Override
    public void onePassSignature(PGPOnePassSignature ops) {}

    @Override
    public void signatureBefore(PGPSignature sig) {
      found.add(sig);
    }

    @Override
    public void literalData(int format) {} // as stored: what detached signatures are over

    @Override
    public void data(byte[] b, int off, int len) {
      InlineVerification.write(out, b, off, len);
    }

    @Override
    public void literalDataEnded() {}

    @Override
    public void signatureAfter(PGPOnePassSignature ops, PGPSignature sig) {
      found.add(sig);
    }
  }
}

package dev.tributary.pgp.internal;

import dev.tributary.core.SystemException;
import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import dev.tributary.pgp.PgpKeyException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;

/**
 * Writes inline-signed messages that are not encrypted: one-pass signatures, the literal data and
 * the signatures (RFC 9580, section 10.3), streamed in constant memory, armored or binary; or a
 * cleartext-signed message ({@link CleartextSigning}). A failure (reading the data, making a
 * signature, writing, an interrupt of the thread, seen within {@value Interrupts#EVERY} bytes of
 * the data) leaves the message unfinished: no last piece of the literal data, no signatures, no
 * armor checksum or footer, so that it cannot pass for a whole message. Stateless.
 */
public final class InlineSigning {
  /** The three forms of an inline-signed message. */
  public enum Form {
    BINARY,
    TEXT,
    CLEARTEXT
  }

  private InlineSigning() {}

  /**
   * Signs {@code data} with each key's signing key valid at {@code made}, and writes the message in
   * {@code form} to {@code target}: signatures made then, and for a one-pass signed message literal
   * data dated then.
   */
  public static void sign(
      InputStream data,
      OutputStream target,
      List<UnlockedKeys> keys,
      Form form,
      boolean armor,
      Engine engine,
      Instant made) {
    Date now = Date.from(made);
    int type =
        form == Form.BINARY ? PGPSignature.BINARY_DOCUMENT : PGPSignature.CANONICAL_TEXT_DOCUMENT;
    List<PGPSignatureGenerator> generators = new ArrayList<>();
    for (UnlockedKeys k : keys) {
      generators.add(Signing.generator(k, engine, type, now));
    }
    InputStream source = SourceFailure.guard(data);
    try {
      if (form == Form.CLEARTEXT) {
        CleartextSigning.write(source, target, generators);
      } else {
        // Not closed on a failure: closing writes the armor's checksum and footer.
        OutputStream out = armor ? new ArmorEncoder(target, "MESSAGE") : target;
        onePassSigned(source, out, generators, form == Form.TEXT ? 'u' : 'b', now);
        out.close();
      }
      target.flush();
    } catch (IOException | PGPException | RuntimeException e) {
      throw failure(e, keys);
    }
  }

  private static void onePassSigned(
      InputStream data,
      OutputStream out,
      List<PGPSignatureGenerator> generators,
      char format,
      Date now)
      throws IOException, PGPException {
    int n = generators.size();
    for (int i = 0; i < n; i++) {
      generators.get(i).generateOnePassVersion(i < n - 1).encode(out);
    }
    OutputStream literal = LiteralData.open(out, format, "", now.toInstant());
    // Text is stored canonical, with CRLF line endings, as GnuPG stores it: GnuPG 2.2 checks a text
    // signature over the stored text as it is, so it finds LF-only text signed as 0x01 "BAD".
    OutputStream signing =
        SigningOutputStream.of(new CloseShield(literal), generators, format == 'u');
    // Neither stream is closed on a failure: closing writes the literal data's last piece, which
    // would make a whole literal data packet of part of the data.
    Interrupts.copy(data, signing, Signing.SIGNING);
    signing.close(); // the text's last line ending; the packet stays open
    byte[] signatures = signatures(generators);
    literal.close();
    out.write(signatures);
  }

  /**
   * The signatures of {@code generators}, last first (nested one-pass signatures close inside out),
   * all made before any is written: one that cannot be made leaves none behind.
   */
  private static byte[] signatures(List<PGPSignatureGenerator> generators)
      throws IOException, PGPException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = generators.size() - 1; i >= 0; i--) {
      generators.get(i).generate().encode(bytes);
    }
    return bytes.toByteArray();
  }

  private static RuntimeException failure(Exception e, List<UnlockedKeys> keys) {
    if (e instanceof TributaryException t) {
      return t;
    }
    if (Interrupts.causedAny(e)) {
      return new TransientException(Signing.INTERRUPTED, e);
    }
    if (SourceFailure.isCause(e)) {
      return new TransientException("cannot sign: reading the data failed: " + e.getMessage(), e);
    }
    if (e instanceof IOException) {
      // Only the caller's stream throws IOExceptions here: its message is theirs.
      return new TransientException(
          "cannot sign: writing the message failed: " + e.getMessage(), e);
    }
    if (e instanceof PGPException) {
      return new PgpKeyException(
          "cannot sign with key "
              + (keys.size() == 1 ? keys.get(0).fingerprint() : "(one of " + keys.size() + ")")
              + ": the signature cannot be made",
          e);
    }
    return new SystemException("cannot sign: the message cannot be written", e);
  }
}

package dev.tributary.pgp.internal;

import dev.tributary.core.SystemException;
import dev.tributary.core.TransientException;
import dev.tributary.core.TributaryException;
import dev.tributary.pgp.PgpKeyException;
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
 * cleartext-signed message ({@link CleartextSigning}). Stateless.
 */
public final class InlineSigning {
  /** The three forms of an inline-signed message. */
  public enum Form {
    BINARY,
    TEXT,
    CLEARTEXT
  }

  private InlineSigning() {}

  public static void sign(
      InputStream data,
      OutputStream target,
      List<UnlockedKeys> keys,
      Form form,
      boolean armor,
      Engine engine) {
    Date now = Date.from(Instant.now());
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
      } else if (armor) {
        try (ArmorEncoder armored = new ArmorEncoder(target, "MESSAGE")) {
          onePassSigned(source, armored, generators, form == Form.TEXT ? 'u' : 'b', now);
        }
      } else {
        onePassSigned(source, target, generators, form == Form.TEXT ? 'u' : 'b', now);
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
    // Text is stored canonical, with CRLF line endings, as GnuPG stores it: GnuPG 2.2 checks a text
    // signature over the stored text as it is, so it finds LF-only text signed as 0x01 "BAD".
    try (OutputStream target =
        SigningOutputStream.of(
            LiteralData.open(out, format, "", now.toInstant()), generators, format == 'u')) {
      data.transferTo(target);
    }
    for (int i = n - 1; i >= 0; i--) {
      generators.get(i).generate().encode(out);
    }
  }

  private static RuntimeException failure(Exception e, List<UnlockedKeys> keys) {
    if (e instanceof TributaryException t) {
      return t;
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

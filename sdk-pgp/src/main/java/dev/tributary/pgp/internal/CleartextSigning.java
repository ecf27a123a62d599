package dev.tributary.pgp.internal;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.bcpg.BCPGOutputStream;
import org.bouncycastle.bcpg.OnePassSignaturePacket;
import org.bouncycastle.bcpg.PacketFormat;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPOnePassSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;

/**
 * Writes a message in the cleartext signature framework (RFC 9580, section 7): the header line, a
 * {@code Hash:} header naming the hash algorithms unless every signature is v6, a blank line, the
 * text with every line that starts with {@code -} dash-escaped, then the armored text signatures
 * (type 0x01). Streams the text line by line: the signatures are computed over the lines with their
 * trailing spaces, tabs and CRs removed, joined by CRLF, without the final line ending; the text
 * itself is written as it came. A text that does not end in a line ending gets an LF, which the
 * framework needs before the signature. A failure, an interrupt of the thread too (seen within
 * {@value Interrupts#EVERY} bytes of text), leaves the message without its signature block (what
 * was buffered of the text is not written either). Not thread-safe.
 */
final class CleartextSigning {
  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] DASH_ESCAPE = {'-', ' '};

  private final OutputStream out;
  private final List<PGPSignatureGenerator> generators;

  /** The spaces, tabs and CRs since the last other octet of the line, not hashed yet. */
  private final ByteArrayOutputStream trailing = new ByteArrayOutputStream();

  private boolean lineStart = true;
  private boolean firstLine = true;

  private CleartextSigning(OutputStream out, List<PGPSignatureGenerator> generators) {
    this.out = out;
    this.generators = generators;
  }

  static void write(InputStream text, OutputStream target, List<PGPSignatureGenerator> generators)
      throws IOException, PGPException {
    OutputStream out = new BufferedOutputStream(target, 1 << 16); // in runs between dashes
    out.write(header(generators).getBytes(StandardCharsets.US_ASCII));
    CleartextSigning w = new CleartextSigning(out, generators);
    byte[] buffer = new byte[Interrupts.EVERY];
    Interrupts.check(Signing.SIGNING);
    int n;
    while ((n = text.read(buffer)) >= 0) {
      w.block(buffer, n);
      Interrupts.check(Signing.SIGNING);
    }
    if (!w.lineStart) {
      out.write('\n');
    }
    byte[] signatures = signatures(generators);
    ArmorEncoder armor = new ArmorEncoder(out, "SIGNATURE");
    armor.write(signatures);
    armor.close(); // not on a failure: no footer after part of the signatures
    out.flush();
  }

  /**
   * The signatures of {@code generators}, in order, all made before any is written: one that cannot
   * be made leaves none behind (with the others, a whole message signed by fewer keys).
   */
  private static byte[] signatures(List<PGPSignatureGenerator> generators)
      throws IOException, PGPException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (BCPGOutputStream packets = new BCPGOutputStream(bytes, PacketFormat.CURRENT)) {
      for (PGPSignatureGenerator g : generators) {
        g.generate().encode(packets);
      }
    }
    return bytes.toByteArray();
  }

  private static String header(List<PGPSignatureGenerator> generators) throws PGPException {
    Set<String> hashes = new LinkedHashSet<>();
    boolean allV6 = true;
    for (PGPSignatureGenerator g : generators) {
      // The one-pass version tells the hash algorithm and version the generator was set up with.
      PGPOnePassSignature ops = g.generateOnePassVersion(false);
      hashes.add(CleartextMessage.hashName(ops.getHashAlgorithm()));
      allV6 &= ops.getVersion() == OnePassSignaturePacket.VERSION_6;
    }
    return "-----BEGIN PGP SIGNED MESSAGE-----\n"
        + (allV6 ? "" : "Hash: " + String.join(",", hashes) + "\n")
        + "\n";
  }

  /**
   * Writes the first {@code n} octets of {@code b}, dash-escaped, and hashes them as signed: the
   * octets between line endings and trailing whitespace a run at a time, not octet by octet.
   */
  private void block(byte[] b, int n) throws IOException {
    int written = 0; // what of b is written to out
    int run = -1; // where the octets to hash in one go start, or -1
    for (int i = 0; i < n; i++) {
      byte c = b[i];
      if (lineStart) {
        if (!firstLine) {
          hash(CRLF, 0, 2); // the previous line's ending; the last line's is not signed
        }
        firstLine = false;
        lineStart = false;
        if (c == '-') {
          out.write(b, written, i - written);
          out.write(DASH_ESCAPE);
          written = i;
        }
      }
      if (c == '\n' || c == ' ' || c == '\t' || c == '\r') {
        if (run >= 0) {
          hash(b, run, i - run);
          run = -1;
        }
        if (c == '\n') {
          trailing.reset(); // trailing whitespace is not signed
          lineStart = true;
        } else {
          trailing.write(c);
        }
      } else if (run < 0) {
        if (trailing.size() > 0) {
          hash(trailing.toByteArray(), 0, trailing.size());
          trailing.reset();
        }
        run = i;
      }
    }
    if (run >= 0) {
      hash(b, run, n - run);
    }
    out.write(b, written, n - written);
  }

  private void hash(byte[] b, int off, int len) {
    for (PGPSignatureGenerator g : generators) {
      g.update(b, off, len);
    }
  }
}

package dev.tributary.pgp.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.bouncycastle.openpgp.PGPSignatureGenerator;

/**
 * Writes to the stream below and updates the signature generators with the same octets: what is
 * signed is exactly what is written (for text, wrap it in a {@link CrlfOutputStream} so both see
 * the canonical form). Not thread-safe.
 */
final class SigningOutputStream extends FilterOutputStream {
  private final List<PGPSignatureGenerator> generators;

  SigningOutputStream(OutputStream out, List<PGPSignatureGenerator> generators) {
    super(out);
    this.generators = generators;
  }

  /**
   * A stream over {@code out} that signs what it writes, made canonical text when {@code text};
   * {@code out} itself when there is nothing to sign and nothing to convert (an unsigned binary
   * message: no extra layer on the bulk path).
   */
  static OutputStream of(OutputStream out, List<PGPSignatureGenerator> generators, boolean text) {
    if (generators.isEmpty() && !text) {
      return out;
    }
    OutputStream signing = new SigningOutputStream(out, generators);
    return text ? new CrlfOutputStream(signing) : signing;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    for (PGPSignatureGenerator g : generators) {
      g.update(b, off, len);
    }
    out.write(b, off, len);
  }
}

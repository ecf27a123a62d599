package dev.tributary.pgp.internal;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes text with its line endings made CRLF, the canonical form of RFC 9580 (section 5.2.1.2): LF
 * and a lone CR become CRLF, CRLF stays. {@link #close} ends a last lone CR and closes the stream
 * below. Not thread-safe.
 */
final class CrlfOutputStream extends FilterOutputStream {
  private final ByteArrayOutputStream chunk = new ByteArrayOutputStream(1 << 16);
  private boolean afterCr;

  CrlfOutputStream(OutputStream out) {
    super(out);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    chunk.reset();
    for (int i = off; i < off + len; i++) {
      byte c = b[i];
      if (afterCr && c != '\n') {
        chunk.write('\n');
      } else if (!afterCr && c == '\n') {
        chunk.write('\r');
      }
      chunk.write(c);
      afterCr = c == '\r';
    }
    chunk.writeTo(out);
  }

  @Override
  public void close() throws IOException {
    if (afterCr) {
      out.write('\n');
      afterCr = false;
    }
    super.close();
  }
}

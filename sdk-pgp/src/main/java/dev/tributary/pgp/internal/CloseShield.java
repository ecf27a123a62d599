package dev.tributary.pgp.internal;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Passes everything through to the stream below except {@code close}, which only flushes it: for
 * handing a stream to code that closes what it is given (an armor writer, a caller's writer) while
 * the stream below must stay open.
 */
public final class CloseShield extends FilterOutputStream {
  public CloseShield(OutputStream out) {
    super(out);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }

  /** {@code in}, but for {@code close}, which does nothing: the input side of the same. */
  public static InputStream of(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public void close() {
        // the stream below stays open
      }
    };
  }
}

package dev.tributary.pgp.internal;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Passes everything through to the stream below except {@code close}, which only flushes it: for
 * handing a stream to code that closes what it is given (an armor writer, a caller's writer) while
 * the stream below must stay open; {@link #input} does the same for an input stream.
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

  /** {@code in}, except that {@code close} does nothing: for a caller's stream that stays open. */
  public static InputStream input(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return in.read(b, off, len);
      }

      @Override
      public void close() {}
    };
  }
}

package dev.tributary.sftp;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Streams that run an action once a number of bytes went through: to break things mid-way. */
final class Hooks {
  private Hooks() {}

  /** An input stream that runs {@code action} once, after {@code after} bytes were read. */
  static InputStream afterReading(InputStream in, long after, Runnable action) {
    return new FilterInputStream(in) {
      long count;
      boolean fired;

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          advance(1);
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
          advance(n);
        }
        return n;
      }

      private void advance(int n) {
        count += n;
        if (!fired && count >= after) {
          fired = true;
          action.run();
        }
      }
    };
  }

  /** An output stream that runs {@code action} once, after {@code after} bytes were written. */
  static OutputStream afterWriting(OutputStream out, long after, Runnable action) {
    return new FilterOutputStream(out) {
      long count;
      boolean fired;

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        count += len;
        if (!fired && count >= after) {
          fired = true;
          action.run();
        }
      }
    };
  }
}

package dev.tributary.pgp.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Marks an I/O failure of the caller's input stream (a dropped connection, a disk error), so that
 * it is reported as a transient failure to retry rather than as damaged data. An {@link
 * IOException} so that it passes through BouncyCastle's parsing unchanged.
 */
final class SourceFailure extends IOException {
  private static final long serialVersionUID = 1L;

  SourceFailure(IOException cause) {
    super(cause.getMessage(), cause);
  }

  static boolean isCause(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SourceFailure) {
        return true;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return false;
  }

  /** Wraps the caller's stream: its I/O failures become {@link SourceFailure}s. */
  static InputStream guard(InputStream source) {
    return new FilterInputStream(source) {
      @Override
      public int read() throws IOException {
        try {
          return in.read();
        } catch (java.io.EOFException e) {
          throw e;
        } catch (IOException e) {
          throw new SourceFailure(e);
        }
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        try {
          return in.read(b, off, len);
        } catch (java.io.EOFException e) {
          throw e;
        } catch (IOException e) {
          throw new SourceFailure(e);
        }
      }

      /**
       * Always 0, which any stream may answer: BouncyCastle's packet readers ask after every read
       * whether to read on, and a {@code FileInputStream} answers with two system calls (fstat and
       * lseek), which cost a 512 MiB {@code sop decrypt} of a compressed message 0.2 s of CPU.
       */
      @Override
      public int available() {
        return 0;
      }
    };
  }
}

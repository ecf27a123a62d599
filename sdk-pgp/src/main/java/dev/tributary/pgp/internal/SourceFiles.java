package dev.tributary.pgp.internal;

import dev.tributary.core.TransientException;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The source files of the file API ({@code encryptFile}, {@code decryptFile}, {@code verifyFile}),
 * whose read failures name the file, as {@link AtomicFiles}' write failures name the target: a disk
 * or network file system failing midway said only "Input/output error", and from inside a
 * decryption "reading the message failed: Input/output error", which named no file.
 */
public final class SourceFiles {
  private SourceFiles() {}

  /**
   * Opens {@code source} for reading. A failure to open it is thrown as it is ({@link IoFailures}
   * words it); a failure of a read later is a {@link ReadFailure} that names {@code source}, but
   * for an interrupt, which stays what it is.
   */
  public static InputStream open(Path source) throws IOException {
    return new SourceStream(Files.newInputStream(source), source);
  }

  /**
   * {@code e} told as a failure of a call on a source file ({@code call}, such as "cannot decrypt
   * a.pgp: ") when it is a {@link TransientException} that comes from a failed read of the file:
   * "cannot decrypt a.pgp: cannot read a.pgp: Input/output error". Anything else is returned as it
   * is.
   */
  public static RuntimeException named(String call, RuntimeException e) {
    ReadFailure f = find(e);
    return f != null && e instanceof TransientException
        ? new TransientException(call + f.getMessage(), f)
        : e;
  }

  private static @Nullable ReadFailure find(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ReadFailure f) {
        return f;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return null;
  }

  /** A failure to read a source file, told by the file's name and what befell it. */
  public static final class ReadFailure extends IOException {
    private static final long serialVersionUID = 1L;

    ReadFailure(Path source, IOException cause) {
      super("cannot read " + source + ": " + IoFailures.reason(cause), cause);
    }
  }

  private static final class SourceStream extends FilterInputStream {
    private final Path source;

    SourceStream(InputStream in, Path source) {
      super(in);
      this.source = source;
    }

    @Override
    public int read() throws IOException {
      try {
        return in.read();
      } catch (IOException e) {
        throw told(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return in.read(b, off, len);
      } catch (IOException e) {
        throw told(e);
      }
    }

    @Override
    public long skip(long n) throws IOException {
      try {
        return in.skip(n);
      } catch (IOException e) {
        throw told(e);
      }
    }

    private IOException told(IOException e) {
      boolean interrupt =
          e instanceof InterruptedIOException || e instanceof ClosedByInterruptException;
      return interrupt || e instanceof EOFException ? e : new ReadFailure(source, e);
    }
  }
}

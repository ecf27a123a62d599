package dev.tributary.connectors.file;

import dev.tributary.core.connector.RunReporter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Counts the bytes passed through and reports them to the run as they go. */
final class CountingOutputStream extends FilterOutputStream {
  private final RunReporter reporter;
  private long count;

  CountingOutputStream(OutputStream out, RunReporter reporter) {
    super(out);
    this.reporter = reporter;
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    count++;
    reporter.bytesTransferred(1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    count += len;
    reporter.bytesTransferred(len);
  }

  long count() {
    return count;
  }
}

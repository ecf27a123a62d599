package dev.tributary.templates.internal.exec;

import java.io.IOException;

/** A write to the caller's Appendable failed; carries the IOException. */
public final class OutputFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  OutputFailure(IOException cause) {
    super(cause);
  }

  @Override
  public synchronized IOException getCause() {
    return (IOException) super.getCause();
  }
}

package dev.tributary.pgp.internal;

import java.io.IOException;

/** Throwing a test's prepared failure, whatever its kind, from where an IOException may be. */
final class Failures {
  private Failures() {}

  static void raise(Throwable failure) throws IOException {
    if (failure instanceof IOException io) {
      throw io;
    }
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    throw new AssertionError("not a failure to raise: " + failure);
  }
}

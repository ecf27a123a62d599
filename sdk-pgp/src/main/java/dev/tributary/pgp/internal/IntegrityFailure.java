package dev.tributary.pgp.internal;

import java.io.IOException;

/**
 * Thrown inside the decryption streams when the MDC or AEAD check fails or the ciphertext ends
 * early. An {@link IOException} so that it passes through BouncyCastle's packet parsing unchanged;
 * {@link MessageDecryption} turns it into the one public {@link
 * dev.tributary.pgp.PgpIntegrityException}.
 */
final class IntegrityFailure extends IOException {
  private static final long serialVersionUID = 1L;

  IntegrityFailure(String detail) {
    super(detail);
  }

  IntegrityFailure(String detail, Throwable cause) {
    super(detail, cause);
  }

  /** Whether {@code t} or one of its causes is an integrity failure. */
  static boolean isCause(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof IntegrityFailure) {
        return true;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return false;
  }
}

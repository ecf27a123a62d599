package dev.tributary.pgp;

import org.jspecify.annotations.Nullable;

/**
 * A private key cannot make a signature: it has no signing key that is valid now (none, or all
 * expired or revoked), or its signing key's algorithm or key material cannot be used to sign. Sign
 * with another key. {@link #fingerprint()} names the key; the message never quotes key material.
 */
public class PgpKeyCannotSignException extends PgpKeyException {
  private static final long serialVersionUID = 1L;

  private final String fingerprint;

  public PgpKeyCannotSignException(String fingerprint, String message) {
    this(fingerprint, message, null);
  }

  public PgpKeyCannotSignException(String fingerprint, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.fingerprint = fingerprint;
  }

  /** The fingerprint of the private key that cannot sign. */
  public String fingerprint() {
    return fingerprint;
  }
}

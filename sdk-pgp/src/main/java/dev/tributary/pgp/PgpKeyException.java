package dev.tributary.pgp;

import dev.tributary.core.ConfigException;
import org.jspecify.annotations.Nullable;

/**
 * A key cannot be used as given: it is not ASCII-armored, it is the wrong kind (a private key where
 * a public key is expected, or the reverse), it is damaged, or it has no key the policy lets us
 * encrypt to. The message says what is wrong and how to fix it; it never quotes key material.
 */
public class PgpKeyException extends ConfigException {
  private static final long serialVersionUID = 1L;

  public PgpKeyException(String message) {
    super(message);
  }

  public PgpKeyException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}

package dev.tributary.pgp;

/**
 * A certificate cannot be encrypted to: none of its keys may be used for encryption now (none is
 * encryption-capable, or each is expired, revoked, too weak under the policy or has unusable key
 * material, or the whole certificate is expired or revoked). The message says which key failed and
 * why; {@link #fingerprint()} names the certificate. Ask the recipient for a current public key.
 */
public class PgpKeyCannotEncryptException extends PgpKeyException {
  private static final long serialVersionUID = 1L;

  private final String fingerprint;

  public PgpKeyCannotEncryptException(String fingerprint, String message) {
    super(message);
    this.fingerprint = fingerprint;
  }

  /** The fingerprint of the certificate that cannot be encrypted to. */
  public String fingerprint() {
    return fingerprint;
  }
}

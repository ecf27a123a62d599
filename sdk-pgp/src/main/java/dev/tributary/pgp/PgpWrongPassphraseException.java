package dev.tributary.pgp;

import org.jspecify.annotations.Nullable;

/**
 * A private key's passphrase is wrong (or missing for a protected key). {@link #fingerprint()}
 * names the key; the passphrase itself is never in the message.
 */
public class PgpWrongPassphraseException extends PgpKeyException {
  private static final long serialVersionUID = 1L;

  private final String fingerprint;
  private final boolean passphraseGiven;

  public PgpWrongPassphraseException(String fingerprint, boolean passphraseGiven) {
    this(fingerprint, passphraseGiven, null);
  }

  public PgpWrongPassphraseException(
      String fingerprint, boolean passphraseGiven, @Nullable Throwable cause) {
    this(fingerprint, passphraseGiven, "", cause);
  }

  /**
   * @param hint another likely cause, added to the message when not empty (it must not quote the
   *     passphrase)
   */
  public PgpWrongPassphraseException(
      String fingerprint, boolean passphraseGiven, String hint, @Nullable Throwable cause) {
    super(
        (passphraseGiven
                ? "wrong passphrase for private key " + fingerprint
                : "private key "
                    + fingerprint
                    + " is protected by a passphrase, and none was given")
            + (hint.isEmpty() ? "" : "; " + hint),
        cause);
    this.fingerprint = fingerprint;
    this.passphraseGiven = passphraseGiven;
  }

  /** Whether a passphrase was given (and is wrong), rather than none at all. */
  public boolean passphraseGiven() {
    return passphraseGiven;
  }

  /** The fingerprint of the key that could not be unlocked. */
  public String fingerprint() {
    return fingerprint;
  }
}

package dev.tributary.pgp;

/**
 * A message is encrypted with a cipher that is not used to decrypt it: one the policy refuses as
 * weak ({@link Reason#WEAK_ALGORITHM}: 3DES, CAST5 and Blowfish under the default policy, accepted
 * by {@link PgpPolicy#legacySenders()}), or one this library does not implement ({@link
 * Reason#UNSUPPORTED}: IDEA, or an ID no cipher has). {@link #cipherId()} and {@link #cipherName()}
 * name the cipher, for a caller that words the refusal its own way (a command-line tool, say).
 */
public class PgpCipherRefusedException extends PgpDataException {
  private static final long serialVersionUID = 1L;

  private final int cipherId;
  private final String cipherName;

  public PgpCipherRefusedException(Reason reason, int cipherId, String cipherName, String message) {
    super(reason, message);
    this.cipherId = cipherId;
    this.cipherName = cipherName;
  }

  /** The cipher's ID in the message (RFC 9580, section 9.3): 1 for IDEA, 3 for CAST5. */
  public int cipherId() {
    return cipherId;
  }

  /**
   * The cipher's name and ID, such as "CAST5 (ID 3)" or "IDEA (ID 1)", or "ID 99" for an ID that
   * names no cipher.
   */
  public String cipherName() {
    return cipherName;
  }
}

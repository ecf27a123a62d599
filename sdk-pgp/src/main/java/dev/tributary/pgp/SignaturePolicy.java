package dev.tributary.pgp;

/** What decryption does with signatures inside a message. */
public enum SignaturePolicy {
  /**
   * A valid signature by one of the verification certificates is required; a message without one
   * fails with {@link PgpDataException.Reason#BAD_SIGNATURE} (after the integrity check).
   */
  REQUIRED,
  /** Signatures are checked and reported, and a message without a valid one is still accepted. */
  OPTIONAL,
  /** Signatures are not checked (they are skipped; the integrity check still applies). */
  IGNORED
}

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
  /**
   * Signatures are not checked (they are skipped; the integrity check still applies). The message's
   * structure still is: one-pass signatures without their signatures, signatures without one, and
   * signatures that do not match the one-pass signature they close (RFC 9580 nests them: the first
   * signature after the data closes the last one-pass signature) are refused as {@link
   * PgpDataException.Reason#MALFORMED}, as under the other policies.
   */
  IGNORED
}

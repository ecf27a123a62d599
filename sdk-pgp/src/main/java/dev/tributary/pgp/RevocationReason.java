package dev.tributary.pgp;

import org.jspecify.annotations.Nullable;

/**
 * Why the owner revokes their key, for {@link PgpKey#revocationCertificate(RevocationReason,
 * String)}: the Reason for Revocation codes of RFC 9580, section 5.2.3.31, that apply to a key. The
 * reason decides what happens to what the key signed before (see {@link KeyRevocation}): a
 * <em>soft</em> revocation (superseded, retired) keeps those signatures valid, a <em>hard</em> one
 * (compromised, no reason) makes every signature the key made invalid, whenever it is dated.
 */
public enum RevocationReason {
  /**
   * Code 0, "no reason specified": hard. What {@link PgpKey#revocationCertificate()} writes, and
   * what {@code gpg --gen-revoke} and {@code sop revoke-key} write by default.
   */
  NO_REASON(0),
  /**
   * Code 1, "key superseded": soft. The owner has a new key; what the old one signed until now
   * stays valid.
   */
  KEY_SUPERSEDED(1),
  /**
   * Code 2, "key compromised": hard. The secret key leaked or may have: whoever holds it could date
   * a signature in the past, so none of the key's signatures stays valid.
   */
  KEY_COMPROMISED(2),
  /**
   * Code 3, "key retired": soft. The key is no longer used and has no successor; what it signed
   * until now stays valid.
   */
  KEY_RETIRED(3);

  private final int code;

  RevocationReason(int code) {
    this.code = code;
  }

  /** The reason's code in the signature, as {@link KeyRevocation#reasonCode()} gives it. */
  public int code() {
    return code;
  }

  /** Whether a key revoked for this reason is hard-revoked: no reason given, or compromised. */
  public boolean hard() {
    return this == NO_REASON || this == KEY_COMPROMISED;
  }

  /** The reason with {@code code}, or null for a code that is no key revocation reason here. */
  static @Nullable RevocationReason ofCode(int code) {
    for (RevocationReason reason : values()) {
      if (reason.code == code) {
        return reason;
      }
    }
    return null;
  }
}

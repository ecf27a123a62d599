package dev.tributary.pgp;

import java.util.Objects;

/**
 * A certification of a user ID cannot be made: the certifying key cannot certify, or the
 * certificate has no such user ID bound by its owner. {@link #reason()} tells which, {@link
 * #fingerprint()} names the key or certificate at fault.
 */
public class PgpCertificationException extends PgpKeyException {
  private static final long serialVersionUID = 1L;

  /** Why the certification was refused. */
  public enum Reason {
    /**
     * The certifying key has no valid certification key (not yet made, expired, revoked, not
     * allowed, or its secret is not here).
     */
    KEY_CANNOT_CERTIFY,
    /** The certificate has no such user ID with a valid self-signature. */
    USER_ID_NOT_BOUND
  }

  private final Reason reason;
  private final String fingerprint;

  public PgpCertificationException(Reason reason, String fingerprint, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
  }

  public Reason reason() {
    return reason;
  }

  /** The fingerprint of the certifying key, or of the certificate that lacks the user ID. */
  public String fingerprint() {
    return fingerprint;
  }
}

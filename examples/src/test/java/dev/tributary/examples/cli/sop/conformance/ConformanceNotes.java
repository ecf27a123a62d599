package dev.tributary.examples.cli.sop.conformance;

/** Why a test of sop-java's conformance suite is disabled here: the reasons, for @Disabled. */
final class ConformanceNotes {
  /**
   * The suite signs with its PASSWORD_PROTECTED_KEY, whose primary key expired on 2026-01-16 (the
   * suite's data, not the implementation, aged): an expired key cannot sign, and both our runner
   * and sqop 0.27.3 exit 79 (KEY_CANNOT_SIGN), as the draft asks of a key that cannot sign.
   */
  static final String EXPIRED_PROTECTED_KEY =
      "sop-java 14.0.0's PASSWORD_PROTECTED_KEY expired on 2026-01-16, so sign exits 79"
          + " (KEY_CANNOT_SIGN, draft-dkg-openpgp-stateless-cli-15), ours and sqop 0.27.3 alike";

  private ConformanceNotes() {}
}

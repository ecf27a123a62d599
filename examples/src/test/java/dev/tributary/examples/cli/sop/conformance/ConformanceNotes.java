package dev.tributary.examples.cli.sop.conformance;

/** Why a test of sop-java's conformance suite is disabled here: the reasons, for @Disabled. */
final class ConformanceNotes {
  /**
   * The suite signs with its PASSWORD_PROTECTED_KEY, whose primary key expired on 2026-01-16 (the
   * suite's data, not the implementation, aged; 14.0.1 and 14.0.3 ship the same key as 14.0.0): an
   * expired key cannot sign, and both our runner and sqop 0.27.3 exit 79 (KEY_CANNOT_SIGN), as the
   * draft asks of a key that cannot sign. The suite's one other test with that key, {@code
   * signVerifyWithEncryptedKeyWithoutPassphraseFails}, stays enabled: it gives no password and
   * expects 67 (KEY_IS_PROTECTED), which our runner exits because it unlocks a key before it looks
   * for a signing subkey (sqop 0.27.3 exits 79 there).
   */
  static final String EXPIRED_PROTECTED_KEY =
      "sop-java 14.0.3's PASSWORD_PROTECTED_KEY (the same as 14.0.0's) expired on 2026-01-16, so"
          + " sign exits 79 (KEY_CANNOT_SIGN, draft-dkg-openpgp-stateless-cli-15), ours and sqop"
          + " 0.27.3 alike";

  private ConformanceNotes() {}
}

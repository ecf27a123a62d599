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

  /**
   * encrypt --as=text stores the text with CRLF line endings, as RFC 9580 §5.9 requires of literal
   * data 'u' and as gpg --textmode does, and decrypt writes the literal data as stored. The suite
   * expects decrypt to give back its LF input byte for byte, which holds only for an implementation
   * that stores LF (sqop 0.27.3; pgpainless/pgpainless#466 reports the same) or converts back to
   * native line endings.
   */
  static final String TEXT_LINE_ENDINGS =
      "expects encrypt --as=text then decrypt to return the LF input unchanged; RFC 9580 §5.9"
          + " stores text with CRLF line endings, and our decrypt writes the data as stored"
          + " (see src/site/markdown/pgp.md, sop)";

  private ConformanceNotes() {}
}

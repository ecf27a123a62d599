package dev.tributary.examples.cli.sop;

/** The exit codes of draft-dkg-openpgp-stateless-cli that this implementation uses. */
final class SopExit {
  static final int OK = 0;
  static final int NO_SIGNATURE = 3;
  static final int CERT_CANNOT_ENCRYPT = 17;
  static final int MISSING_ARG = 19;
  static final int INCOMPLETE_VERIFICATION = 23;
  static final int CANNOT_DECRYPT = 29;
  static final int PASSWORD_NOT_HUMAN_READABLE = 31;
  static final int UNSUPPORTED_OPTION = 37;
  static final int BAD_DATA = 41;
  static final int EXPECTED_TEXT = 53;
  static final int OUTPUT_EXISTS = 59;
  static final int MISSING_INPUT = 61;
  static final int KEY_IS_PROTECTED = 67;
  static final int UNSUPPORTED_SUBCOMMAND = 69;
  static final int UNSUPPORTED_SPECIAL_PREFIX = 71;
  static final int AMBIGUOUS_INPUT = 73;
  static final int KEY_CANNOT_SIGN = 79;
  static final int INCOMPATIBLE_OPTIONS = 83;
  static final int UNSUPPORTED_PROFILE = 89;
  static final int PRIMARY_KEY_BAD = 103;
  static final int CERT_USERID_NO_MATCH = 107;
  static final int KEY_CANNOT_CERTIFY = 109;

  private SopExit() {}

  /** A failure with its exit code. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int code;

    Failure(int code, String message) {
      super(message);
      this.code = code;
    }
  }
}

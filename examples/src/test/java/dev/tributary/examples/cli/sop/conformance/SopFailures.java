package dev.tributary.examples.cli.sop.conformance;

import sop.exception.SOPGPException;

/**
 * Turns a sop exit code into the sop-java exception that carries the same code, as the suite
 * expects of an implementation: 29 is {@link SOPGPException.CannotDecrypt}, 37 {@link
 * SOPGPException.UnsupportedOption} (which the suite's AbortOnUnsupportedOption turns into an
 * aborted test), and so on. A code sop-java has no exception for fails the test outright.
 */
final class SopFailures {
  private SopFailures() {}

  /** The exception for a call that exited with {@code code} and wrote {@code stderr}. */
  static RuntimeException of(int code, String stderr) {
    String m = "sop exited with " + code + ": " + stderr.strip();
    if (code == SOPGPException.NoSignature.EXIT_CODE) {
      return new SOPGPException.NoSignature(m);
    } else if (code == SOPGPException.UnsupportedAsymmetricAlgo.EXIT_CODE) {
      return new SOPGPException.UnsupportedAsymmetricAlgo(m, null);
    } else if (code == SOPGPException.CertCannotEncrypt.EXIT_CODE) {
      return new SOPGPException.CertCannotEncrypt(m);
    } else if (code == SOPGPException.MissingArg.EXIT_CODE) {
      return new SOPGPException.MissingArg(m);
    } else if (code == SOPGPException.IncompleteVerification.EXIT_CODE) {
      return new SOPGPException.IncompleteVerification(m);
    } else if (code == SOPGPException.CannotDecrypt.EXIT_CODE) {
      return new SOPGPException.CannotDecrypt(m);
    } else if (code == SOPGPException.PasswordNotHumanReadable.EXIT_CODE) {
      return new SOPGPException.PasswordNotHumanReadable(m);
    } else if (code == SOPGPException.UnsupportedOption.EXIT_CODE) {
      return new SOPGPException.UnsupportedOption(m);
    } else if (code == SOPGPException.BadData.EXIT_CODE) {
      return new SOPGPException.BadData(m);
    } else if (code == SOPGPException.ExpectedText.EXIT_CODE) {
      return new SOPGPException.ExpectedText(m);
    } else if (code == SOPGPException.OutputExists.EXIT_CODE) {
      return new SOPGPException.OutputExists(m);
    } else if (code == SOPGPException.MissingInput.EXIT_CODE) {
      return new SOPGPException.MissingInput(m);
    } else if (code == SOPGPException.KeyIsProtected.EXIT_CODE) {
      return new SOPGPException.KeyIsProtected(m);
    } else if (code == SOPGPException.UnsupportedSubcommand.EXIT_CODE) {
      return new SOPGPException.UnsupportedSubcommand(m);
    } else if (code == SOPGPException.UnsupportedSpecialPrefix.EXIT_CODE) {
      return new SOPGPException.UnsupportedSpecialPrefix(m);
    } else if (code == SOPGPException.AmbiguousInput.EXIT_CODE) {
      return new SOPGPException.AmbiguousInput(m);
    } else if (code == SOPGPException.KeyCannotSign.EXIT_CODE) {
      return new SOPGPException.KeyCannotSign(m);
    } else if (code == SOPGPException.IncompatibleOptions.EXIT_CODE) {
      return new SOPGPException.IncompatibleOptions(m);
    } else if (code == SOPGPException.UnsupportedProfile.EXIT_CODE) {
      return new SOPGPException.UnsupportedProfile(m);
    } else if (code == SOPGPException.NoHardwareKeyFound.EXIT_CODE) {
      return new SOPGPException.NoHardwareKeyFound(m);
    } else if (code == SOPGPException.HardwareKeyFailure.EXIT_CODE) {
      return new SOPGPException.HardwareKeyFailure(m);
    } else if (code == SOPGPException.PrimaryKeyBad.EXIT_CODE) {
      return new SOPGPException.PrimaryKeyBad(m);
    } else if (code == SOPGPException.CertUserIdNoMatch.EXIT_CODE) {
      return new SOPGPException.CertUserIdNoMatch(m);
    } else if (code == SOPGPException.KeyCannotCertify.EXIT_CODE) {
      return new SOPGPException.KeyCannotCertify(m);
    } else if (code == SOPGPException.UnspecificFailure.EXIT_CODE) {
      return new SOPGPException.UnspecificFailure(m);
    }
    return new IllegalStateException("exit code no sop-java exception carries: " + m);
  }
}

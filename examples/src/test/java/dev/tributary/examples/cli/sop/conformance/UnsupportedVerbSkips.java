package dev.tributary.examples.cli.sop.conformance;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import sop.exception.SOPGPException;

/**
 * Lets a test of sop-java's suite skip when the implementation lacks a verb or an option, where the
 * suite asks for it inside {@code assertThrows}. The suite's {@code assumeSupported} aborts a test
 * whose implementation lacks the verb (see {@link CliSop}), but seven of its tests (such as {@code
 * RevokeKeyTest.revokeCertificateFails} and {@code ChangeKeyPasswordTest.nonUtf8PasswordsFail})
 * call it inside {@code assertThrows(X, ...)}, which reports the abort as "Unexpected exception
 * type thrown, expected X but was TestAbortedException": a failure that says nothing of X. Likewise
 * the suite's {@code AbortOnUnsupportedOptionExtension} aborts a test that throws {@link
 * SOPGPException.UnsupportedOption} (a binary's exit 37), but not one whose {@code assertThrows}
 * caught it (as {@code DetachedSignDetachedVerifyTest.verifyNotAfterThrowsNoSignature} would of a
 * binary without {@code --not-after}): it sees only the failed assertion. This passes the abort on,
 * and aborts for the unsupported option, so that those tests skip as the suite's others do. Only an
 * abort or an unsupported option that a failed assertion carries as its cause counts; any other
 * failure stays a failure.
 */
final class UnsupportedVerbSkips implements TestExecutionExceptionHandler {
  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable thrown)
      throws Throwable {
    if (thrown instanceof AssertionFailedError) {
      if (thrown.getCause() instanceof TestAbortedException aborted) {
        throw aborted;
      }
      if (thrown.getCause() instanceof SOPGPException.UnsupportedOption unsupported) {
        throw new TestAbortedException(
            "the implementation does not support an option this test uses: "
                + unsupported.getMessage(),
            unsupported);
      }
    }
    throw thrown;
  }
}

package dev.tributary.examples.cli.sop.conformance;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Lets a test of sop-java's suite skip when the implementation lacks a verb, where the suite asks
 * for the verb's handle inside {@code assertThrows}. The suite's {@code assumeSupported} aborts a
 * test whose implementation lacks the verb (see {@link CliSop}), but seven of its tests (such as
 * {@code RevokeKeyTest.revokeCertificateFails} and {@code
 * ChangeKeyPasswordTest.nonUtf8PasswordsFail}) call it inside {@code assertThrows(X, ...)}, which
 * reports the abort as "Unexpected exception type thrown, expected X but was TestAbortedException":
 * a failure that says nothing of X. This passes the abort on, so that those tests skip as the
 * suite's others do. Only an abort a failed assertion carries as its cause is passed on; any other
 * failure stays a failure.
 */
final class UnsupportedVerbSkips implements TestExecutionExceptionHandler {
  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable thrown)
      throws Throwable {
    if (thrown instanceof AssertionFailedError
        && thrown.getCause() instanceof TestAbortedException aborted) {
      throw aborted;
    }
    throw thrown;
  }
}

package dev.tributary.examples.cli.sop.conformance;

import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.Arguments;
import sop.testsuite.operation.CertifyValidateUserIdTest;

/**
 * sop-java's {@link CertifyValidateUserIdTest}, against the implementations of {@link
 * TributarySopFactory}.
 */
@ExtendWith(UnsupportedVerbSkips.class)
class CertifyValidateUserIdConformanceTest extends CertifyValidateUserIdTest {
  /** Hides the suite's own, which finds implementations only through an environment variable. */
  static Stream<Arguments> provideInstances() {
    return TributarySopFactory.arguments();
  }
}

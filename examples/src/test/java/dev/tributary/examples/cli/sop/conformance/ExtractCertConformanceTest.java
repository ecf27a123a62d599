package dev.tributary.examples.cli.sop.conformance;

import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.Arguments;
import sop.testsuite.operation.ExtractCertTest;

/**
 * sop-java's {@link ExtractCertTest}, against the implementations of {@link TributarySopFactory}.
 */
@ExtendWith(UnsupportedVerbSkips.class)
class ExtractCertConformanceTest extends ExtractCertTest {
  /** Hides the suite's own, which finds implementations only through an environment variable. */
  static Stream<Arguments> provideInstances() {
    return TributarySopFactory.arguments();
  }
}

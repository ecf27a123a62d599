package dev.tributary.examples.cli.sop.conformance;

import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.Arguments;
import sop.testsuite.operation.RevokeKeyTest;

/** sop-java's {@link RevokeKeyTest}, against the implementations of {@link TributarySopFactory}. */
@ExtendWith(UnsupportedVerbSkips.class)
class RevokeKeyConformanceTest extends RevokeKeyTest {
  /** Hides the suite's own, which finds implementations only through an environment variable. */
  static Stream<Arguments> provideInstances() {
    return TributarySopFactory.arguments();
  }
}

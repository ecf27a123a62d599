package dev.tributary.examples.cli.sop.conformance;

import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.Arguments;
import sop.testsuite.operation.ListProfilesTest;

/**
 * sop-java's {@link ListProfilesTest}, against the implementations of {@link TributarySopFactory}.
 */
@ExtendWith(UnsupportedVerbSkips.class)
class ListProfilesConformanceTest extends ListProfilesTest {
  /** Hides the suite's own, which finds implementations only through an environment variable. */
  static Stream<Arguments> provideInstances() {
    return TributarySopFactory.arguments();
  }
}

package dev.tributary.examples.cli.sop.conformance;

import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.Arguments;
import sop.testsuite.operation.EncryptDecryptTest;

/**
 * sop-java's {@link EncryptDecryptTest}, against the implementations of {@link
 * TributarySopFactory}.
 */
@ExtendWith(UnsupportedVerbSkips.class)
class EncryptDecryptConformanceTest extends EncryptDecryptTest {
  /** Hides the suite's own, which finds implementations only through an environment variable. */
  static Stream<Arguments> provideInstances() {
    return TributarySopFactory.arguments();
  }
}

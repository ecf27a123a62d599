package dev.tributary.examples.cli.sop.conformance;

import java.util.stream.Stream;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import sop.SOP;
import sop.testsuite.operation.DetachedSignDetachedVerifyTest;

/**
 * sop-java's {@link DetachedSignDetachedVerifyTest}, against the implementations of {@link
 * TributarySopFactory}.
 */
@ExtendWith(UnsupportedVerbSkips.class)
class DetachedSignDetachedVerifyConformanceTest extends DetachedSignDetachedVerifyTest {
  /** Hides the suite's own, which finds implementations only through an environment variable. */
  static Stream<Arguments> provideInstances() {
    return TributarySopFactory.arguments();
  }

  @Override
  @ParameterizedTest
  @MethodSource("provideInstances")
  @Disabled(ConformanceNotes.EXPIRED_PROTECTED_KEY)
  public void signVerifyWithEncryptedKey(SOP sop) {}

  @Override
  @ParameterizedTest
  @MethodSource("provideInstances")
  @Disabled(ConformanceNotes.EXPIRED_PROTECTED_KEY)
  public void signWithProtectedKeyAndMultiplePassphrasesTest(SOP sop) {}
}

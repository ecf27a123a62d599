package dev.tributary.examples.cli.sop.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.tributary.testing.RequiresProgram;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import sop.SOP;
import sop.exception.SOPGPException;
import sop.testsuite.operation.DetachedSignDetachedVerifyTest;
import sop.testsuite.operation.GenerateKeyTest;

/**
 * A sop binary that does not support an option should exit 37 (UNSUPPORTED_OPTION, "Unsupported
 * option" in the draft's table of failure modes), and sop-java's suite then skips the test that
 * asked for it: its {@code AbortOnUnsupportedOptionExtension}, which the suite's test classes
 * inherit with the {@code AbortOnUnsupportedOption} annotation, aborts a test that throws {@code
 * UnsupportedOption}, the exception {@link SopFailures} makes of exit 37. sqop 0.27.3 does not say
 * 37: an option it does not know ({@code generate-key --signing-only}, {@code --profile}, {@code
 * version --sop-spec}) is a usage error of its argument parser, exit 1, which the adapter does not
 * read as 37, so such a test fails against it, as it should: the binary does not do what the draft
 * asks. Driven with the suite's own {@code generateSigningOnlyKey}, run by JUnit as the conformance
 * run runs it, and its {@code verifyNotAfterThrowsNoSignature}, which meets the option inside
 * {@code assertThrows}: there the suite's extension does not see it, and {@link
 * UnsupportedVerbSkips} makes it the skip.
 */
@RequiresProgram(value = "sqop", debianPackage = "sqop")
class CliSopUnsupportedOptionTest {
  @TempDir Path dir;

  /** The implementation {@link SigningOnly} runs against, set by each test before it runs it. */
  private static volatile SOP binary;

  /** The suite's test class, as the conformance run extends it, on {@link #binary} alone. */
  @ExtendWith(UnsupportedVerbSkips.class)
  static class SigningOnly extends GenerateKeyTest {
    static Stream<Arguments> provideInstances() {
      return Stream.of(Arguments.of(Named.of(binary.toString(), binary)));
    }
  }

  /**
   * The suite's test class whose {@code verifyNotAfterThrowsNoSignature} runs {@code verify
   * --not-after} inside {@code assertThrows(NoSignature.class, ...)}, on {@link #binary} alone.
   */
  @ExtendWith(UnsupportedVerbSkips.class)
  static class NotAfter extends DetachedSignDetachedVerifyTest {
    static Stream<Arguments> provideInstances() {
      return Stream.of(Arguments.of(Named.of(binary.toString(), binary)));
    }
  }

  /** The suite's {@code generateSigningOnlyKey} on the sop binary {@code program}. */
  private static Events generateSigningOnlyKey(Path program) {
    return run(program, SigningOnly.class, "generateSigningOnlyKey");
  }

  /** The suite's test {@code method} of {@code suite} on the sop binary {@code program}. */
  private static Events run(Path program, Class<?> suite, String method) {
    binary = new CliSop(program.getFileName().toString(), SopRunner.binary(program));
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectMethod(suite, method, SOP.class.getName()))
        .execute()
        .testEvents();
  }

  /** sqop, except that {@code option} exits 37, as the draft asks of a binary without it. */
  private Path sqopSaying37(String option) throws IOException {
    Path script = dir.resolve("sqop-37");
    Files.writeString(
        script,
        """
        #!/bin/sh
        for arg in "$@"; do
          case "$arg" in
            OPTION|OPTION=*)
              echo "sqop-37: OPTION is not supported" >&2
              exit 37 ;;
          esac
        done
        exec sqop "$@"
        """
            .replace("OPTION", option),
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }

  @Test
  void anOptionTheBinaryDoesNotSupport_exit37_isSkippedByTheSuite_notFailed() throws IOException {
    Events events = generateSigningOnlyKey(sqopSaying37("--signing-only"));

    events.assertStatistics(s -> s.started(1).aborted(1).failed(0).succeeded(0));
    assertThat(reason(events.aborted()))
        .hasMessageContaining("sop exited with 37")
        .hasMessageContaining("--signing-only is not supported");
  }

  /**
   * Inside {@code assertThrows(NoSignature.class, ...)}, the suite's extension does not see the
   * {@code UnsupportedOption}: JUnit's assertion fails with it as its cause ("expected NoSignature
   * but was UnsupportedOption"), which {@link UnsupportedVerbSkips} passes on as the abort, as it
   * does for a verb the binary lacks.
   */
  @Test
  void anOptionTheBinaryDoesNotSupport_insideAssertThrows_isSkippedByTheSuite_notFailed()
      throws IOException {
    Events events =
        run(sqopSaying37("--not-after"), NotAfter.class, "verifyNotAfterThrowsNoSignature");

    events.assertStatistics(s -> s.started(1).aborted(1).failed(0).succeeded(0));
    assertThat(reason(events.aborted()))
        .hasMessageContaining("sop exited with 37")
        .hasMessageContaining("--not-after is not supported");
  }

  @Test
  void sqop_exits1_forAnOptionItDoesNotKnow_andTheTestFails() {
    Events events = generateSigningOnlyKey(Path.of("sqop"));

    events.assertStatistics(s -> s.started(1).failed(1).aborted(0).succeeded(0));
    assertThat(reason(events.failed()))
        .isInstanceOf(SOPGPException.UnspecificFailure.class)
        .hasMessageContaining("sop exited with 1")
        .hasMessageContaining("'--signing-only' which wasn't expected");
  }

  private static Throwable reason(Events finished) {
    return finished
        .list()
        .get(0)
        .getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable)
        .orElseThrow();
  }
}

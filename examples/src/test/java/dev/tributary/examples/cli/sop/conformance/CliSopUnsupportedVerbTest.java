package dev.tributary.examples.cli.sop.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import sop.SOP;
import sop.testsuite.operation.AbstractSOPTest;

/**
 * A sop binary that lacks a verb exits 69 (UNSUPPORTED_SUBCOMMAND), and sop-java's suite skips a
 * test whose implementation lacks a verb: its {@code assumeSupported} aborts the test when getting
 * the verb's handle ({@code sop.revokeKey()}) throws {@code UnsupportedSubcommand}. The adapter
 * runs a verb only when it is given its input, so it asks a binary for each verb first. Driven here
 * with a fake sop binary, a shell script that knows {@code version} and lacks {@code revoke-key}.
 */
class CliSopUnsupportedVerbTest {
  @TempDir Path dir;

  /** The suite's own check, on a test class of its. */
  private static final AbstractSOPTest SUITE = new AbstractSOPTest() {};

  private Path fakeSop() throws IOException {
    Path script = dir.resolve("fake-sop");
    Files.writeString(
        script,
        """
        #!/bin/sh
        echo "$1" >> "$(dirname "$0")/calls"
        case "$1" in
          version) echo "fake-sop 1.0" ;;
          *) echo "Subcommand $1 is not supported" >&2; exit 69 ;;
        esac
        """,
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }

  private List<String> calls() throws IOException {
    Path calls = dir.resolve("calls");
    return Files.exists(calls) ? Files.readAllLines(calls) : new ArrayList<>();
  }

  @Test
  void aVerbTheBinaryLacks_isSkippedByTheSuite_notFailed() throws IOException {
    SOP sop = new CliSop("fake-sop", SopRunner.binary(fakeSop()));

    Throwable thrown = catchThrowable(() -> SUITE.assumeSupported(sop::revokeKey));

    assertThat(thrown)
        .as("the suite's assumeSupported(sop::revokeKey) on a binary that exits 69")
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("revoke-key");
    assertThat(calls()).containsExactly("revoke-key");
  }

  @Test
  void aVerbTheBinaryHas_isRun() throws IOException {
    SOP sop = new CliSop("fake-sop", SopRunner.binary(fakeSop()));

    assertThat(SUITE.assumeSupported(sop::version).getName()).isEqualTo("fake-sop");
  }

  @Test
  void eachVerb_isAskedForOnce() throws IOException {
    SOP sop = new CliSop("fake-sop", SopRunner.binary(fakeSop()));

    for (int i = 0; i < 2; i++) {
      assertThat(catchThrowable(() -> SUITE.assumeSupported(sop::revokeKey)))
          .isInstanceOf(TestAbortedException.class);
    }

    assertThat(calls()).containsExactly("revoke-key");
  }

  /**
   * The suite asks for some handles inside {@code assertThrows}
   * (RevokeKeyTest.revokeCertificateFails does so); the abort then reaches JUnit as the cause of a
   * failed assertion, and {@link UnsupportedVerbSkips} passes it on as the abort.
   */
  @Test
  void anAbortInsideAssertThrows_isPassedOnAsTheAbort() throws IOException {
    SOP sop = new CliSop("fake-sop", SopRunner.binary(fakeSop()));
    Throwable failed =
        catchThrowable(
            () ->
                assertThrows(
                    IllegalStateException.class,
                    () -> SUITE.assumeSupported(sop::revokeKey).keys(new byte[0])));
    assertThat(failed).isInstanceOf(AssertionFailedError.class);

    Throwable handled =
        catchThrowable(() -> new UnsupportedVerbSkips().handleTestExecutionException(null, failed));

    assertThat(handled).isInstanceOf(TestAbortedException.class).isSameAs(failed.getCause());
  }

  @Test
  void anyOtherFailure_staysAFailure() {
    AssertionFailedError failed = new AssertionFailedError("expected X but was Y");

    Throwable handled =
        catchThrowable(() -> new UnsupportedVerbSkips().handleTestExecutionException(null, failed));

    assertThat(handled).isSameAs(failed);
  }
}

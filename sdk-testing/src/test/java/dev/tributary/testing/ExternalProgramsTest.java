package dev.tributary.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class ExternalProgramsTest {

  @Test
  void find_locatesAnInstalledProgramOnThePath() {
    assertThat(ExternalPrograms.find("sh"))
        .hasValueSatisfying(p -> assertThat(Files.isExecutable(p)).isTrue());
  }

  @Test
  void find_returnsEmptyForAMissingProgram() {
    assertThat(ExternalPrograms.find("tributary-no-such-program")).isEmpty();
  }

  @Test
  void required_isSetByTheEnvironmentOrTheSystemProperty() {
    assertThat(ExternalPrograms.required(null, null)).isFalse();
    assertThat(ExternalPrograms.required("false", null)).isFalse();
    assertThat(ExternalPrograms.required("true", null)).isTrue();
    assertThat(ExternalPrograms.required("1", null)).isTrue();
    assertThat(ExternalPrograms.required(null, "TRUE")).isTrue();
  }

  @Test
  void requiresProgram_skipsOrFailsATestWhoseProgramIsMissing() {
    Events tests = run(NeedsAMissingProgram.class);
    if (ExternalPrograms.required()) {
      // CI: the condition throws, and the test fails instead of being skipped.
      tests.assertStatistics(s -> s.failed(1).skipped(0).succeeded(0));
      assertThat(throwable(tests.failed()))
          .hasMessageContaining("'tributary-no-such-program' (Debian package tributary-pkg)")
          .hasMessageContaining("CI must not skip");
    } else {
      tests.assertStatistics(s -> s.skipped(1).started(0));
      assertThat(tests.skipped().list().get(0).getPayload(String.class))
          .hasValueSatisfying(
              reason ->
                  assertThat(reason)
                      .contains("'tributary-no-such-program' (Debian package tributary-pkg)")
                      .contains("run .ci/run"));
    }
  }

  @Test
  void requiresProgram_runsATestWhoseProgramIsInstalled() {
    run(NeedsAnInstalledProgram.class).assertStatistics(s -> s.succeeded(1).skipped(0));
  }

  @Test
  void requireInstalled_skipsOrFailsATestWhosePackagesAreMissing_sayingWhatToRun() {
    Events tests = run(NeedsMissingPackages.class);
    if (ExternalPrograms.required()) {
      tests.assertStatistics(s -> s.failed(1).aborted(0).succeeded(0));
      assertThat(throwable(tests.failed()))
          .hasMessageContaining("the packages are not installed in some/dir")
          .hasMessageContaining("CI must not skip");
    } else {
      tests.assertStatistics(s -> s.aborted(1).failed(0).succeeded(0));
      assertThat(throwable(tests.aborted()))
          .hasMessage(
              "the packages are not installed in some/dir; this test needs it: skipped."
                  + " Run 'npm ci' in some/dir, or run .ci/run, to run the test.");
    }
  }

  @Test
  void requireInstalled_letsATestWhosePackagesAreInstalledRun() {
    ExternalPrograms.requireInstalled(true, "nothing is missing", "Run nothing");
  }

  static Events run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(testClass))
        .execute()
        .testEvents();
  }

  static Throwable throwable(Events finished) {
    return finished
        .list()
        .get(0)
        .getPayload(TestExecutionResult.class)
        .flatMap(TestExecutionResult::getThrowable)
        .orElseThrow();
  }

  static class NeedsMissingPackages {
    @Test
    void needsThem() {
      ExternalPrograms.requireInstalled(
          false, "the packages are not installed in some/dir", "Run 'npm ci' in some/dir");
    }
  }

  static class NeedsAMissingProgram {
    @Test
    @RequiresProgram(value = "tributary-no-such-program", debianPackage = "tributary-pkg")
    void needsIt() {}
  }

  static class NeedsAnInstalledProgram {
    @Test
    @RequiresProgram(value = "sh", debianPackage = "dash")
    void needsIt() {}
  }
}

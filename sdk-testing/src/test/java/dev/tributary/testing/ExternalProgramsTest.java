package dev.tributary.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
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
    Events tests =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(NeedsAMissingProgram.class))
            .execute()
            .testEvents();
    if (ExternalPrograms.required()) {
      // CI: the condition throws, and the test fails instead of being skipped.
      tests.assertStatistics(s -> s.failed(1).skipped(0).succeeded(0));
      assertThat(
              tests
                  .failed()
                  .list()
                  .get(0)
                  .getPayload(org.junit.platform.engine.TestExecutionResult.class))
          .hasValueSatisfying(
              result ->
                  assertThat(result.getThrowable().orElseThrow())
                      .hasMessageContaining(
                          "'tributary-no-such-program' (Debian package tributary-pkg)")
                      .hasMessageContaining("CI must not skip"));
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
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(NeedsAnInstalledProgram.class))
        .execute()
        .testEvents()
        .assertStatistics(s -> s.succeeded(1).skipped(0));
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

package dev.tributary.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JitDirectivesTest {
  // The test JVM runs without the runnable jar's Add-Opens: the directive is not added, and
  // nothing is thrown (the runner's JIT is left as it was). SopJarIT shows the jar adding it.
  @Test
  void install_withoutTheJarsOpens_addsNothingAndThrowsNothing() {
    assertThat(JitDirectives.install()).isNull();
  }
}

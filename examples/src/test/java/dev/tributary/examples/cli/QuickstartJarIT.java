package dev.tributary.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The project's main job, as the README runs it: {@code java -jar … quickstart}. */
class QuickstartJarIT {
  @Test
  void quickstart_runsFromTheJar_exitsZero_andPrintsTheSummary() throws Exception {
    RunnableJarIT.Result r = RunnableJarIT.java("quickstart");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "[2/6] Export",
            "PGP over SFTP",
            "imported & merged",
            "4 sent, 4 verified by the receiver",
            "alerts       3 rendered",
            "Quickstart finished in");
    assertThat(r.err()).as("no log noise on standard error").isEmpty();
  }
}

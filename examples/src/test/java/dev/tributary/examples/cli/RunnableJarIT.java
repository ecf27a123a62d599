package dev.tributary.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the packaged {@code tributary-examples.jar} with {@code java -jar}, as users do. */
class RunnableJarIT {
  static final Path JAR = Path.of("target", "tributary-examples.jar");

  record Result(int code, String out, String err) {}

  static Result java(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile("cli", ".out");
    Path err = Files.createTempFile("cli", ".err");
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the jar finished within a minute").isTrue();
      return new Result(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  @Test
  void schedulePreview_runsFromTheJar() throws Exception {
    Result r =
        java(
            "schedule",
            "preview",
            "cron \"*/30 0-2 * * *\" America/New_York",
            "--after",
            "2026-11-01T04:59:00Z",
            "--count",
            "3");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines())
        .containsExactly(
            "2026-11-01T05:00:00Z  Sun 2026-11-01 01:00:00 EDT (-04:00)",
            "2026-11-01T05:30:00Z  Sun 2026-11-01 01:30:00 EDT (-04:00)",
            "2026-11-01T07:00:00Z  Sun 2026-11-01 02:00:00 EST (-05:00)");
  }

  @Test
  void badSchedule_exitsNonZeroWithTheMessage() throws Exception {
    Result r = java("schedule", "preview", "weekly FUNDAY 09:00 UTC");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("\"FUNDAY\" is not a day of the week");
  }
}

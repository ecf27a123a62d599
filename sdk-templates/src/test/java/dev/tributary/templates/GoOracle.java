package dev.tributary.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tributary.testing.ExternalPrograms;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Go's own text/template + sprig, built from src/test/go/oracle with Debian's golang-go and
 * golang-github-masterminds-sprig-dev, run on cases to get Go's answers.
 */
final class GoOracle {
  private final Path binary;

  private GoOracle(Path binary) {
    this.binary = binary;
  }

  /** Builds the oracle into target/; skips the test (fails it in CI) without Go or sprig. */
  static GoOracle build() throws IOException, InterruptedException {
    ExternalPrograms.require("go", "golang-go");
    Path script = Path.of("src", "test", "go", "oracle", "build.sh");
    Process p =
        new ProcessBuilder("bash", script.toString(), "target/gotemplate-oracle")
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("oracle build finished").isTrue();
    if (p.exitValue() == 3) {
      String message = "cannot build the Go oracle: " + output.strip();
      if (ExternalPrograms.required()) {
        throw new AssertionError(message);
      }
      Assumptions.abort(message);
    }
    assertThat(p.exitValue()).as(output).isZero();
    List<String> lines = output.strip().lines().toList();
    return new GoOracle(Path.of(lines.get(lines.size() - 1)));
  }

  /** Go's results for cases, in order. */
  List<GoCase> run(List<GoCase> cases) throws IOException, InterruptedException {
    StringBuilder input = new StringBuilder("[");
    for (int i = 0; i < cases.size(); i++) {
      GoCase c = cases.get(i);
      input.append(i == 0 ? "" : ",\n");
      input.append("{\"name\":").append(Json.write(c.name()));
      input.append(",\"template\":").append(Json.write(c.template()));
      input.append(",\"data\":").append(c.dataJson());
      if (c.missingKey() != null) {
        input.append(",\"missingkey\":").append(Json.write(c.missingKey()));
      }
      input.append('}');
    }
    input.append(']');
    Path in = Files.createTempFile("oracle", ".json");
    Path out = Files.createTempFile("oracle", ".out");
    try {
      Files.writeString(in, input, StandardCharsets.UTF_8);
      ProcessBuilder pb = new ProcessBuilder(binary.toString());
      pb.environment().put("TZ", "UTC");
      Process p = pb.redirectInput(in.toFile()).redirectOutput(out.toFile()).start();
      assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("oracle finished").isTrue();
      assertThat(p.exitValue()).isZero();
      List<GoCase> results = GoCase.parse(Files.readString(out, StandardCharsets.UTF_8));
      return new ArrayList<>(results);
    } finally {
      Files.deleteIfExists(in);
      Files.deleteIfExists(out);
    }
  }
}

package dev.tributary.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code template render} and {@code template conformance} from the packaged jar. */
class TemplateJarIT {
  @TempDir Path dir;

  @Test
  void templateRender_runsFromTheJar() throws Exception {
    Path template = Files.writeString(dir.resolve("t.tmpl"), "{{ .name | upper }} {{ .n }}");
    Path data = Files.writeString(dir.resolve("d.json"), "{\"name\":\"zoë\",\"n\":2.50}");
    RunnableJarIT.Result r =
        RunnableJarIT.java(
            "template", "render", "--template", template.toString(), "--data", data.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("ZOË 2.5");
  }

  @Test
  void templateConformance_passesTheSharedConformanceSet() throws Exception {
    Path cases =
        Path.of("..", "sdk-templates", "src", "test", "resources", "go-templates-cases.json");
    RunnableJarIT.Result r = RunnableJarIT.java("template", "conformance", cases.toString());
    assertThat(r.code()).as(r.out()).isZero();
    assertThat(r.out().strip()).endsWith("784 passed, 0 failed");
  }
}

package dev.tributary.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateCommandTest {
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();
  @TempDir Path dir;

  int run(String... args) {
    return TributaryCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  @Test
  void render_printsTheOutputExactly_withJsonNumbersAsFloat64() throws IOException {
    Path template = file("greeting.tmpl", "Hey, {{ .first_name }}! {{ .points }} points\n");
    Path data = file("ann.json", "{\"first_name\": \"Ann\", \"points\": 1000000}");
    int code =
        run("template", "render", "--template", template.toString(), "--data", data.toString());
    assertThat(code).isZero();
    assertThat(out).hasToString("Hey, Ann! 1e+06 points\n");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void render_brokenTemplate_printsGosErrorWithAHint_andExits2() throws IOException {
    Path template = file("t.tmpl", "{{ if eq .status “subscribed” }}yes{{ end }}");
    int code = run("template", "render", "--template", template.toString());
    assertThat(code).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString())
        .startsWith("error: template: t.tmpl:1: unrecognized character in action: U+201C '“'")
        .contains("hint: typographic quotes");
  }

  @Test
  void render_missingKeyError_failsOnTheMissingKey() throws IOException {
    Path template = file("t.tmpl", "Hi {{ .name }}");
    Path data = file("d.json", "{}");
    int code =
        run(
            "template",
            "render",
            "--template",
            template.toString(),
            "--data",
            data.toString(),
            "--missingkey",
            "error");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("map has no entry for key \"name\"");
  }

  @Test
  void render_badJsonData_isReportedWithGosMessage() throws IOException {
    Path template = file("t.tmpl", "x");
    Path data = file("d.json", "{\"a\": }");
    assertThat(
            run("template", "render", "--template", template.toString(), "--data", data.toString()))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("invalid JSON: invalid character '}' looking for beginning of value");
  }

  @Test
  void conformance_reportsEachFailure_thenTheCounts_andExitsNonZero() throws IOException {
    Path cases =
        file(
            "cases.json",
            "[{\"name\":\"ok\",\"template\":\"{{.a}}\",\"data\":{\"a\":1},\"expected\":\"1\"},"
                + "{\"name\":\"wrong\",\"template\":\"{{.a}}\","
                + "\"data\":{\"a\":2},\"expected\":\"3\"},"
                + "{\"name\":\"err\",\"template\":\"{{\",\"data\":null,\"error\":\"x\","
                + "\"errorPhase\":\"parse\"}]");
    int code = run("template", "conformance", cases.toString());
    assertThat(code).isEqualTo(1);
    assertThat(out.toString().lines())
        .containsExactly(
            "FAIL wrong: want output \"3\", got output \"2\"",
            "MESSAGE err: Go says \"x\", we say \"template: err:1: unclosed action\"",
            "1 error messages differ from Go's text (phases match)",
            "2 passed, 1 failed");
  }

  @Test
  void bench_printsOneJsonLinePerRenderingCase_inTheOraclesFormat() throws IOException {
    Path cases =
        file(
            "cases.json",
            "[{\"name\":\"a\",\"template\":\"{{.x}}\",\"data\":{\"x\":1}},"
                + "{\"name\":\"broken\",\"template\":\"{{index . 9}}\",\"data\":[]}]");
    int code =
        run("template", "bench", cases.toString(), "--seconds", "0.001", "--warmup-seconds", "0");
    assertThat(code).isZero();
    assertThat(out.toString().lines())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .matches(
                        "\\{\"name\":\"a\",\"parseNsPerOp\":[0-9.e+]+,"
                            + "\"renderNsPerOp\":[0-9.e+]+}"));
  }
}
